// @ts-check
import { defineConfig } from 'astro/config';
import backstory from './src/integrations/backstory.ts';
import { basePath, cacheDir, contentDir, siteUrl } from './src/site-config.ts';

export default defineConfig({
  site: siteUrl,
  base: basePath,
  trailingSlash: 'always',
  outDir: process.env.BACKSTORY_OUT_DIR ?? './dist',
  cacheDir,
  integrations: [backstory({ contentDir, precheck: process.env.BACKSTORY_PRECHECK !== '0' })],
});
