/**
 * Nothing runs that should not: every page of a site built from hostile
 * input (tests/fixtures/hostile), opened in real Chromium, with no dialog, no
 * script of the fixture's running (each payload would set `window.__pwned`,
 * set the title to "pwned" or call alert()), no error from the site's own
 * scripts (whose `document` methods the fixture tries to clobber), and, when
 * the build wrote a Content-Security-Policy (`_headers`), no violation of it.
 *
 * The hostile site is built here, once, and served by scripts/serve.ts on a
 * free port of 127.0.0.1 — not the site the other browser tests use.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, scratchDir } from '../build/build-site.ts';
import { htmlFiles } from '../build/dist.ts';
import { serveInBackground, type BackgroundServer } from '../../scripts/background-server.ts';
import { prepareHostileContent, type HostileContent } from '../fixtures/hostile/prepare.ts';

test.describe.configure({ mode: 'serial' });

let content: HostileContent | undefined;
let scratch: string | undefined;
let server: BackgroundServer | undefined;
let origin = '';
let pages: string[] = [];
/** The policy from `_headers`, applied to every response as a host would; undefined when the build wrote none. */
let csp: string | undefined;

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one browser is enough: the markup is the same');
  testInfo.setTimeout(240_000);
  content = prepareHostileContent({ large: false });
  scratch = scratchDir('hostile-e2e');
  const out = join(scratch, 'dist');
  const result = buildSite({ contentDir: content.dir, outDir: out });
  if (result.status !== 0) throw new Error(`the hostile fixture must build:\n${result.output.slice(-6000)}`);
  pages = htmlFiles(out).map((file) => file.replace(/(^|\/)index\.html$/, '$1'));
  const headers = join(out, '_headers');
  if (existsSync(headers)) csp = /^\s+Content-Security-Policy:\s*(.+)$/m.exec(readFileSync(headers, 'utf8'))?.[1];

  server = await serveInBackground(out);
  origin = server.origin;
});

// Let no route handler outlive its test (a late favicon request would fail the next one).
test.afterEach(async ({ page }) => {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test.afterAll(() => {
  server?.stop();
  content?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Watch {
  dialogs: string[];
  errors: string[];
}

async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(`${error.message} on ${page.url()}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  if (csp) {
    const policy = csp;
    await page.route(`${origin}/**`, async (route) => {
      try {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
      } catch (error) {
        // A late request (the favicon of the last page, say) can still be in flight when the
        // test ends; that is not a finding. Anything else is.
        if (!/Test ended|Target page, context or browser has been closed/.test(String(error))) throw error;
      }
    });
  }
  return seen;
}

/** Nothing of the fixture's ran, the site's own scripts ran, and the policy held. */
async function expectUntouched(page: Page): Promise<void> {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __violations: string[] };
    return {
      pwned: w.__pwned,
      title: document.title,
      violations: w.__violations,
      // theme.ts shows the toggle: it ran to the end, clobbering or not.
      toggle: document.querySelector<HTMLButtonElement>('button[data-theme-toggle]')?.hidden,
    };
  });
  expect(state.pwned, `window.__pwned on ${page.url()}`).toBeUndefined();
  expect(state.title).not.toBe('pwned');
  if (state.toggle !== undefined) expect(state.toggle, `the theme toggle on ${page.url()}`).toBe(false);
  if (csp) expect(state.violations, `CSP violations on ${page.url()}`).toEqual([]);
}

test('no page of the hostile site runs a script, opens a dialog or breaks the site’s own scripts', async ({ page }) => {
  test.setTimeout(180_000);
  if (!csp) test.info().annotations.push({ type: 'note', description: 'no _headers in the build: no Content-Security-Policy to check' });
  const seen = await watch(page);
  expect(pages.length).toBeGreaterThan(15);
  for (const path of pages) {
    await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
    // Give onerror/onload handlers and timers their chance.
    await page.waitForTimeout(50);
    await expectUntouched(page);
  }
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('the preview card of a person whose name is markup shows it as text', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${origin}/stories/hostile-fields/`);
  const link = page.locator('.story-body a[data-ref="person:hostile-person"]').first();
  await link.hover();
  const card = page.locator('#preview-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('"><img src=x onerror="window.__pwned=1;document.title=`pwned`">');
  await expect(card).toContainText('</title><script>alert(1)</script>');
  await expect(card.locator('img, script, svg, iframe')).toHaveCount(0);
  await page.waitForTimeout(200);
  await expectUntouched(page);
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('search results for hostile text show it as text', async ({ page }) => {
  const seen = await watch(page);
  for (const query of ['onerror', 'script', 'pwned']) {
    await page.goto(`${origin}/search/?q=${query}`);
    const results = page.locator('#search-results li');
    await expect(results.first()).toBeVisible();
    // Pagefind marks matches with <mark>; nothing else from the pages becomes markup.
    await expect(page.locator('#search-results').locator('img, script, svg, iframe, object, embed')).toHaveCount(0);
    await page.waitForTimeout(200);
    await expectUntouched(page);
  }
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('words with letters the index cannot fold are found as a reader types them', async ({ page }) => {
  for (const query of ['Walesa', 'Wroclaw', 'Sondergaard', 'Aero', 'Wałęsa']) {
    await page.goto(`${origin}/search/?q=${query}`);
    const story = page.locator('#search-results li', { has: page.locator('a[href$="/stories/unicode-names/"]') });
    await expect(story, query).toHaveCount(1);
    await expect(story.locator('mark').first()).toBeVisible();
  }
});

test('links in bodies never navigate to script', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${origin}/stories/hostile-body/`);
  const links = page.locator('.story-body a');
  const count = await links.count();
  expect(count).toBeGreaterThan(20);
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href).filter(Boolean));
  expect(hrefs.filter((href) => !/^https?:/.test(href))).toEqual([]);
  // Links without an href are inert: clicking them does nothing.
  const inert = page.locator('.story-body a:not([href])');
  expect(await inert.count()).toBeGreaterThan(5);
  for (let i = 0; i < (await inert.count()); i++) await inert.nth(i).click();
  await expect(page).toHaveURL(`${origin}/stories/hostile-body/`);
  await expectUntouched(page);
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
});
