/** Full-text search in the browser, served from the site's own Pagefind index. */
import { expect, test } from '@playwright/test';

const cases: [string, RegExp, string][] = [
  ['Kislyak', /\/people\/sergey-kislyak\/$/, 'Person'],
  ['attorney general', /\/people\/jeff-sessions\/$/, 'Person'],
  ['recusal', /\/events\/sessions-recusal\/$/, 'Event'],
  ['Sergei Kislyak', /\/people\/sergey-kislyak\/$/, 'Person'],
];

for (const [query, expected, kind] of cases) {
  test(`searching “${query}” finds the expected page`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('search/');
    await page.getByLabel('Search stories, people and events').fill(query);
    const results = page.locator('#search-results li');
    await expect(results.first()).toBeVisible();
    const hrefs = await results.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const match = hrefs.findIndex((h) => expected.test(h));
    expect(match, hrefs.join('\n')).toBeGreaterThanOrEqual(0);
    await expect(results.nth(match).locator('.search-kind')).toHaveText(kind);
    await expect(results.nth(match).locator('mark').first()).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(query).replace(/%20/g, '[+]|%20')}`));
    expect(errors).toEqual([]);
  });
}

test('a search URL can be shared: ?q= runs the search on load', async ({ page }) => {
  await page.goto('search/?q=recusal');
  await expect(page.locator('#search-results li').first()).toBeVisible();
  await expect(page.locator('#search-status')).toContainText('for “recusal”');
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('search/?q=zzzqqq');
  await expect(page.locator('#search-status')).toHaveText('Nothing found for “zzzqqq”.');
});
