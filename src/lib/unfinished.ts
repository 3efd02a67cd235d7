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
  }
  return issues;
}
