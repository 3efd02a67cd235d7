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

test('a name finds the page of the person it names among the first results, not after every event naming them', async ({ page }) => {
  for (const [query, path] of [['sessions', '/people/jeff-sessions/'], ['trump', '/people/donald-trump/']] as const) {
    await page.goto(`search/?q=${query}`);
    const links = page.locator('#search-results li a');
    await expect(links.first()).toBeVisible();
    const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.slice(0, 3).some((h) => h.endsWith(path)), hrefs.join('\n')).toBe(true);
  }
});

test('a mistyped name is offered spelt as the site spells it, and the offer searches it', async ({ page }) => {
  await page.goto('search/?q=kislak');
  const offer = page.locator('#search-suggestion');
  // A live region already in the page when it is filled, so the offer is announced.
  await expect(offer).toHaveAttribute('aria-live', 'polite');
  await expect(offer).not.toHaveAttribute('hidden');
  await expect(offer).toHaveText('Did you mean “kislyak”?');
  await offer.getByRole('link', { name: 'kislyak' }).click();
  await expect(page).toHaveURL(/\?q=kislyak$/);
  await expect(page.locator('#search-results li a').first()).toHaveAttribute('href', /\/people\/sergey-kislyak\/$/);
  await expect(offer).toBeEmpty();
  await expect(offer).not.toHaveAttribute('hidden');
});

test('a word of a title typed with two letters swapped is offered too', async ({ page }) => {
  await page.goto('search/?q=recsues');
  await expect(page.locator('#search-suggestion')).toHaveText('Did you mean “recuses”?');
});

test('a search URL can be shared: ?q= runs the search on load', async ({ page }) => {
  await page.goto('search/?q=recusal');
  await expect(page.locator('#search-results li').first()).toBeVisible();
  await expect(page.locator('#search-status')).toContainText('for “recusal”');
});

test('more than twenty results are shown twenty at a time, the rest a button press away', async ({ page }) => {
  await page.goto('search/?q=the');
  const status = page.locator('#search-status');
  await expect(status).toContainText('the first 20 shown');
  const total = Number(/^([\d,]+) results/.exec((await status.textContent())!)![1]!.replace(/,/g, ''));
  const items = page.locator('#search-results > li');
  await expect(items).toHaveCount(20);
  const more = page.locator('#search-more');
  await expect(more).toHaveText(total - 20 <= 20 ? `Show the last ${total - 20}` : `Show 20 more of ${total - 20}`);
  await more.click();
  await expect(items).toHaveCount(Math.min(40, total));
  // The first new result has the focus, so a keyboard reads on from there.
  await expect(items.nth(20).locator('a')).toBeFocused();
  if (total <= 40) await expect(more).toBeHidden();
});

test('a search with no match says so', async ({ page }) => {
  await page.goto('search/?q=zzzqqq');
  await expect(page.locator('#search-status')).toHaveText('Nothing found for “zzzqqq”.');
});

test('a person’s summary finds their page, not every event they took part in', async ({ page }) => {
  // Jeff Sessions's summary, which event pages also show beside his name in "Who took part".
  await page.goto('search/?q=senator%20for%20Alabama%20for%20two%20decades');
  const links = page.locator('#search-results li a');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs.some((h) => h.endsWith('/people/jeff-sessions/')), hrefs.join('\n')).toBe(true);
  expect(hrefs.filter((h) => h.includes('/events/')), hrefs.join('\n')).toEqual([]);
});
