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
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Set by scripts/build.ts: it calls {@link writeSearchIndex} itself, after Astro. */
export const SEARCH_AFTER_BUILD = { BACKSTORY_SEARCH_INDEX: 'after-build' } as const;

/** Indexes the record pages of a built site into `<out>/pagefind/`; returns a line for the log. */
export async function writeSearchIndex(out: string): Promise<string> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Search index could not be created: ${errors.join('; ')}`);
  try {
    // Only these pages are indexed (see above): Pagefind need not read the rest.
    const added = await index.addDirectory({ path: out, glob: '{stories,people,events}/*/index.html' });
    if (added.errors.length > 0) throw new Error(`Search indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Search index could not be written: ${written.errors.join('; ')}`);
    return `search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`;
  } finally {
    await pagefind.close();
  }
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
