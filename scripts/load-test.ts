/**
 * `npm run load-test`: builds a large site and serves it under load.
 *
 * 1. The corpus: the seed content plus 4,000 synthetic stories from
 *    scripts/generate-corpus.ts (deterministic: the same bytes every run),
 *    or the content folder given with --corpus.
 * 2. The build, with scripts/build.ts (so its page check runs at scale too),
 *    into a temporary folder; or an existing build given with --dist.
 * 3. scripts/serve.ts serves it on a free port of 127.0.0.1, and every page is
 *    fetched, at most --concurrency at a time, until all are done or
 *    --seconds have passed. Every link and asset found in the pages is
 *    fetched as well, so a broken internal link counts as an error.
 *
 * Prints pages/s, bytes/s, latency and errors, and exits non-zero on any
 * error. Only 127.0.0.1 is ever contacted.
 *
 *   npm run load-test
 *   npm run load-test -- --stories 1000 --concurrency 16 --seconds 60
 *   npm run load-test -- --corpus /tmp/corpus --keep
 *   npm run load-test -- --dist /tmp/backstory-load-x/dist
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';
import { serveInBackground, type BackgroundServer } from './background-server.ts';

const root = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '4000' },
    corpus: { type: 'string' },
    dist: { type: 'string' },
    concurrency: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '120' },
    keep: { type: 'boolean', default: false },
  },
});

const concurrency = Math.max(1, Math.min(256, Number(values.concurrency)));
const limitMs = Math.max(1, Number(values.seconds)) * 1000;
/** Bounds the crawl however many links the pages hold. */
const MAX_REQUESTS = 200_000;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const secondsSince = (start: number) => (performance.now() - start) / 1000;

/** Every HTML page of a build, as URL paths: `stories/x/index.html` → `/stories/x/`. */
function pagesOf(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(`/${relative(dist, path).split('\\').join('/').replace(/(^|\/)index\.html$/, '$1')}`);
    }
  };
  walk(dist);
  return out.sort();
}

/** Site-internal URLs in a page's `href` and `src` attributes, without fragments. */
function linksIn(html: string, page: URL): URL[] {
  const found: URL[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const value = match[1]!.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');
    if (/^(mailto|tel|javascript|data):/i.test(value)) continue;
    let url: URL;
    try {
      url = new URL(value, page);
    } catch {
      continue;
    }
    if (url.origin !== page.origin) continue;
    url.hash = '';
    found.push(url);
  }
  return found;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'backstory-load-'));
  let server: BackgroundServer | undefined;
  try {
    // 1. The corpus.
    let dist: string;
    if (values.dist) {
      dist = resolve(values.dist);
      if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html`);
      console.log(`Using the build in ${dist}`);
    } else {
      let corpus: string;
      if (values.corpus) {
        corpus = resolve(values.corpus);
        console.log(`Corpus: ${corpus}`);
      } else {
        corpus = join(scratch, 'content');
        const started = performance.now();
        const counts = generateCorpus(corpus, Number(values.stories));
        cpSync(join(root, 'content'), corpus, { recursive: true });
        console.log(`Corpus: the seed content plus ${counts.stories} stories, ${counts.people} people and ${counts.events} events, generated in ${secondsSince(started).toFixed(1)} s`);
      }

      // 2. The build.
      dist = join(scratch, 'dist');
      console.log('Building (scripts/build.ts) …');
      const started = performance.now();
      const status = await new Promise<number | null>((done) => {
        const build = spawn(process.execPath, [join(root, 'scripts/build.ts')], {
          cwd: root,
          env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BACKSTORY_CONTENT_DIR: corpus, BACKSTORY_OUT_DIR: dist, BACKSTORY_CACHE_DIR: join(scratch, 'cache') },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        // Astro's log, without its line per page (tens of thousands here).
        const forward = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) =>
          createInterface({ input: stream }).on('line', (line) => {
            if (!/^\s*\S*\s*[├└]─/.test(line)) to.write(`  │ ${line}\n`);
          });
        forward(build.stdout!, process.stdout);
        forward(build.stderr!, process.stderr);
        build.on('exit', (code) => done(code));
      });
      if (status !== 0) throw new Error(`the build failed (exit code ${status})`);
      console.log(`Built in ${secondsSince(started).toFixed(1)} s`);
    }

    // 3. Serve and crawl.
    const pages = pagesOf(dist);
    server = await serveInBackground(dist);
    const { origin } = server;

    const queue: URL[] = pages.map((path) => new URL(path, origin));
    const seen = new Set(queue.map((u) => u.href));
    const errors: string[] = [];
    const latencies: number[] = [];
    let htmlPages = 0;
    let requests = 0;
    let bytes = 0;
    let stoppedEarly = false;
    console.log(`Crawling ${pages.length} pages at ${origin}, ${concurrency} at a time, for at most ${limitMs / 1000} s …`);
    const started = performance.now();
    const deadline = started + limitMs;

    const worker = async () => {
      for (;;) {
        if (performance.now() > deadline || requests >= MAX_REQUESTS) {
          if (queue.length > 0) stoppedEarly = true;
          return;
        }
        const url = queue.shift();
        if (!url) return;
        if (url.origin !== origin) throw new Error(`refusing to fetch ${url.href}`);
        requests += 1;
        const sent = performance.now();
        try {
          const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
          const body = new Uint8Array(await response.arrayBuffer());
          latencies.push(performance.now() - sent);
          bytes += body.byteLength;
          if (response.status >= 300 && response.status < 400) {
            const location = response.headers.get('location');
            if (location) {
              const next = new URL(location, url);
              if (next.origin === origin && !seen.has(next.href)) {
                seen.add(next.href);
                queue.push(next);
              }
            }
            continue;
          }
          if (!response.ok) {
            errors.push(`${response.status} ${url.pathname}`);
            continue;
          }
          if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
            htmlPages += 1;
            for (const link of linksIn(new TextDecoder().decode(body), url)) {
              if (seen.has(link.href)) continue;
              seen.add(link.href);
              queue.push(link);
            }
          }
        } catch (error) {
          errors.push(`${url.pathname}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = secondsSince(started);
    latencies.sort((a, b) => a - b);

    console.log('');
    console.log(`pages (HTML)      ${htmlPages} of ${pages.length}${stoppedEarly ? ` — stopped at the ${limitMs / 1000} s limit` : ''}`);
    console.log(`requests          ${requests} (pages, links and assets found in them)`);
    console.log(`time              ${elapsed.toFixed(1)} s`);
    console.log(`pages/s           ${(htmlPages / elapsed).toFixed(0)}`);
    console.log(`requests/s        ${(requests / elapsed).toFixed(0)}`);
    console.log(`bytes             ${mb(bytes)}`);
    console.log(`bytes/s           ${mb(bytes / elapsed)}/s`);
    console.log(`latency           p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`);
    console.log(`errors            ${errors.length}`);
    for (const error of errors.slice(0, 20)) console.log(`  ${error}`);
    if (errors.length > 20) console.log(`  … and ${errors.length - 20} more`);
    if (values.keep) console.log(`\nKept ${scratch}`);
    return errors.length === 0 && !stoppedEarly ? 0 : 1;
  } finally {
    server?.stop();
    if (!values.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`load test failed: ${(error as Error).message}`);
  return 1;
});
