/**
 * Full-text search: after every build, Pagefind indexes the built pages and
 * writes its index and client into `dist/pagefind/`. Everything is served
 * from the site itself; no outside service is involved.
 *
 * Pages opt in with `data-pagefind-body` (stories, people, events), so lists
 * and the timeline do not crowd the results.
 *
 * Pagefind runs in a process of its own and holds the whole index in memory
 * (1.2 GB at 4,000 stories). At `astro:build:done` that comes on top of
 * Astro's own peak, so `npm run build` (scripts/build.ts) sets
 * BACKSTORY_SEARCH_INDEX=after-build and indexes once Astro has exited; a
 * plain `astro build` indexes here.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_LANG } from '../lib/site-language.ts';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { cborTextStrings } from './cbor-text.ts';

/** Set by scripts/build.ts: it calls {@link writeSearchIndex} itself, after Astro. */
export const SEARCH_AFTER_BUILD = { BACKSTORY_SEARCH_INDEX: 'after-build' } as const;

/** What Pagefind writes before the CBOR of a metadata file, once decompressed. */
const META_SIGNATURE = 'pagefind_dcd';

/** The index's folder in a built site. */
const INDEX_FOLDER = 'pagefind';

/**
 * The files Pagefind names by a hash of their content: a page's fragment
 * (`fragment/en_1a2b3c4.pf_fragment`), the word index in chunks, filters, and
 * the metadata that lists them all. Pagefind never writes such a file again
 * when it exists: the name vouches for the bytes.
 */
const HASHED_FILES = [
  { folder: 'fragment', suffix: '.pf_fragment' },
  { folder: 'index', suffix: '.pf_index' },
  { folder: 'filter', suffix: '.pf_filter' },
  { folder: '', suffix: '.pf_meta' },
] as const;

/** Every content-named file of an index folder, as paths inside it (`fragment/en_1a2b3c4.pf_fragment`). */
function hashedFiles(indexDir: string): string[] {
  return HASHED_FILES.flatMap(({ folder, suffix }) => {
    const dir = join(indexDir, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(suffix))
      .map((name) => (folder ? `${folder}/${name}` : name));
  });
}

/** The Pagefind version an index folder was written by, if it has one. */
function writtenBy(indexDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(indexDir, 'pagefind-entry.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The installed Pagefind's version: an index by another version is not reused. */
function pagefindVersion(): string {
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Hard-links the content-named files of the last build's index into the new
 * one's folder, before Pagefind writes it. Pagefind then skips every file
 * that exists, and most do after an edit: each page's fragment, unless the
 * page changed. Compressing and creating those files was most of its
 * writing: at 4,000 stories (12,800 pages) Pagefind took 13.5–16.8 s into a
 * new folder and 7.9 s over an index already there. Linking is safe
 * because Pagefind never opens an existing content-named file: the last
 * build's output, still being served, is left as it was. Files of another
 * Pagefind version are not reused.
 */
function reuseIndexFiles(previousIndexDir: string, indexDir: string): number {
  if (!existsSync(previousIndexDir) || writtenBy(previousIndexDir) !== pagefindVersion()) return 0;
  // Each folder once, and only those the last index has: a build from nothing makes no empty ones.
  for (const { folder } of HASHED_FILES) if (existsSync(join(previousIndexDir, folder))) mkdirSync(join(indexDir, folder), { recursive: true });
  let linked = 0;
  for (const file of hashedFiles(previousIndexDir)) {
    try {
      linkSync(join(previousIndexDir, file), join(indexDir, file));
      linked++;
    } catch {
      // Not linked (another disk, say): Pagefind writes that file itself.
    }
  }
  return linked;
}

/**
 * Deletes the content-named files no longer part of the index: the reused
 * fragments of pages that changed or went, old word-index chunks and old
 * metadata. The metadata of each language names every fragment, chunk and
 * filter it uses by its hash, a text string in its (gzipped) CBOR, so a
 * file whose hash it does not name is not used.
 */
function pruneIndexFiles(indexDir: string): number {
  const entry = JSON.parse(readFileSync(join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const metas = Object.values(entry.languages).map(({ hash }) => `pagefind.${hash}.pf_meta`);
  // Read once into a set: searching the metadata's text for each of 12,900 names took 0.7 s at 4,000 stories.
  const listed = new Set(metas.flatMap((meta) => [...cborTextStrings(gunzipSync(readFileSync(join(indexDir, meta))), META_SIGNATURE.length)]));
  let removed = 0;
  for (const file of hashedFiles(indexDir)) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const used = name.endsWith('.pf_meta') ? metas.includes(name) : listed.has(name.slice(0, name.indexOf('.')));
    if (used) continue;
    unlinkSync(join(indexDir, file));
    removed++;
  }
  return removed;
}

/**
 * Indexes the record pages of a built site into `<out>/pagefind/`; returns a
 * line for the log. Given the last build's output, its unchanged index files
 * are reused (see {@link reuseIndexFiles}).
 */
export async function writeSearchIndex(out: string, previousOut?: string): Promise<string> {
  const started = performance.now();
  const indexDir = join(out, INDEX_FOLDER);
  const reused = previousOut ? reuseIndexFiles(join(previousOut, INDEX_FOLDER), indexDir) : 0;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SITE_LANG });
  if (!index) throw new Error(`Search index could not be created: ${errors.join('; ')}`);
  let pages: number;
  try {
    // Only these pages are indexed (see above): Pagefind need not read the rest.
    const added = await index.addDirectory({ path: out, glob: '{stories,people,events}/*/index.html' });
    if (added.errors.length > 0) throw new Error(`Search indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: indexDir });
    if (written.errors.length > 0) throw new Error(`Search index could not be written: ${written.errors.join('; ')}`);
    pages = added.page_count;
  } finally {
    await pagefind.close();
  }
  if (reused === 0) return `search index: ${pages} pages in ${Math.round(performance.now() - started)} ms`;
  const stale = pruneIndexFiles(indexDir);
  return `search index: ${pages} pages in ${Math.round(performance.now() - started)} ms (${reused - stale} of its files reused from the last build)`;
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'backstory-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.BACKSTORY_SEARCH_INDEX === SEARCH_AFTER_BUILD.BACKSTORY_SEARCH_INDEX) return;
        logger.info(await writeSearchIndex(fileURLToPath(dir)));
      },
    },
  };
}
