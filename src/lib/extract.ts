/**
 * Reads the mentions out of every body, once per build, for the graph.
 * Problems come back as content issues positioned in the file, not the body.
 */
import type { AnyRecord, Target } from './records.ts';
import { dateStyle, type PartialDate } from './dates.ts';
import type { ContentIssue } from './errors.ts';
import { linkMentions, type DateNote, type Mention, type MentionOptions, type MentionProblem } from './mentions.ts';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Root } from 'mdast';
import { parseMarkdown } from './parse-markdown.ts';
import { rebaseLinks } from './rebase-links.ts';
import { brokenMarkup, type LocalImage } from './broken-markup.ts';
import type { LocalLink } from './internal-links.ts';

export interface Extraction {
  mentions: Mention[];
  dates: DateNote[];
  issues: ContentIssue[];
  /** Dates that look wrong: reported to the editor, shown to the reader, not fatal. */
  warnings: ContentIssue[];
  /** The body as HTML, when a renderer was given and the body has no problems. */
  html?: string;
  /** The site's own images the body shows, at their lines in the file: whether each exists is asked each run. */
  images: LocalImage[];
  /** Its links to the site's own pages, at their lines in the file: whether each leads somewhere is asked each run. */
  links: LocalLink[];
}

/** What the transform needs to know of a record: its kind and id, its opt-out, its publication date. */
export interface RecordTraits {
  kind?: AnyRecord['kind'];
  id?: string;
  autolink?: boolean;
  published?: { day: PartialDate };
  updated?: { day: PartialDate };
  /** A story's or event's `people`. */
  people?: readonly string[];
  /** A story's language, when not the site's: the site's own words in its body are marked. */
  lang?: string;
}

/** The transform options that depend on the record: autolinking, date anchoring, itself, whom it lists. */
export function optionsFor(record: RecordTraits): Pick<MentionOptions, 'autolink' | 'published' | 'updated' | 'self' | 'listed'> {
  return {
    ...(record.people && record.people.length > 0 ? { listed: record.people } : {}),
    autolink: record.kind !== 'story' || record.autolink !== false,
    ...(record.kind === 'story' && record.published ? { published: record.published.day } : {}),
    ...(record.kind === 'story' && record.published && record.updated ? { updated: record.updated.day } : {}),
    ...((record.kind === 'person' || record.kind === 'event') && record.id ? { self: { kind: record.kind, id: record.id } as Target } : {}),
  };
}

/** Turns a linked tree into HTML; see `src/markdown/render.ts`. */
export interface Renderer {
  /** The HTML of a linked body; `lang`, the record's language when it has one. */
  render: (tree: Root, lang?: string) => string;
  /** Changes whenever the HTML for the same tree would change. */
  version: number;
}

export interface ExtractOptions extends Pick<MentionOptions, 'index' | 'href'> {
  /** Also render the body (the build); the content check only reads mentions. */
  renderer?: Renderer;
  /** A folder that keeps extractions (and HTML) between runs, by digest. */
  cacheDir?: string;
  /** The site's base path, given to the body's links from the root (see `rebase-links.ts`); `href` depends on it too, so the digest does. */
  base?: string;
}

interface Stored {
  mentions: Mention[];
  problems: MentionProblem[];
  warnings: MentionProblem[];
  dates: DateNote[];
  images: LocalImage[];
  links: LocalLink[];
  /** The rendered body, and the renderer version that drew it. */
  html?: string;
  renderVersion?: number;
}

/** Bump when the stored shape or the transform changes. */
const CACHE_VERSION = 11;

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
 * The disk cache: one file per code digest, `bodies/<digest>.ndjson`, one
 * line `[key, extraction]` per body of recent runs (see
 * {@link saveExtractions}). One file, not one per
 * body: a big site's cold build would otherwise create ten thousand small
 * files, and bodies that changed would pile up in the folder forever.
 */
const packPath = (dir: string) => join(dir, 'bodies', `${codeDigest()!.slice(0, 16)}.ndjson`);

/**
 * The pack as read from disk (lazily, once per process and folder), with
 * what this process has added to it since. Shared on `globalThis` like the
 * memo: the content check and the pages load this module separately.
 */
const disk: { pack?: { dir: string; entries: Map<string, Stored> } } = ((globalThis as Record<symbol, unknown>)[Symbol.for('backstory.extractions.disk')] ??= {}) as never;

function readStored(dir: string | undefined, key: string): Stored | undefined {
  if (!dir || !codeDigest()) return undefined;
  if (disk.pack?.dir !== dir) {
    const entries = new Map<string, Stored>();
    let text = '';
    try {
      text = readFileSync(packPath(dir), 'utf8');
    } catch {
      // No pack yet: the bodies are rendered.
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const [k, stored] = JSON.parse(line) as [string, Stored];
        entries.set(k, stored);
      } catch {
        // A damaged line (an append cut short): that body is rendered again.
      }
    }
    disk.pack = { dir, entries };
  }
  return disk.pack.entries.get(key);
}

