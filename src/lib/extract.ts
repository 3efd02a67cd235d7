/**
 * Reads the mentions out of every body, once per build, for the graph.
 * Problems come back as content issues positioned in the file, not the body.
 */
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { AnyRecord, Target } from './records.ts';
import type { PartialDate } from './dates.ts';
import type { ContentIssue } from './errors.ts';
import { linkMentions, type DateNote, type Mention, type MentionOptions, type MentionProblem } from './mentions.ts';
import { createHash } from 'node:crypto';

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

/**
 * Extractions already made in this process, by a digest of everything they
 * depend on. The build checks all content before Astro starts and then builds
 * the graph again from Astro's collections: with this cache each body is
 * parsed once, not twice. It lives on `globalThis` because Astro loads the
 * config and the pages as separate module graphs in the same process.
 */
const memo: Map<string, Omit<Extraction, 'issues' | 'warnings'> & { problems: MentionProblem[] }> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('backstory.extractions')
] ??= new Map()) as never;

export function extractMentions(record: Pick<AnyRecord, 'body' | 'bodyLine' | 'file'> & RecordTraits, options: Pick<MentionOptions, 'index' | 'href'>): Extraction {
  const traits = optionsFor(record);
  const key = createHash('sha256')
    .update(JSON.stringify([options.index.fingerprint, options.href({ kind: 'person', id: 'x' } as Target), traits]))
    .update(record.body)
    .digest('hex');
  let found = memo.get(key);
  if (!found) {
    const tree = parser.parse(record.body);
    found = linkMentions(tree, { ...options, ...traits, source: record.body });
    memo.set(key, found);
  }
  const { mentions, problems, dates } = found;
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
