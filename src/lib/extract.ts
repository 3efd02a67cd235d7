/**
 * Reads the mentions out of every body, once per build, for the graph.
 * Problems come back as content issues positioned in the file, not the body.
 */
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { AnyRecord } from './records.ts';
import type { ContentIssue } from './errors.ts';
import { linkMentions, type Mention, type MentionOptions } from './mentions.ts';

const parser = remark().use(remarkGfm);

export interface Extraction {
  mentions: Mention[];
  issues: ContentIssue[];
}

export function extractMentions(record: Pick<AnyRecord, 'body' | 'bodyLine' | 'file'>, options: MentionOptions): Extraction {
  const tree = parser.parse(record.body);
  const { mentions, problems } = linkMentions(tree, options);
  const shift = record.bodyLine - 1;
  return {
    mentions: mentions.map((m) => ({ ...m, line: m.line + shift })),
    issues: problems.map((p) => ({ file: record.file, line: p.line + shift, column: p.column, message: p.message, hint: p.hint })),
  };
}
