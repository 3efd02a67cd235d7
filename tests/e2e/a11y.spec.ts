/**
 * axe on every page of the built site (WCAG 2.0, 2.1 and 2.2, A and AA), in
 * the light and the dark theme: zero violations. The page list comes from
 * the build Playwright serves (tests/.output/e2e/dist), so a new page type is
 * checked without editing this file. Every page is checked on desktop; the
 * phone project checks one page of each type (layout and target sizes
 * differ there, the markup does not). On desktop each page is also checked
 * for reflow at 320 CSS px: nothing may scroll sideways.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { expect, test } from '@playwright/test';
import { COLOUR_RULES, violations } from './axe.ts';

// The build playwright.config.ts serves (E2E_DIST, relative to the project root).
const dist = resolve(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'tests/.output/e2e/dist');

/** URL paths of every HTML page in the build, relative to the site root. */
function builtPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(dist, path).split(sep).join('/');
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') out.push(rel.slice(0, -'index.html'.length));
      else if (name.endsWith('.html')) out.push(rel);
    }
  };
  walk(dist);
  return out.sort();
}

const pages = builtPages();
/** One page of each type, for the phone. */
const samples = new Set(['', '404.html', 'people/', 'timeline/', 'stories/sessions-trump-rift/', 'people/jeff-sessions/', 'events/sessions-recusal/']);

test('the build has every page type to check', () => {
  expect(pages).toEqual(expect.arrayContaining([...samples]));
  expect(pages.length).toBeGreaterThan(25);
});

for (const path of pages) {
  test(`axe: /${path} in light and dark`, async ({ page }, info) => {
    test.skip(info.project.name !== 'desktop' && !samples.has(path), 'every page runs on desktop; the phone checks one of each type');
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));

    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    expect(await violations(page), 'light').toEqual([]);

    // Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS px.
    if (info.project.name === 'desktop') {
      await page.setViewportSize({ width: 320, height: 640 });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, 'width at 320 px').toBeLessThanOrEqual(clientWidth);
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // Dark from the system setting…
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
    expect(await violations(page, COLOUR_RULES), 'dark (system)').toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('axe: dark chosen with the toggle, and an open preview card', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'hover and focus cards on desktop');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('stories/sessions-trump-rift/');
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await violations(page), 'dark (toggle)').toEqual([]);
  await page.locator('.story-body a[data-ref^="person:"]').first().focus();
  await expect(page.locator('#preview-card')).toBeVisible();
  expect(await violations(page), 'with a preview card, dark').toEqual([]);
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await page.locator('.story-body a[data-ref^="event:"]').first().focus();
  await expect(page.locator('#preview-card')).toContainText('Event');
  expect(await violations(page), 'with a preview card, light').toEqual([]);
});
