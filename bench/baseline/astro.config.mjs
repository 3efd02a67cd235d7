/**
 * The plain-Astro baseline the benchmark compares the site with: the same
 * Markdown rendered by Astro's default processor, no plugins, no graph.
 *
 *   BENCH_CONTENT_DIR=<corpus> BENCH_OUT_DIR=<out> astro build --root bench/baseline
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  cacheDir: process.env.BENCH_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { inlineStylesheets: 'always' },
  vite: { server: { fs: { strict: false } } },
});
