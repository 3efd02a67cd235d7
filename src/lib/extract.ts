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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Root } from 'mdast';

const parser = remark().use(remarkGfm);

export interface Extraction {
  mentions: Mention[];
  dates: DateNote[];
  issues: ContentIssue[];
  /** Dates that look wrong: reported to the editor, shown to the reader, not fatal. */
  warnings: ContentIssue[];
  /** The body as HTML, when a renderer was given and the body has no problems. */
  html?: string;
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

/** Turns a linked tree into HTML; see `src/markdown/render.ts`. */
export interface Renderer {
  render: (tree: Root) => string;
  /** Changes whenever the HTML for the same tree would change. */
  version: number;
}

export interface ExtractOptions extends Pick<MentionOptions, 'index' | 'href'> {
  /** Also render the body (the build); the content check only reads mentions. */
  renderer?: Renderer;
  /** A folder that keeps extractions (and HTML) between runs, by digest. */
  cacheDir?: string;
}

interface Stored {
  mentions: Mention[];
  problems: MentionProblem[];
  dates: DateNote[];
  /** The rendered body, and the renderer version that drew it. */
  html?: string;
  renderVersion?: number;
}

/** Bump when the stored shape or the transform changes. */
const CACHE_VERSION = 2;

/**
 * Extractions already made in this process, by a digest of everything they
 * depend on. The build checks all content before Astro starts and then builds
 * the graph again from Astro's collections: with this cache each body is
 * parsed once, not twice. It lives on `globalThis` because Astro loads the
 * config and the pages as separate module graphs in the same process.
 */
const memo: Map<string, Stored> = ((globalThis as Record<symbol, unknown>)[Symbol.for('backstory.extractions')] ??= new Map()) as never;

/**
 * A digest of the code that turns a body into mentions and HTML (the domain
 * core and the Markdown plugins, read from the project's `src/`, and the
 * installed versions of the parsers, from the lockfile), so that a change to
 * the code never serves a body cached by the code before it. Without the
 * sources at hand there is no disk cache.
 */
let code: string | undefined | null;
function codeDigest(): string | undefined {
  if (code !== undefined) return code ?? undefined;
  try {
    const hash = createHash('sha256');
    for (const folder of ['src/lib', 'src/markdown']) {
      const dir = join(process.cwd(), folder);
      for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
    }
    hash.update(readFileSync(join(process.cwd(), 'package-lock.json')));
    code = hash.digest('hex');
  } catch {
    code = null;
  }
  return code ?? undefined;
}

/**
 * Lets go of the extractions kept in memory. The build calls it once the
 * pages' site data is assembled: from then on only the HTML is needed, and
 * the site holds that itself.
 */
export function releaseExtractions(): void {
  memo.clear();
}

/** The digest of everything an extraction depends on. */
function digest(record: Pick<AnyRecord, 'body'>, traits: object, options: ExtractOptions): string {
  return createHash('sha256')
    .update(JSON.stringify([CACHE_VERSION, options.index.fingerprint, options.href({ kind: 'person', id: 'x' } as Target), traits]))
    .update(record.body)
    .digest('hex');
}

/** A body's file in the disk cache, under the code's digest: old code's files are never read. */
const cachePath = (dir: string, key: string) => join(dir, 'bodies', codeDigest()!.slice(0, 16), key.slice(0, 2), `${key}.json`);

function readStored(dir: string | undefined, key: string): Stored | undefined {
  if (!dir || !codeDigest()) return undefined;
  try {
    return JSON.parse(readFileSync(cachePath(dir, key), 'utf8')) as Stored;
  } catch {
    return undefined;
  }
}

let pruned = false;

function writeStored(dir: string | undefined, key: string, stored: Stored): void {
  if (!dir || !codeDigest()) return;
  try {
    if (!pruned) {
      // Bodies cached by older code are never read again.
      pruned = true;
      const current = codeDigest()!.slice(0, 16);
      for (const old of existsSync(join(dir, 'bodies')) ? readdirSync(join(dir, 'bodies')) : []) {
        if (old !== current) rmSync(join(dir, 'bodies', old), { recursive: true, force: true });
      }
    }
    const path = cachePath(dir, key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(stored));
  } catch {
    // A read-only cache only costs time.
  }
}

/**
 * What a body says: its mentions, dates and problems, and with a renderer its
 * HTML. Each body is parsed once per digest: in memory for this process, and
 * with `cacheDir` on disk for the next build, so an unchanged body is never
 * parsed again.
 */
export function extractMentions(record: Pick<AnyRecord, 'body' | 'bodyLine' | 'file'> & RecordTraits, options: ExtractOptions): Extraction {
  const traits = optionsFor(record);
  const key = digest(record, traits, options);
  const { renderer } = options;
  const usable = (s: Stored | undefined) => s && (!renderer || (s.html !== undefined && s.renderVersion === renderer.version));
  let found = memo.get(key);
  if (!usable(found)) {
    found = readStored(options.cacheDir, key);
    if (!usable(found)) {
      const tree = parser.parse(record.body);
      const result = linkMentions(tree, { index: options.index, href: options.href, ...traits, source: record.body });
      found = { ...result, ...(renderer && result.problems.length === 0 ? { html: renderer.render(tree), renderVersion: renderer.version } : {}) };
      writeStored(options.cacheDir, key, found);
    }
    memo.set(key, found!);
  }
  const { mentions, problems, dates, html } = found!;
  const shift = record.bodyLine - 1;
  return {
    mentions: mentions.map((m) => ({ ...m, line: m.line + shift })),
    dates: dates.map((d) => ({ ...d, line: d.line + shift })),
    issues: problems.map((p) => ({ file: record.file, line: p.line + shift, column: p.column, message: p.message, hint: p.hint })),
    warnings: dates
      .filter((d) => d.conflict)
      .map((d) => ({ file: record.file, line: d.line + shift, column: d.column, message: `"${d.text}" resolves to ${d.datetime}: ${d.conflict}` })),
    ...(html !== undefined ? { html } : {}),
  };
}
