/**
 * Puts the last build's pages into a new, empty output before Astro
 * generates any, as hard links to Astro's own copies, so that Astro need not
 * copy them in one by one.
 *
 * With `experimental.incrementalBuild`, Astro keeps a copy of every page
 * that has a `cacheKey` (`<cacheDir>/dist/`, named like the output). A page
 * whose key is unchanged is skipped: Astro copies its cached file into the
 * output, one at a time between pages, unless the output has the file
 * already. `npm run build` always builds into a new, empty folder, so after
 * one story is edited nearly every page is such a copy: 17,649 of them at
 * 4,000 stories, each a new file.
 *
 * So a worker links all cached pages in while the main thread starts up and
 * checks the content, and Astro waits for it before it bundles
 * (`astro:build:setup`). The result is the output Astro would make itself:
 * - a page Astro skips keeps the link: the bytes it would have copied;
 * - a page Astro renders again is first unlinked, in the output and in
 *   Astro's cache, by a middleware that runs before the page (see
 *   {@link beforeRender}). Astro writes both files in place, so without
 *   that the new bytes would go into the shared file, and so into the last
 *   build's output, which is still being served and must stay as it was
 *   should this build fail;
 * - a linked page Astro no longer makes (its story deleted, say) is removed
 *   at `astro:build:done`, before any other integration reads the output:
 *   every page Astro made, skipped or not, is in that hook's `assets`.
 *
 * Only an output folder that is empty when the build starts is filled: a
 * plain `astro build` over an old `dist/` is left to Astro, which empties it.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LinkWorkerData } from './cached-pages-worker.ts';
import { LINKED_PAGES, type WithLinkedPages } from './cached-pages-middleware.ts';

/** Where Astro keeps its copies of pages inside its cache folder (`INCREMENTAL_OUTPUT_DIR` in Astro's incremental build). */
export const ASTRO_PAGE_COPIES = 'dist';

/**
 * A file in the cache folder written as each build ends: its time is when
 * Astro's copies were last final (see `LinkWorkerData.finishedAt`).
 */
const FINISHED_FILE = 'cached-pages-finished';

/** When the last build finished with Astro's copies, if one did. */
function finishedAt(cacheDir: string): bigint | undefined {
  try {
    return statSync(join(cacheDir, FINISHED_FILE), { bigint: true }).mtimeNs;
  } catch {
    return undefined;
  }
}

/**
 * The output files a page at `pathname` (as the browser sees it, under
 * `base`) may be written to, relative to the output: with Astro's default
 * `build.format` ("directory") `stories/a/index.html`; the others for
 * routes that end in a file name.
 */
export function outputFilesOf(pathname: string, base: string): string[] {
  let path = decodeURIComponent(pathname);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (path.startsWith(prefix)) path = path.slice(prefix.length);
  else if (`${path}/` === prefix) path = '';
  else path = path.replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) return [`${path}index.html`];
  return [path, `${path}.html`, `${path}/index.html`];
}

/** True if `dir` does not exist or holds nothing. */
function isEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Starts the worker; settles with the files it put in place (none if it failed, with what it had placed removed). */
function startLinking(data: LinkWorkerData, workerUrl: URL, logger: AstroIntegrationLogger): Promise<string[]> {
  const { to } = data;
  return new Promise((done) => {
    const worker = new Worker(workerUrl, { workerData: data });
    worker.once('message', (placed: string[]) => done(placed));
    worker.once('error', (error) => {
      logger.warn(`the last build's pages could not be linked in (${error.message}); Astro restores them itself`);
      // The folder was empty when the worker started, and Astro writes nothing into it before it is awaited.
      for (const name of readdirSync(to)) rmSync(join(to, name), { recursive: true, force: true });
      done([]);
    });
  });
}

/** Removes the linked pages Astro did not make in this build, and their folders once empty; returns how many. */
function removeUnmade(outDir: string, linked: ReadonlySet<string>, made: ReadonlySet<string>): number {
  let removed = 0;
  for (const file of linked) {
    if (made.has(file)) continue;
    rmSync(join(outDir, file), { force: true });
    removed++;
    try {
      rmdirSync(dirname(join(outDir, file)));
    } catch {
      // Not empty (it holds another page): kept.
    }
  }
  return removed;
}

/**
 * Breaks the links of a page about to be rendered: its output file and
 * Astro's copy are removed, so Astro writes new files rather than into the
 * one they share with the last build's output. A page rendered is a page
 * changed, so neither old file is of use to this build.
 */
function beforeRender(linked: Set<string>, outDir: string, astroCopies: string, base: string, pathname: string): void {
  for (const file of outputFilesOf(pathname, base)) {
    if (!linked.delete(file)) continue;
    for (const path of [join(outDir, file), join(astroCopies, file)]) {
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
}

/** Notes that Astro's copies are final for this build (see {@link FINISHED_FILE}). */
function markFinished(cacheDir: string | undefined): void {
  if (!cacheDir || !existsSync(join(cacheDir, ASTRO_PAGE_COPIES))) return;
  try {
    // Bytes, not an empty file: writing them is what sets the time.
    writeFileSync(join(cacheDir, FINISHED_FILE), new Date().toISOString());
  } catch {
    // A read-only cache: the next build trusts every copy, as it would have to anyway.
  }
}

export default function cachedPages(): AstroIntegration {
  let cacheDir: string | undefined;
  let linking: Promise<string[]> | undefined;
  /** The pages linked in and not rendered since: each is a page Astro skipped, or one it no longer makes. */
  let linked = new Set<string>();
  /** Every page linked in, for the count in the log. */
  let placed = 0;
  return {
    name: 'backstory-cached-pages',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, addMiddleware, logger }) => {
        if (command !== 'build') return;
        const outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        const astroCopies = join(cacheDir, ASTRO_PAGE_COPIES);
        if (!isEmpty(outDir) || !existsSync(astroCopies)) return;
        // The links go in before Astro would empty the folder (it is empty already).
        updateConfig({ vite: { build: { emptyOutDir: false } } });
        addMiddleware({ entrypoint: new URL('src/integrations/cached-pages-middleware.ts', config.root), order: 'pre' });
        (globalThis as WithLinkedPages)[LINKED_PAGES] = {
          beforeRender: (pathname) => beforeRender(linked, outDir, astroCopies, config.base, pathname),
        };
        const data: LinkWorkerData = { from: astroCopies, to: outDir, finishedAt: finishedAt(cacheDir) };
        linking = startLinking(data, new URL('src/integrations/cached-pages-worker.ts', config.root), logger);
      },
      'astro:build:setup': async ({ logger }) => {
        if (!linking) return;
        const started = performance.now();
        const files = await linking;
        linking = undefined;
        linked = new Set(files);
        placed = files.length;
        logger.info(`${placed} pages of the last build linked in (waited ${Math.round(performance.now() - started)} ms)`);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        delete (globalThis as WithLinkedPages)[LINKED_PAGES];
        markFinished(cacheDir);
        if (placed === 0) return;
        const outDir = fileURLToPath(dir);
        const made = new Set([...assets.values()].flat().map((file) => relative(outDir, fileURLToPath(file))));
        const rendered = placed - linked.size;
        const removed = removeUnmade(outDir, linked, made);
        logger.info(`of the last build's pages: ${placed - rendered - removed} reused, ${rendered} rendered again, ${removed} removed (Astro no longer makes them)`);
        linked = new Set();
        placed = 0;
      },
    },
  };
}
