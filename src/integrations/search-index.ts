/**
 * Full-text search: after every build, Pagefind indexes the built pages and
 * writes its index and client into `dist/pagefind/`. Everything is served
 * from the site itself; no outside service is involved.
 *
 * Pages opt in with `data-pagefind-body` (stories, people, events), so lists
 * and the timeline do not crowd the results.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'backstory-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Search index could not be created: ${errors.join('; ')}`);
        try {
          // Only these pages are indexed (see above): Pagefind need not read the rest.
          const added = await index.addDirectory({ path: out, glob: '{stories,people,events}/*/index.html' });
          if (added.errors.length > 0) throw new Error(`Search indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Search index could not be written: ${written.errors.join('; ')}`);
          logger.info(`search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