/**
 * Of the bodies in the pack, the share this run may leave unused before the
 * pack is written again without them. Below it, new bodies are appended: an
 * edit to one story then writes one line, not the pack (about 100 MB at
 * 4,000 stories, 0.4 s).
 */
const UNUSED_SHARE = 0.25;

/**
 * Writes the extractions of this run to the disk cache, once all bodies have
 * been read (`assembleSite`). New ones are appended to the pack, one line
 * each; once more than a quarter of the pack is bodies this run did not use
 * (edited or deleted since), the pack is written anew with this run's alone,
 * through a temporary file, so an interrupted build leaves the old pack
 * whole. An interrupted append leaves at most a damaged last line, which
 * the next run skips.
 */
export function saveExtractions(dir: string | undefined): void {
  if (!dir || !codeDigest()) return;
  const pack = disk.pack?.dir === dir ? disk.pack : undefined;
  // New bodies, and bodies rendered again (by a newer renderer): the later line wins when read.
  const added = [...memo].filter(([key, stored]) => pack?.entries.get(key) !== stored);
  let unused = 0;
  for (const key of pack?.entries.keys() ?? []) if (!memo.has(key)) unused++;
  if (added.length === 0 && unused === 0) return;
  const path = packPath(dir);
  try {
    // A pack read from disk (an empty one is new: written whole, which also clears packs of older code).
    if (pack && pack.entries.size > 0 && unused <= pack.entries.size * UNUSED_SHARE) {
      if (added.length === 0) return;
      const fd = openSync(path, 'a+');
      try {
        // After an append cut short, the new lines start on a line of their own, not on the end of the damaged one.
        const { size } = fstatSync(fd);
        const last = Buffer.alloc(1);
        if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) writeSync(fd, '\n');
        for (const entry of added) writeSync(fd, `${JSON.stringify(entry)}\n`);
      } finally {
        closeSync(fd);
      }
      for (const [key, stored] of added) pack.entries.set(key, stored);
      return;
    }
    writePack(path);
    disk.pack = { dir, entries: new Map(memo) };
  } catch {
    // A read-only cache only costs time.
  }
}

/** Writes this run's extractions as the whole pack, through a temporary file. */
function writePack(path: string): void {
  const partial = `${path}.${process.pid}.part`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Packs of older code are never read again.
    for (const name of readdirSync(dirname(path))) {
      if (join(dirname(path), name) !== path && !name.endsWith('.part')) rmSync(join(dirname(path), name), { recursive: true, force: true });
    }
    const fd = openSync(partial, 'w');
    try {
      // A line at a time: the whole pack as one string would double the memory it takes.
      for (const entry of memo) writeSync(fd, `${JSON.stringify(entry)}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Lets go of the extractions kept in memory. The build calls it once the
 * pages' site data is assembled: from then on only the HTML is needed, and
 * the site holds that itself.
 */
export function releaseExtractions(): void {
  memo.clear();
  delete disk.pack;
}

/** The digest of everything an extraction depends on. */
function digest(record: Pick<AnyRecord, 'body'> & RecordTraits, traits: object, options: ExtractOptions): string {
  return createHash('sha256')
    // The date style too: a body's resolved dates are written in it; and the language, which marks the site's words in it.
    .update(JSON.stringify([CACHE_VERSION, options.index.fingerprint, options.href({ kind: 'person', id: 'x' } as Target), dateStyle(), traits, record.lang ?? null]))
    .update(record.body)
    .digest('hex');
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
      const tree = parseMarkdown(record.body);
      // Before linking, which splits the text nodes and leaves the new ones without positions,
      // and before the base is added, as images are looked for by the path written.
      const broken = brokenMarkup(tree, record.body);
      if (options.base) rebaseLinks(tree, options.base);
      const result = linkMentions(tree, { index: options.index, href: options.href, ...traits, source: record.body });
      result.problems.push(...broken.problems);
      result.warnings.push(...broken.warnings);
      found = { ...result, images: broken.images, links: broken.links, ...(renderer && result.problems.length === 0 ? { html: renderer.render(tree, record.lang), renderVersion: renderer.version } : {}) };
    }
    memo.set(key, found!);
  }
  const { mentions, problems, warnings, dates, html, images, links } = found!;
  const shift = record.bodyLine - 1;
  return {
    mentions: mentions.map((m) => ({ ...m, line: m.line + shift })),
    dates: dates.map((d) => ({ ...d, line: d.line + shift })),
    images: images.map((i) => ({ ...i, line: i.line + shift })),
    links: links.map((l) => ({ ...l, line: l.line + shift })),
    issues: problems.map((p) => ({ file: record.file, line: p.line + shift, column: p.column, message: p.message, hint: p.hint })),
    warnings: [
      ...warnings.map((w) => ({ file: record.file, line: w.line + shift, column: w.column, message: w.message, hint: w.hint })),
      ...dates
        .filter((d) => d.conflict)
        .map((d) => ({ file: record.file, line: d.line + shift, column: d.column, message: `"${d.text}" resolves to ${d.datetime}: ${d.conflict}` })),
    ].sort((a, b) => a.line - b.line || a.column - b.column),
    ...(html !== undefined ? { html } : {}),
  };
}
