/**
 * `npm run bench`: the site at newsroom scale, side by side with plain Astro.
 *
 * For each size N it generates the same corpus (N stories, N/5 people, 2N
 * events; see generate-corpus.ts) and builds it cold, alternating between
 * this site (as `npm run build` builds it: Astro, the check of every record
 * page, the swap into place) and the plain Astro 7 baseline in `bench/baseline/` (the same
 * stories through Astro's default Markdown processor, a page per story and
 * per person, nothing else). It prints the median wall time, pages per
 * second, peak memory, the ratio site/baseline, the site's phases (the
 * content check's steps among them, as its log line gives them), two
 * rebuilds after editing one story each (the second also deletes the output
 * the first replaced), the `npm run check` time, and the heaviest page of
 * each kind; then a page-weight table for the first story's pages.
 *
 *   npm run bench                      # N = 1,000 and 4,000, two runs each
 *   npm run bench -- --full            # and 10,000
 *   npm run bench -- --sizes 500,2000 --runs 3
 *   npm run bench -- --hub 0.4         # 40% of the stories and events name one person (see generate-corpus.ts)
 *
 * Timings are wall clock on whatever else the machine is doing: run it on a
 * quiet machine. Nothing here fails on a slow figure; it reports.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';
import { heaviestPages, pageWeight } from './page-weight.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,4000' },
    full: { type: 'boolean', default: false },
    runs: { type: 'string', default: '2' },
    'keep-temp': { type: 'boolean', default: false },
    hub: { type: 'string', default: '0' },
  },
});
const hub = Number(values.hub);

const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const sizes = [...values.sizes.split(',').map(Number), ...(values.full ? [10_000] : [])];
const runs = Math.max(1, Number(values.runs));
const work = mkdtempSync(join(tmpdir(), 'backstory-bench-'));

interface Run {
  seconds: number;
  /** Peak resident memory of the build process, in MB (0 when it cannot be read). */
  peakMb: number;
  pages: number;
  /** Phase name → seconds, from the build's log. */
  phases: Record<string, number>;
  log: string;
}

/** A line of a live process's status (Linux), in MB; 0 when it cannot be read. */
function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A process and its descendants (Linux). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    // gone
  }
  return [pid, ...children.flatMap(processTree)];
}

/**
 * Peak memory of a build so far, in MB: `npm run build` is a small process
 * that runs Astro in a child, so this is the larger of the highest peak of
 * any one process (exact) and their resident memory together (sampled).
 */
function peakOf(pid: number): number {
  const tree = processTree(pid);
  return Math.max(...tree.map((p) => statusMb(p, 'VmHWM')), tree.reduce((sum, p) => sum + statusMb(p, 'VmRSS'), 0));
}

/** Runs a build and notes when each log line arrived, for the phases. */
function build(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: { at: number; text: string }[] = [];
    let log = '';
    let peakMb = 0;
    const poll = setInterval(() => (peakMb = Math.max(peakMb, peakOf(child.pid!))), 200);
    const read = (chunk: Buffer) => {
      const text = chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      log += text;
      const at = (performance.now() - started) / 1000;
      for (const line of text.split('\n')) if (line.trim()) lines.push({ at, text: line });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', fail);
    // 'close', not 'exit': the log may still be in the pipe when the process ends.
    child.once('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return fail(new Error(`build failed (${code}):\n${log.slice(-3000)}`));
      const when = (pattern: RegExp, from = 0) => lines.slice(from).find((l) => pattern.test(l.text));
      const between = (start: RegExp, end: RegExp) => {
        const a = lines.findIndex((l) => start.test(l.text));
        const b = a < 0 ? undefined : when(end, a);
        return a >= 0 && b ? b.at - lines[a]!.at : undefined;
      };
      const logged = (pattern: RegExp) => Number(pattern.exec(log)?.[1] ?? NaN) / 1000;
      // In the order they happen; the page check runs beside the search index.
      const phases: Record<string, number | undefined> = {
        'content check + render': logged(/content checked and rendered: .* in (\d+) ms \(/),
        'of it loading': logged(/\(loading (\d+) ms,/),
        'of it bodies (mentions, HTML)': logged(/, bodies (\d+) ms,/),
        'of it graph': logged(/, graph (\d+) ms,/),
        'of it editorial checks': logged(/, editorial checks (\d+) ms\)/),
        'content sync': between(/\[content\] Syncing content/, /\[content\] Synced content/),
        bundling: between(/Building static entrypoints/, /Rearranging server assets/),
        'page generation': between(/generating static routes/, /✓ Completed in/),
        previews: logged(/previews in place in (\d+) ms/),
        'social images left after the pages': logged(/social images in place in (\d+) ms/),
        'security-policy scan': logged(/_headers and _nginx-headers\.conf written: .* in (\d+) ms/),
        'page check': logged(/record pages checked: .* in (\d+) ms/),
        'search index': logged(/search index: \d+ pages in (\d+) ms/),
      };
      const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
      done({ seconds, peakMb, pages, log, phases: Object.fromEntries(Object.entries(phases).filter((e): e is [string, number] => Number.isFinite(e[1]))) });
    });
  });
}

