/**
 * The search box in the header: a plain form to the search page without
 * JavaScript; with it, Ctrl-K and ⌘K put the cursor in the box, and Esc
 * gives focus back. No key alone is a shortcut (WCAG 2.1.4). On the search
 * page, which has its own box, the keys go there and the header has none.
 */
import { expect, test, type Page } from '@playwright/test';
import { failOnConsoleErrors } from './console-guard.ts';

const STORY = 'stories/sessions-trump-rift/';
const headerBox = (page: Page) => page.getByRole('search').getByRole('searchbox', { name: 'Search the site' });
const isPhone = (name: string) => name === 'phone';

failOnConsoleErrors();

test('Ctrl+K puts the cursor in the header box from a story, with the shortcut announced; / alone does nothing', async ({ page }, info) => {
  await page.goto(STORY);
  const box = headerBox(page);
  await expect(box).toBeVisible();
  await expect(box).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K');
  await expect(box).not.toBeFocused();
  // A key alone is no shortcut: a reader moving through the page with single keys sets nothing off.
  await page.locator('.story-body a[data-ref^="person:"]').first().focus();
  await page.keyboard.press('/');
  await expect(box).not.toBeFocused();
  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  // The visible hint is for wide screens with a keyboard.
  const hint = page.locator('.site-search kbd');
  if (isPhone(info.project.name)) await expect(hint).toBeHidden();
  else {
    await page.keyboard.press('Escape');
    await expect(hint).toBeVisible();
    await expect(hint).toHaveText(/^(?:Ctrl K|⌘K)$/);
  }
});

for (const modifier of ['Control', 'Meta']) {
  test(`${modifier}+K focuses the header box, selects its text and keeps the browser's own shortcut away`, async ({ page }) => {
    await page.goto(STORY);
    const box = headerBox(page);
    await box.fill('Sessions');
    await page.locator('h1').click();
    await expect(box).not.toBeFocused();
    // Listened for after the page's own handler: was the browser's default cancelled?
    await page.evaluate(() => {
      window.addEventListener('keydown', (e) => {
        if (e.key.toLowerCase() === 'k') (window as unknown as { prevented?: boolean }).prevented = e.defaultPrevented;
      });
    });
    await page.keyboard.press(`${modifier}+K`);
    await expect(box).toBeFocused();
    expect(await page.evaluate(() => (window as unknown as { prevented?: boolean }).prevented)).toBe(true);
    expect(await box.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 'Sessions'.length]);
    // Typing replaces the selected text.
    await page.keyboard.type('Comey');
    await expect(box).toHaveValue('Comey');
  });
}

test('typing “Kislyak” and Enter opens the search page with the person among the results', async ({ page }) => {
  await page.goto(STORY);
  await page.keyboard.press('Control+K');
  await page.keyboard.type('Kislyak');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Kislyak$/);
  await expect(page.getByLabel('Search stories, people and events')).toHaveValue('Kislyak');
  const result = page.locator('#search-results li').filter({ has: page.locator('a[href$="/people/sergey-kislyak/"]') });
  await expect(result).toBeVisible();
  await expect(result.locator('.search-kind')).toHaveText('Person');
});

test('Esc in the box gives focus back to where the shortcut was pressed', async ({ page }) => {
  await page.goto(STORY);
  const link = page.locator('.story-body a[data-ref^="person:"]').first();
  await link.focus();
  await page.keyboard.press('Control+K');
  await expect(headerBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(headerBox(page)).not.toBeFocused();
  await expect(link).toBeFocused();
});

test('without JavaScript the box is a form that opens the search page with ?q=', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(STORY);
  await expect(page.locator('.site-search kbd')).toBeHidden();
  await expect(headerBox(page)).not.toHaveAttribute('aria-keyshortcuts', /./);
  await headerBox(page).fill('Sergei Kislyak');
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=Sergei\+Kislyak$/);
  await expect(page.locator('h1')).toHaveText('Search');
  await context.close();
});

test('the search page has one box, its own, and Ctrl+K goes to it', async ({ page }) => {
  await page.goto('search/?q=recusal');
  await expect(page.getByRole('search')).toHaveCount(1);
  await expect(page.locator('#site-search-input')).toHaveCount(0);
  const box = page.getByLabel('Search stories, people and events');
  await expect(box).toHaveValue('recusal');
  await page.locator('h1').click();
  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('aria-keyshortcuts', 'Control+K Meta+K');
});

test('every id on a page is unique, the header box included', async ({ page }) => {
  for (const path of ['', STORY, 'timeline/', 'search/']) {
    await page.goto(path);
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates, path).toEqual([]);
  }
});

test('at 320 px the box is there to use: in view, full-size targets, nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(STORY);
  const box = headerBox(page);
  await expect(box).toBeInViewport();
  const button = page.getByRole('search').getByRole('button', { name: 'Search' });
  for (const target of [box, button]) {
    const size = (await target.boundingBox())!;
    expect(size.width).toBeGreaterThanOrEqual(24);
    expect(size.height).toBeGreaterThanOrEqual(24);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await box.fill('recusal');
  await button.click();
  await expect(page).toHaveURL(/\/search\/\?q=recusal$/);
});
