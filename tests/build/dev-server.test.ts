/**
 * Editing content under `astro dev` updates the pages without a restart —
 * including a person's aliases, which change how other stories link — and a
 * mistake shows on the page, not only in the terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builderEnv, copyContent, projectRoot, scratchDir } from './build-site.ts';

const port = 4400 + Math.floor(Math.random() * 500);
/** Where the server listens: Astro moves to another port when this one is taken, and says so. */
let base = '';
let server: ChildProcess;
let content: { dir: string; cleanup: () => void };
let cache: string;
let log = '';

async function page(path: string): Promise<string> {
  // A first request can wait on Vite's dependency optimizer; never wait forever.
  const response = await fetch(base + path, { signal: AbortSignal.timeout(20_000) });
  return response.text();
}

async function eventually(path: string, test: (html: string) => boolean, seconds = 60): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  let html = '';
  while (Date.now() < deadline) {
    html = await page(path).catch(() => '');
    if (test(html)) return html;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${path}; server log:\n${log}`);
}

beforeAll(async () => {
  content = copyContent(join(projectRoot, 'tests/fixtures/minimal'));
  cache = scratchDir('dev-cache');
  server = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    // Without the test runner's variables (NODE_ENV=test, BASE_URL, VITEST…), which change how Vite serves.
    env: { ...builderEnv(), ASTRO_TELEMETRY_DISABLED: '1', BACKSTORY_CONTENT_DIR: content.dir, BACKSTORY_CACHE_DIR: cache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 60_000;
  while (!base && Date.now() < deadline) {
    // eslint-disable-next-line no-control-regex
    base = /(http:\/\/127\.0\.0\.1:\d+)/.exec(log.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? '';
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!base) throw new Error(`the dev server did not start:\n${log}`);
  await eventually('/stories/budget-vote/', (html) => html.includes('Council passes the harbour budget'), 150);
});

afterAll(() => {
  server?.kill('SIGTERM');
  content?.cleanup();
  rmSync(cache, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('links a story’s words as soon as they become a person’s alias', async () => {
    const before = await page('/stories/budget-vote/');
    expect(before).not.toMatch(/data-ref="person:ana-lima"[^>]*>The council</);
    const file = join(content.dir, 'people/ana-lima.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - Mayor Lima', '  - Mayor Lima\n  - The council'));
    // "The council then approved…" is in the story's second section, where Ana Lima is not yet linked.
    const after = await eventually('/stories/budget-vote/', (html) => /data-ref="person:ana-lima"[^>]*>The council</.test(html));
    expect(after).toContain('Council passes the harbour budget');
  });

  it('draws a story’s social image on request (a build links them instead)', async () => {
    const response = await fetch(`${base}/og/stories/budget-vote.png`, { signal: AbortSignal.timeout(30_000) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    // The PNG signature, then the header chunk: 1200 × 630.
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('serves the preview card data on request (a build writes the files instead)', async () => {
    const response = await fetch(`${base}/previews/people/ana-lima.json`, { signal: AbortSignal.timeout(30_000) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: 'person', title: 'Ana Lima' });
    const event = await fetch(`${base}/previews/events/budget-vote.json`, { signal: AbortSignal.timeout(30_000) });
    expect(await event.json()).toMatchObject({ kind: 'event' });
  });

  it('shows an edited story body', async () => {
    const file = join(content.dir, 'stories/budget-vote.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('by nine votes to four', 'by ten votes to three'));
    const html = await eventually('/stories/budget-vote/', (h) => h.includes('by ten votes to three'));
    expect(html).not.toContain('by nine votes to four');
  });

  it('shows a mistake in a person’s fields instead of their last good version, with file and line, until it is fixed', async () => {
    const file = join(content.dir, 'people/zoe-brandt.md');
    const good = readFileSync(file, 'utf8');
    const line = good.split('\n').findIndex((l) => l.startsWith('summary:')) + 1;
    writeFileSync(file, good.replace(/^summary:/m, 'sumary:'));
    // The error page draws itself in the browser; the server answers 500 and logs the error.
    const deadline = Date.now() + 60_000;
    let response = await fetch(`${base}/stories/budget-vote/`);
    while (response.status !== 500 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      response = await fetch(`${base}/stories/budget-vote/`);
    }
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('ContentError');
    expect(log).toContain(`people/zoe-brandt.md:${line}:1: unknown field \`sumary\``);
    // Not Astro's own schema error, which names no line.
    expect(log).not.toContain('does not match collection schema');
    writeFileSync(file, good);
    await eventually('/stories/budget-vote/', (html) => html.includes('Council passes the harbour budget'));
  });

  it.each<[string, string, (text: string) => string, (text: string) => RegExp]>([
    [
      'an id no one has in `people`, at its line',
      'stories/budget-vote.md',
      (text) => text.replace(/^people:\n/m, 'people:\n  - gloria-sandres\n'),
      (text) => new RegExp(`stories/budget-vote\\.md:${text.split('\n').findIndex((l) => l.includes('gloria-sandres')) + 1}:\\d+: \`people\\[0\\]\`: no person has the id "gloria-sandres"`),
    ],
    [
      'an image missing from public/, at its line',
      'stories/budget-vote.md',
      (text) => `${text.trimEnd()}\n\n![The harbour](/images/no-such-harbour.png)\n`,
      (text) => new RegExp(`stories/budget-vote\\.md:${text.trimEnd().split('\n').length}:1: .*no-such-harbour\\.png`),
    ],
  ])('shows %s, as a build does', async (_name, path, breakIt, expected) => {
    const file = join(content.dir, path);
    const good = readFileSync(file, 'utf8');
    const broken = breakIt(good);
    writeFileSync(file, broken);
    const deadline = Date.now() + 60_000;
    while (!expected(broken).test(log) && Date.now() < deadline) {
      await fetch(`${base}/stories/budget-vote/`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(log).toMatch(expected(broken));
    writeFileSync(file, good);
    await eventually('/stories/budget-vote/', (html) => html.includes('Council passes the harbour budget'));
  });
});