// The site is built as its users build it: `npm run build` (Astro, then the check of every record page, then the swap).
const site = (corpus: string, out: string, cache: string) =>
  build([join(root, 'scripts/build.ts')], { BACKSTORY_CONTENT_DIR: corpus, BACKSTORY_OUT_DIR: out, BACKSTORY_CACHE_DIR: cache });
const baseline = (corpus: string, out: string, cache: string) =>
  build([astro, 'build', '--root', join(root, 'bench/baseline')], { BENCH_CONTENT_DIR: corpus, BENCH_OUT_DIR: out, BENCH_CACHE_DIR: cache });

/** A fresh output and cache folder: every measured build is cold. */
function fresh(name: string): [string, string] {
  const out = join(work, name, 'dist');
  const cache = join(work, name, 'cache');
  rmSync(join(work, name), { recursive: true, force: true });
  return [out, cache];
}

/** Phases for the report: `a 1.0 s (of it b 0.5 s, c 0.2 s) · d 3.0 s`, with a note after a phase where given. */
function formatPhases(phases: Record<string, number>, notes: Record<string, string | undefined> = {}): string {
  const groups: { text: string; parts: string[] }[] = [];
  for (const [name, value] of Object.entries(phases)) {
    const text = (label: string) => `${label} ${fmt(value)} s${notes[name] ? `, ${notes[name]}` : ''}`;
    const last = groups.at(-1);
    if (name.startsWith('of it ') && last) last.parts.push(text(name.slice('of it '.length)));
    else groups.push({ text: text(name), parts: [] });
  }
  return groups.map((group) => (group.parts.length > 0 ? `${group.text} (of it ${group.parts.join(', ')})` : group.text)).join(' · ');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** `npm run check` on the corpus, with the given cache folder (fresh: nothing read before). */
function checkTime(corpus: string, cache: string): Promise<{ seconds: number; inside: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'scripts/check.ts'), corpus], { cwd: root, env: { ...process.env, BACKSTORY_CACHE_DIR: cache }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', fail);
    child.once('close', () => done({ seconds: (performance.now() - started) / 1000, inside: Number(/checked in (\d+) ms/.exec(out)?.[1] ?? NaN) / 1000 }));
  });
}

interface SizeResult {
  n: number;
  site: Run[];
  base: Run[];
}

const results: SizeResult[] = [];
console.log(`Benchmark: sizes ${sizes.map(int).join(', ')}; ${runs} cold build(s) of each, alternating site and baseline. Working folder: ${work}\n`);

