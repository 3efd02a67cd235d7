/**
 * Reads the mentions out of every body, once per build, for the graph.
 * Problems come back as content issues positioned in the file, not the body.
 */
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { AnyRecord, Target } from './records.ts';
import type { PartialDate } from './dates.ts';
import type { ContentIssue } from './errors.ts';
import { linkMentions, type DateNote, type Mention, type MentionOptions } from './mentions.ts';

const parser = remark().use(remarkGfm);

export interface Extraction {
  mentions: Mention[];
  dates: DateNote[];
  issues: ContentIssue[];
  /** Dates that look wrong: reported to the editor, shown to the reader, not fatal. */
  warnings: ContentIssue[];
}

/** What the transform needs to know of a record: its kind and id, its opt-out, its publication date. */
export interface RecordTraits {
  kind?: AnyRecord['kind'];
  id?: string;
  autolink?: boolean;
  published?: { day: PartialDate };
}

/** The transform options that depend on the record: autolinking, date anchoring, itself. */
export function optionsFor(record: RecordTraits): Pick<MentionOptions, 'autolink' | 'published' | 'self'> {
  return {
    autolink: record.kind !== 'story' || record.autolink !== false,
    ...(record.kind === 'story' && record.published ? { published: record.published.day } : {}),
    ...((record.kind === 'person' || record.kind === 'event') && record.id ? { self: { kind: record.kind, id: record.id } as Target } : {}),
  };
}

export function extractMentions(record: Pick<AnyRecord, 'body' | 'bodyLine' | 'file'> & RecordTraits, options: Pick<MentionOptions, 'index' | 'href'>): Extraction {
  const tree = parser.parse(record.body);
  const { mentions, problems, dates } = linkMentions(tree, { ...options, ...optionsFor(record), source: record.body });
  const shift = record.bodyLine - 1;
  return {
    mentions: mentions.map((m) => ({ ...m, line: m.line + shift })),
    dates: dates.map((d) => ({ ...d, line: d.line + shift })),
    issues: problems.map((p) => ({ file: record.file, line: p.line + shift, column: p.column, message: p.message, hint: p.hint })),
    warnings: dates
      .filter((d) => d.conflict)
      .map((d) => ({ file: record.file, line: d.line + shift, column: d.column, message: `"${d.text}" resolves to ${d.datetime}: ${d.conflict}` })),
  };
}
