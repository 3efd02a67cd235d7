/**
 * Records not ready to publish although no longer drafts: a story without
 * its article, or a field still holding the words `npm run new` put there
 * (see `scaffold.ts`). Drafts may be unfinished; a published record may not.
 */
import type { ContentIssue } from './errors.ts';
import type { AnyRecord } from './records.ts';
import { PLACEHOLDER_SUMMARIES } from './scaffold.ts';

/** HTML comments: they are never shown, so a body of comments alone says nothing. */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Whether a Markdown body holds anything a reader would see: more than blank lines and comments. */
export function hasText(body: string): boolean {
  return body.replace(COMMENT, '').trim() !== '';
}

/** A heading line (`## Title`), and the line under a heading written `Title` / `-----`. */
const HEADING = /^ {0,3}#{1,6}(?:[ \t].*)?$/;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Whether a body with text has nothing but headings: an outline, not an article. */
function onlyHeadings(body: string): boolean {
  const lines = body.replace(COMMENT, '').split(/\r?\n/);
  return lines.every((line, i) => line.trim() === '' || HEADING.test(line) || UNDERLINE.test(line) || UNDERLINE.test(lines[i + 1] ?? ''));
}

/** What keeps a published record from being finished, each at its place in the file. */
export function unfinishedIssues(record: Pick<AnyRecord, 'kind' | 'file' | 'summary' | 'body' | 'bodyLine' | 'locate'>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (PLACEHOLDER_SUMMARIES[record.kind] === record.summary.trim()) {
    issues.push({
      file: record.file,
      ...record.locate?.('summary'),
      field: 'summary',
      message: 'the summary is still the placeholder that `npm run new` wrote',
      hint: record.kind === 'person' ? 'say in one line who they are' : `say in one or two sentences what ${record.kind === 'story' ? 'the story is about' : 'happened'}`,
    });
  }
  if (record.kind === 'story' && !hasText(record.body)) {
    const comments = record.body.trim() !== '';
    issues.push({
      file: record.file,
      line: record.bodyLine,
      column: 1,
      message: comments ? 'the story has no text, only a comment' : 'the story has no text',
      hint: comments ? 'write the article in place of the comment' : 'write the article below the closing "---"',
    });
  } else if (record.kind === 'story' && onlyHeadings(record.body)) {
    issues.push({ file: record.file, line: record.bodyLine, column: 1, message: 'the story has only headings, no text', hint: 'write the article under the headings' });
  }
  return issues;
}