for (const n of sizes) {
  const corpus = join(work, `corpus-${n}`);
  const counts = generateCorpus(corpus, n, { hub });
  console.log(`N = ${int(n)}: ${int(counts.stories)} stories, ${int(counts.people)} people, ${int(counts.events)} events${hub > 0 ? `; ${Math.round(hub * 100)}% of the stories and events name person-00000` : ''}`);
  const result: SizeResult = { n, site: [], base: [] };
  let siteDirs: [string, string] = ['', ''];
  for (let run = 1; run <= runs; run++) {
    siteDirs = fresh(`site-${n}`);
    const s = await site(corpus, ...siteDirs);
    result.site.push(s);
    console.log(`  run ${run}: site ${fmt(s.seconds)} s (${int(s.pages)} pages, ${int(s.peakMb)} MB)`);
    const b = await baseline(corpus, ...fresh(`base-${n}`));
    result.base.push(b);
    console.log(`  run ${run}: baseline ${fmt(b.seconds)} s (${int(b.pages)} pages, ${int(b.peakMb)} MB)`);
  }

  // Rebuild after editing one story, on the last site build's output and cache; then again
  // after editing another: that build also deletes the output the first one replaced.
  const editAndRebuild = async (id: string) => {
    const edited = join(corpus, `stories/${id}.md`);
    const original = readFileSync(edited, 'utf8');
    appendFileSync(edited, '\nAn editor added this sentence after publication.\n');
    const run = await site(corpus, ...siteDirs);
    const shown = readFileSync(join(siteDirs[0], `stories/${id}/index.html`), 'utf8').includes('An editor added this sentence');
    writeFileSync(edited, original);
    return { run, shown };
  };
  const rebuilds = [await editAndRebuild('story-00000'), await editAndRebuild('story-00001')];
  const coldCheck = await checkTime(corpus, fresh(`check-${n}`)[1]);
  const warmCheck = await checkTime(corpus, siteDirs[1]);

  const siteWall = median(result.site.map((r) => r.seconds));
  const baseWall = median(result.base.map((r) => r.seconds));
  const s = result.site.at(-1)!;
  const b = result.base.at(-1)!;
  console.log('');
  console.log(`  ${''.padEnd(22)}${'site'.padStart(12)}${'baseline'.padStart(12)}${'ratio'.padStart(9)}`);
  console.log(`  ${'wall, median (s)'.padEnd(22)}${fmt(siteWall).padStart(12)}${fmt(baseWall).padStart(12)}${`${fmt(siteWall / baseWall, 2)}×`.padStart(9)}`);
  console.log(`  ${'pages'.padEnd(22)}${int(s.pages).padStart(12)}${int(b.pages).padStart(12)}`);
  console.log(`  ${'pages per second'.padEnd(22)}${int(s.pages / siteWall).padStart(12)}${int(b.pages / baseWall).padStart(12)}`);
  const sitePeak = Math.max(...result.site.map((r) => r.peakMb));
  const basePeak = Math.max(...result.base.map((r) => r.peakMb));
  console.log(`  ${'peak memory (MB)'.padEnd(22)}${int(sitePeak).padStart(12)}${int(basePeak).padStart(12)}${`${fmt(sitePeak / basePeak, 2)}×`.padStart(9)}`);
  console.log(`  site phases (last run): ${formatPhases(s.phases)}`);
  for (const [i, { run, shown }] of rebuilds.entries()) {
    const label = i === 0 ? 'rebuild after editing one story' : 'the next, deleting the output it replaced';
    const reused = /\((\d+) of its files reused/.exec(run.log)?.[1];
    const phases = formatPhases(run.phases, { 'search index': reused && `${int(Number(reused))} of its files reused` });
    console.log(`  ${label}: ${fmt(run.seconds)} s = ${int((100 * run.seconds) / siteWall)}% of a cold build (${phases})${shown ? '' : ' — THE EDIT IS NOT ON THE PAGE'}`);
  }
  console.log(`  npm run check: ${fmt(coldCheck.seconds)} s wall (${fmt(coldCheck.inside)} s checking); after a build, with its cache: ${fmt(warmCheck.seconds)} s (${fmt(warmCheck.inside)} s)`);
  const heaviest = heaviestPages(siteDirs[0]).map((p) => `${p.kind} ${fmt(p.bytes / 1024)} KB (${fmt(p.gzipped / 1024)} KB gz)`);
  console.log(`  heaviest page of each kind, HTML: ${heaviest.join(' · ')}\n`);
  results.push(result);
}

if (results.length > 1) {
  const [first, last] = [results[0]!, results.at(-1)!];
  const growth = (runsOf: (r: SizeResult) => Run[]) => median(runsOf(last).map((r) => r.seconds)) / median(runsOf(first).map((r) => r.seconds));
  console.log(`Growth from ${int(first.n)} to ${int(last.n)} stories (×${fmt(last.n / first.n)} content): site ×${fmt(growth((r) => r.site), 2)}, baseline ×${fmt(growth((r) => r.base), 2)}\n`);
}

// Page weight of the first story's pages: the project's own content, built once.
const [seedOut, seedCache] = fresh('seed');
const seed = await build([astro, 'build'], { BACKSTORY_OUT_DIR: seedOut, BACKSTORY_CACHE_DIR: seedCache, BASE_PATH: '/' });
const story = /stories\/([^/]+)\//.exec(readFileSync(join(seedOut, 'sitemap-0.xml'), 'utf8'))?.[1];
const storyHtml = readFileSync(join(seedOut, 'stories', story!, 'index.html'), 'utf8');
const firstIn = (folder: 'people' | 'events') => new RegExp(`href="/${folder}/([^/"]+)/"`).exec(storyHtml)?.[1];
const rows: [string, string][] = [
  ['story', `stories/${story}/`],
  ['person (first in the story)', `people/${firstIn('people')}/`],
  ['event (first in the story)', `events/${firstIn('events')}/`],
  ['story timeline', `timeline/stories/${story}/`],
  ['home', ''],
  ['people', 'people/'],
  ['timeline', 'timeline/'],
  ['search', 'search/'],
];
console.log(`Page weight of the first story's pages (gzipped; seed build ${fmt(seed.seconds)} s; CSS is inlined in the HTML):`);
console.log(`  ${'page'.padEnd(30)}${'HTML+CSS'.padStart(10)}${'of it CSS'.padStart(11)}${'JS'.padStart(9)}`);
for (const [name, path] of rows) {
  const w = pageWeight(seedOut, path);
  if (!w) continue;
  const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;
  console.log(`  ${name.padEnd(30)}${kb(w.html).padStart(10)}${kb(w.css).padStart(11)}${kb(w.js).padStart(9)}`);
}

if (!values['keep-temp']) rmSync(work, { recursive: true, force: true });
if (existsSync(work)) console.log(`\nKept ${work}`);
