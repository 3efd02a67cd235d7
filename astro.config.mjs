// @ts-check
import { defineConfig } from 'astro/config';
import { searchForWorkspaceRoot } from 'vite';
import backstory, { checkedLastmods } from './src/integrations/backstory.ts';
import cachedPages from './src/integrations/cached-pages.ts';
import searchIndex from './src/integrations/search-index.ts';
import sitemap from './src/integrations/sitemap.ts';
import headers from './src/integrations/headers.ts';
import { checkContent } from './src/lib/check.ts';
import { pageLastmods } from './src/lib/feeds.ts';
import { basePath, cacheDir, contentDir, siteUrl } from './src/site-config.ts';

export default defineConfig({
  site: siteUrl,
  base: basePath,
  trailingSlash: 'always',
  outDir: process.env.BACKSTORY_OUT_DIR ?? './dist',
  cacheDir,
  build: {
    // The stylesheet is small: inlined, a story page arrives in one round trip.
    inlineStylesheets: 'always',
    // Pages wait on disk (writing, reading cached social images): a few at a time keep the CPU busy.
    concurrency: Number(process.env.BACKSTORY_BUILD_CONCURRENCY ?? 4),
  },
  vite: {
    // Scripts stay external files, so a Content-Security-Policy need not allow inline scripts.
    build: { assetsInlineLimit: 0 },
    // The dev server may read content kept outside the project (BACKSTORY_CONTENT_DIR).
    server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), contentDir] } },
  },
  experimental: {
    // Pages that return a `cacheKey` (record pages, timelines) are reused from
    // the last build when the key is unchanged, instead of being made again.
    incrementalBuild: true,
  },
  integrations: [
    // First: its linking starts before the content check, and it removes pages before others read them.
    cachedPages(),
    backstory({ contentDir, cacheDir, precheck: process.env.BACKSTORY_PRECHECK !== '0' }),
    searchIndex(),
    sitemap({
      // lastmod: a story's updated (else published) date; pages listing stories, the latest of them.
      // From the content check; a build without it (tests only) reads the content again.
      lastmods: () => {
        const checked = checkedLastmods();
        if (checked) return checked;
        const graph = checkContent(contentDir, { base: basePath, drafts: false }).site?.graph;
        return graph ? pageLastmods(graph) : new Map();
      },
    }),
    // Last: _headers hashes the inline styles of the finished pages. scripts/build.ts takes
    // the file as the sign that Astro finished every step.
    headers(),
  ],
});
