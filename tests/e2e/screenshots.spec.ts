/**
 * Full-page screenshots of each page type, light and dark, at the project's
 * width (desktop 1280 px, phone 360 px), saved for people to look at:
 * tests/.output/screenshots/<project>/<page type>-<theme>.png. Not compared
 * pixel by pixel (fonts differ between machines); each shot only has to be
 * a real, complete page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const OUT = join(import.meta.dirname, '../.output/screenshots');
const PAGES: Record<string, string> = {
  home: '',
  story: 'stories/sessions-trump-rift/',
  people: 'people/',
  person: 'people/jeff-sessions/',
  event: 'events/sessions-recusal/',
  timeline: 'timeline/',
  '404': 'no-such-page/',
};

for (const [type, path] of Object.entries(PAGES)) {
  test(`screenshots: ${type}, light and dark`, async ({ page }, info) => {
    const dir = join(OUT, info.project.name);
    mkdirSync(dir, { recursive: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', String(theme === 'dark'));
      const file = join(dir, `${type}-${theme}.png`);
      // One image pixel per CSS pixel: the phone's 2.6× density would only make the files heavy.
      const png = await page.screenshot({ path: file, fullPage: true, scale: 'css' });
      await info.attach(`${type}-${theme}`, { path: file, contentType: 'image/png' });
      // A real page: more than a blank viewport's worth of image.
      expect(png.byteLength).toBeGreaterThan(10_000);
    }
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
}
