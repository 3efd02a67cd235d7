/**
 * A table wider than the screen scrolls in its own box, not the page: the
 * box the renderer makes (see rehype-table-scroll.ts), put into the story
 * page as a body would have it, at the phone's and the desktop's width.
 */
import { expect, test } from '@playwright/test';
import { parseMarkdown } from '../../src/lib/parse-markdown.ts';
import { renderTree } from '../../src/markdown/render.ts';

const header = Array.from({ length: 9 }, (_, i) => `Chromium at sampling point ${i + 1} (mg/l)`);
const WIDE_TABLE = renderTree(
  parseMarkdown(`| ${header.join(' | ')} |\n| ${header.map(() => '---:').join(' | ')} |\n| ${header.map((_, i) => `0.0${i}`).join(' | ')} |\n`),
);

test('a wide table scrolls inside its box, from the keyboard too, and the page does not scroll sideways', async ({ page }) => {
  await page.goto('stories/sessions-trump-rift/');
  await page.locator('.story-body').evaluate((body, html) => body.insertAdjacentHTML('afterbegin', html), WIDE_TABLE);
  const box = page.locator('.story-body .table-scroll');
  const widths = await box.evaluate((el) => ({ box: el.clientWidth, table: el.scrollWidth, page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  expect(widths.table).toBeGreaterThan(widths.box);
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
  // The box takes the focus, is named, and the arrow keys scroll it.
  await expect(box).toHaveAttribute('aria-label', /Table/);
  await box.focus();
  await expect(box).toBeFocused();
  // Pressed again while it has not moved: once, on a busy machine, a single press left it where it was.
  await expect
    .poll(async () => {
      await page.keyboard.press('ArrowRight');
      return box.evaluate((el) => el.scrollLeft);
    })
    .toBeGreaterThan(0);
});
