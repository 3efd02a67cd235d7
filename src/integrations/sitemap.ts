/**
 * Writes the sitemap (see `lib/sitemap.ts`) at the end of a build: every page
 * Astro made, except the 404 page.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { sitemapFiles } from '../lib/sitemap.ts';

export interface SitemapOptions {
  /** Each page's last change by path below the base (see `pageLastmods`); asked for once, after the pages are built. */
  lastmods: () => ReadonlyMap<string, string>;
}

/** Pages no crawler should be sent to: the answers to missing pages and errors. */
const STATUS_PAGE = /^(404|500)\/?$/;

export default function sitemap({ lastmods }: SitemapOptions): AstroIntegration {
  let root: string | undefined;
  return {
    name: 'backstory-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.site ? new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href : undefined;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        // Canonical URLs, feeds and this all need the public origin.
        if (!root) throw new Error('The sitemap needs the site’s public URL: set SITE_URL');
        const started = performance.now();
        // Page names have no leading slash; the home page is ''.
        const paths = pages.map((page) => page.pathname).filter((path) => !STATUS_PAGE.test(path));
        const files = sitemapFiles(paths, lastmods(), root);
        const out = fileURLToPath(dir);
        for (const [name, xml] of files) writeFileSync(join(out, name), xml);
        logger.info(`sitemap: ${paths.length} pages in ${files.size - 1} file${files.size === 2 ? '' : 's'} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
