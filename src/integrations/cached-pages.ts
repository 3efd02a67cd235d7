/**
 * Puts the last build's pages into a new, empty output before Astro
 * generates any, so that Astro need not restore them one by one.
 *
 * With `experimental.incrementalBuild`, Astro keeps a copy of every page
 * that has a `cacheKey` (`<cacheDir>/dist/`, named like the output). A page
 * whose key is unchanged is then skipped: Astro copies its cached file into
 * the output, one at a time between pages, unless the output already has
 * the file. `npm run build` always builds into a new, empty folder, so
 * after one story is edited nearly every page is such a copy: at 1,000
 * stories, page generation took 1.6–2.1 s with Astro copying, 0.7–0.8 s
 * with the files already there.
 *
 * So a worker copies all cached pages in while the main thread starts up
 * and checks the content, and Astro waits for it before it bundles
 * (`astro:build:setup`). The result is the output Astro would make itself:
 * - a page Astro skips keeps the copy, the same bytes it would restore;
 * - a page Astro renders again is written over the copy (a copy, not a
 *   link: nothing else changes with it);
 * - a copied page Astro no longer makes (its story deleted, say) is removed
 *   at `astro:build:done`, before any other integration reads the output:
 *   every page Astro made, skipped or not, is in that hook's `assets`.
 *
 * Only an output folder that is empty when the build starts is filled: a
 * plain `astro build` over an old `dist/` is left to Astro, which empties it.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CopyWorkerData } from './cached-pages-worker.ts';

/** Where Astro keeps its copies of pages inside its cache folder (`INCREMENTAL_OUTPUT_DIR` in Astro's incremental build). */
const ASTRO_PAGE_COPIES = 'dist';

/** True if `dir` does not exist or holds nothing. */
function isEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Starts the worker; settles with the files it copied (none if it failed, with what it had copied removed). */
function startCopying(from: string, to: string, workerUrl: URL, logger: AstroIntegrationLogger): Promise<string[]> {
  return new Promise((done) => {
    const data: CopyWorkerData = { from, to };
    const worker = new Worker(workerUrl, { workerData: data });
    worker.once('message', (copied: string[]) => done(copied));
    worker.once('error', (error) => {
      logger.warn(`the last build's pages could not be copied in (${error.message}); Astro restores them itself`);
      // The folder was empty when the worker started, and Astro writes nothing into it before it is awaited.
      for (const name of readdirSync(to)) rmSync(join(to, name), { recursive: true, force: true });
      done([]);
    });
  });
}

/** Removes the copied pages Astro did not make in this build, and their folders once empty; returns how many. */
function removeUnmade(outDir: string, copied: readonly string[], made: ReadonlySet<string>): number {
  let removed = 0;
  for (const file of copied) {
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

export default function cachedPages(): AstroIntegration {
  let copying: Promise<string[]> | undefined;
  let copied: string[] = [];
  return {
    name: 'backstory-cached-pages',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        const outDir = fileURLToPath(config.outDir);
        const from = join(fileURLToPath(config.cacheDir), ASTRO_PAGE_COPIES);
        if (command !== 'build' || !isEmpty(outDir) || !existsSync(from)) return;
        // The copies go in before Astro would empty the folder (it is empty already).
        updateConfig({ vite: { build: { emptyOutDir: false } } });
        copying = startCopying(from, outDir, new URL('src/integrations/cached-pages-worker.ts', config.root), logger);
      },
      'astro:build:setup': async ({ logger }) => {
        if (!copying) return;
        const started = performance.now();
        copied = await copying;
        copying = undefined;
        logger.info(`${copied.length} pages of the last build copied in (waited ${Math.round(performance.now() - started)} ms)`);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (copied.length === 0) return;
        const outDir = fileURLToPath(dir);
        const made = new Set([...assets.values()].flat().map((file) => relative(outDir, fileURLToPath(file))));
        const removed = removeUnmade(outDir, copied, made);
        copied = [];
        if (removed > 0) logger.info(`${removed} copied page${removed === 1 ? '' : 's'} removed: Astro no longer makes ${removed === 1 ? 'it' : 'them'}`);
      },
    },
  };
}
