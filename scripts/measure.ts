/**
 * `npm run measure`: how fast and sound the built site is, per page type.
 * Measured, not asserted: run it after a change and read the table.
 *
 *   npm run measure                 # uses dist/ if it exists, else builds it
 *   npm run measure -- --build      # build dist/ first
 *   npm run measure -- --desktop    # Lighthouse's desktop preset (default: mobile, throttled)
 *   npm run measure -- --no-lighthouse   # bytes only
 *
 * Serves dist/ with scripts/serve.ts on 127.0.0.1 and, for one page of each
 * type, prints Lighthouse's four category scores (target: 100) and the bytes a
 * reader downloads, gzipped: the HTML document (markup and the inlined CSS,
 * also shown apart) and JavaScript. Target: a story's HTML + CSS within
 * 14 KB gzipped, the first round trip of a new connection; no JavaScript is
 * needed to read. Lighthouse runs Chromium from CHROME_PATH
 * (default /usr/bin/chromium), headless.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveInBackground } from './background-server.ts';
import { pageWeight } from './page-weight.ts';

const { values } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    desktop: { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist' },
  },
});

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, values.dist);
const node = process.execPath;
const BUDGET = 14 * 1024;

if (values.build || !existsSync(join(dist, 'index.html'))) {
  console.log(`Building ${dist} …`);
  const result = spawnSync(node, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BACKSTORY_OUT_DIR: dist, BASE_PATH: '/' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The first page below `dir` in the build (`stories/<first id>/`), if any. */
function first(dir: string): string | undefined {
  const path = join(dist, dir);
  if (!existsSync(path)) return undefined;
  const id = readdirSync(path).sort().find((name) => statSync(join(path, name)).isDirectory() && existsSync(join(path, name, 'index.html')));
  return id === undefined ? undefined : `${dir}/${id}/`;
}

const pages: [string, string | undefined][] = [
  ['home', ''],
  ['story', first('stories')],
  ['people', 'people/'],
  ['person', first('people')],
  ['event', first('events')],
  ['timeline', 'timeline/'],
  ['search', existsSync(join(dist, 'search/index.html')) ? 'search/' : undefined],
  // Lighthouse will not audit a response with status 404, so the page itself, as the host serves it for a missing URL.
  ['404', '404.html'],
];

interface Scores {
  performance?: number;
  accessibility?: number;
  'best-practices'?: number;
  seo?: number;
  /** Largest Contentful Paint, Total Blocking Time (ms) and Cumulative Layout Shift. */
  metrics?: string;
  failing: string[];
}

interface LighthouseJson {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; scoreDisplayMode: string; title: string; numericValue?: number }>;
}

/** Runs a command to its end without blocking this process (the server's keep-alive sockets stay served). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

async function lighthouse(url: URL): Promise<Scores> {
  const args = [
    join(root, 'node_modules/lighthouse/cli/index.js'),
    url.href,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
    ...(values.desktop ? ['--preset=desktop'] : []),
  ];
  const result = await run(node, args, { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
  if (result.status !== 0) throw new Error(`lighthouse failed for ${url.href}:\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as LighthouseJson;
  const score = (id: string) => {
    const s = report.categories[id]?.score;
    return s === null || s === undefined ? undefined : Math.round(s * 100);
  };
  // The audits that cost points, named so they can be fixed.
  const failing = new Set<string>();
  for (const category of Object.values(report.categories)) {
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1 || audit.scoreDisplayMode === 'informative') continue;
      // A timing metric in the green (≥ 0.9) is not an issue to fix; anything else is.
      if (audit.scoreDisplayMode === 'numeric' && audit.score >= 0.9) continue;
      failing.add(`${ref.id} (${audit.title}: ${audit.score})`);
    }
  }
  const value = (id: string) => report.audits[id]?.numericValue ?? NaN;
  const metrics = `${(value('largest-contentful-paint') / 1000).toFixed(1)} s · ${Math.round(value('total-blocking-time'))} ms · ${value('cumulative-layout-shift').toFixed(2)}`;
  return { metrics, performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'), failing: [...failing] };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const server = await serveInBackground(dist);
const origin = `${server.origin}/`;
try {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const [type, path] of pages) {
    if (path === undefined) continue;
    const url = new URL(path, origin);
    const b = pageWeight(dist, path)!;
    let s: Scores = { failing: [] };
    if (!values['no-lighthouse']) {
      try {
        s = await lighthouse(url);
      } catch (error) {
        notes.push(`${type}: ${(error as Error).message.split('\n').slice(0, 2).join(' ')}`);
      }
    }
    const within = b.html <= BUDGET ? 'yes' : 'NO';
    rows.push([
      type,
      `/${path}`,
      String(s.performance ?? '–'),
      String(s.accessibility ?? '–'),
      String(s['best-practices'] ?? '–'),
      String(s.seo ?? '–'),
      s.metrics ?? '–',
      kb(b.markup),
      kb(b.css),
      `${kb(b.js)} (${b.scripts})`,
      `${kb(b.html)} ${within}`,
    ]);
    for (const f of s.failing) notes.push(`${type}: ${f}`);
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const header = ['page', 'path', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP · TBT · CLS', 'HTML gz', 'CSS gz', 'JS gz (files)', 'HTML+CSS gz ≤ 14 KB'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`Lighthouse ${values.desktop ? 'desktop' : 'mobile (simulated throttling)'}; bytes gzipped (level 6). CSS is inlined in the HTML document; JavaScript is an enhancement.`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
  if (notes.some((n) => n.startsWith('404: is-crawlable'))) {
    console.log('\nThe 404 page asks not to be indexed (noindex), on purpose: Lighthouse\'s SEO score counts that against it.');
  }
  if (notes.length > 0) {
    console.log('\nAudits below 100% (and errors):');
    for (const note of notes) console.log(`  ${note}`);
  }
} finally {
  server.stop();
}
