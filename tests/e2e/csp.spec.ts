/**
 * The Content-Security-Policy the build writes into dist/_headers, enforced
 * by a real browser: every page type, search (Pagefind's WebAssembly, its
 * worker and index fetches) and the preview cards run without a single
 * violation.
 *
 * scripts/serve.ts sends no headers, so this file serves the e2e build
 * itself, as Netlify or Cloudflare Pages would: each response gets the
 * headers of every `_headers` rule whose path matches.
 */
import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

// The build playwright.config.ts makes (E2E_DIST moves it).
const root = resolve(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'tests/.output/e2e/dist');
let server: Server;
let origin: string;

interface Rule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Reads Netlify/Cloudflare `_headers`: a path line (`*` matches anything), then indented `Name: value` lines. */
function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const at = line.indexOf(':');
    rules.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return rules;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

function fileFor(pathname: string): string | undefined {
  const path = join(root, normalize(decodeURIComponent(pathname)));
  if (!path.startsWith(root)) return undefined;
  return [path, join(path, 'index.html')].find((c) => existsSync(c) && statSync(c).isFile());
}

test.skip(({ isMobile }) => isMobile, 'the policy is the same on every device: checked once, on desktop');

test.beforeAll(async () => {
  const rules = parseHeaders(readFileSync(join(root, '_headers'), 'utf8'));
  expect(rules.some((r) => r.headers.some(([name]) => name === 'Content-Security-Policy'))).toBe(true);
  server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = fileFor(pathname);
    const served = file ?? join(root, '404.html');
    const headers: Record<string, string> = { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream' };
    for (const rule of rules) if (rule.pattern.test(pathname)) for (const [name, value] of rule.headers) headers[name] = value;
    response.writeHead(file ? 200 : 404, headers);
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

test.afterAll(async () => {
  await new Promise((done) => server?.close(done));
});

interface Watch {
  violations: () => Promise<string[]>;
  console: string[];
}

/** Records CSP violations (from the page's own event) and console errors and CSP or Pagefind warnings. */
async function watch(page: Page): Promise<Watch> {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
  });
  const messages: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused|Pagefind/i.test(m.text())) messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return { violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), console: messages };
}

async function open(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(origin + path);
  expect(response?.status(), path).toBe(status);
  expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
  // Module scripts have run (the theme toggle is shown by one), under the policy.
  await expect(page.locator('[data-theme-toggle]')).toBeVisible();
}

const pages: [string, string, number?][] = [
  ['home', '/'],
  ['story', '/stories/sessions-trump-rift/'],
  ['people', '/people/'],
  ['person', '/people/jeff-sessions/'],
  ['event', '/events/sessions-recusal/'],
  ['timeline', '/timeline/'],
  ['404', '/no-such-page/', 404],
];

test('every page type loads its scripts and styles without a violation', async ({ page }) => {
  const seen = await watch(page);
  for (const [name, path, status] of pages) {
    await test.step(name, async () => {
      await open(page, path, status);
      // The inlined stylesheet applied: the page is styled, not browser default.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).display)).toBe('flex');
      await page.locator('[data-theme-toggle]').click();
      expect(await seen.violations(), path).toEqual([]);
      // The missing page's own 404 status is logged by the browser; nothing else may be.
      const logged = seen.console.splice(0).filter((m) => !(status === 404 && /status of 404/.test(m)));
      expect(logged, path).toEqual([]);
    });
  }
});

test('search runs Pagefind (WebAssembly in a worker, index fetches) under the policy', async ({ page }) => {
  const seen = await watch(page);
  const fetched: string[] = [];
  page.on('response', (r) => r.url().includes('/pagefind/') && fetched.push(new URL(r.url()).pathname));
  await open(page, '/search/');
  await page.getByLabel('Search stories, people and events').fill('Kislyak');
  await expect(page.locator('#search-results li').first()).toBeVisible();
  await expect(page.locator('#search-results a[href$="/people/sergey-kislyak/"]')).toBeVisible();
  expect(fetched.some((p) => p.endsWith('.pagefind'))).toBe(true);
  expect(fetched.some((p) => p.endsWith('pagefind-worker.js'))).toBe(true);
  expect(await seen.violations()).toEqual([]);
  expect(seen.console).toEqual([]);
});

test('a preview card opens on hover under the policy', async ({ page }) => {
  const seen = await watch(page);
  await open(page, '/stories/sessions-trump-rift/');
  await page.locator('.story-body a[data-ref="person:sergey-kislyak"]').first().hover();
  const card = page.locator('#preview-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Sergey Kislyak');
  // Positioned by the script through element.style (CSSOM), which the policy allows.
  expect(await card.evaluate((el) => (el as HTMLElement).style.left)).toMatch(/px$/);
  expect(await seen.violations()).toEqual([]);
  expect(seen.console).toEqual([]);
});

test('the watch itself reports what the policy blocks', async ({ page }) => {
  const seen = await watch(page);
  await open(page, '/');
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red }';
    document.head.append(style);
    const script = document.createElement('script');
    script.textContent = 'window.ran = true';
    document.head.append(script);
  });
  await expect.poll(() => seen.violations()).toHaveLength(2);
  expect((await seen.violations()).map((v) => v.split(':')[0]).sort()).toEqual(['script-src-elem', 'style-src-elem']);
  expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
});
