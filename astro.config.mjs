// @ts-check
import { defineConfig } from 'astro/config';
import backstory from './src/integrations/backstory.ts';
import searchIndex from './src/integrations/search-index.ts';
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
  },
  vite: {
    // Scripts stay external files, so a Content-Security-Policy need not allow inline scripts.
    build: { assetsInlineLimit: 0 },
  },
  integrations: [backstory({ contentDir, precheck: process.env.BACKSTORY_PRECHECK !== '0' }), searchIndex()],
});
