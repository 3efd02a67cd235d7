/**
 * The main timeline's filters in place: with JavaScript, a person's or a
 * story's link shows just their events on the same page, says so in a live
 * region, and keeps the filter in the URL; the events shown are exactly
 * those of the pre-built filtered page, which the same link opens without
 * JavaScript.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { failOnConsoleErrors } from './console-guard.ts';

const PERSON = { id: 'sergey-kislyak', name: 'Sergey Kislyak' };
const STORY = { id: 'sessions-trump-rift', title: 'Sessions and Trump at odds as Comey prepares to testify' };

const visibleItems = (page: Page) => page.locator('.timeline-month .event-list > li:visible');
const status = (page: Page) => page.locator('.timeline-status [role="status"]');
/** The events' own titles, not the story each entry links ("Covered in …"). */
const titles = (page: Page) => visibleItems(page).locator(':scope > a').allTextContents();

/** The event titles on a pre-built filtered page, read without JavaScript. */
async function prebuilt(browser: Browser, path: string): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  const list = await page.locator('.event-list > li > a').allTextContents();
  await context.close();
  return list;
}

async function everyEvent(page: Page): Promise<number> {
  return page.locator('.timeline-month .event-list > li').count();
}

failOnConsoleErrors();

test('picking a person filters in place: their events only, as on their pre-built page, announced and in the URL', async ({ page, browser }) => {
  const expected = await prebuilt(browser, `timeline/people/${PERSON.id}/`);
  expect(expected.length).toBeGreaterThan(1);
  await page.goto('timeline/');
  const all = await everyEvent(page);
  expect(expected.length).toBeLessThan(all);
  await expect(visibleItems(page)).toHaveCount(all);
  await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  await expect(status(page)).toBeEmpty();

  await page.getByText('Filter by person').click();
  const link = page.getByRole('link', { name: PERSON.name, exact: true });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/timeline/\\?person=${PERSON.id}$`));
  await expect(visibleItems(page)).toHaveCount(expected.length);
  expect(await titles(page)).toEqual(expected);
  for (const people of await visibleItems(page).evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.people ?? ''))) {
    expect(people.split(' ')).toContain(PERSON.id);
  }
  // No heading is left over an empty month or year.
  const emptyGroups = await page.locator('.timeline-month:visible, .timeline-year:visible').evaluateAll((groups) =>
    groups.filter((g) => ![...g.querySelectorAll('.event-list > li')].some((li) => !(li as HTMLElement).hidden)).length,
  );
  expect(emptyGroups).toBe(0);
  await expect(status(page)).toHaveText(`Showing ${expected.length} events with ${PERSON.name}`);
  await expect(link).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveTitle(new RegExp(`^${PERSON.name} · Timeline`));

  // Reload: the same view, from the URL.
  await page.reload();
  await expect(visibleItems(page)).toHaveCount(expected.length);
  await expect(status(page)).toHaveText(`Showing ${expected.length} events with ${PERSON.name}`);

  // “Show all” brings every event back and takes the filter out of the URL.
  await page.getByRole('link', { name: 'Show all' }).click();
  await expect(page).toHaveURL(/\/timeline\/$/);
  await expect(visibleItems(page)).toHaveCount(all);
  await expect(status(page)).toBeEmpty();
  await expect(page.getByRole('link', { name: 'Show all' })).toBeHidden();
  await expect(page.locator('.timeline-filters a[aria-current]')).toHaveCount(0);
  // Focus is not lost with the link that disappeared.
  expect(await page.evaluate(() => document.activeElement?.closest('.timeline-filters') !== null)).toBe(true);
});

test('a story filter from a shared URL shows the events of its pre-built page; Back and Forward move between filters', async ({ page, browser }) => {
  const expected = await prebuilt(browser, `timeline/stories/${STORY.id}/`);
  await page.goto(`timeline/?story=${STORY.id}`);
  await expect(visibleItems(page)).toHaveCount(expected.length);
  expect(await titles(page)).toEqual(expected);
  await expect(status(page)).toHaveText(`Showing ${expected.length} events named in “${STORY.title}”`);

  const person = await prebuilt(browser, `timeline/people/${PERSON.id}/`);
  await page.getByText('Filter by person').click();
  await page.getByRole('link', { name: PERSON.name, exact: true }).click();
  await expect(visibleItems(page)).toHaveCount(person.length);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?story=${STORY.id}$`));
  await expect(visibleItems(page)).toHaveCount(expected.length);
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`\\?person=${PERSON.id}$`));
  await expect(visibleItems(page)).toHaveCount(person.length);
});

test('on a short screen, picking a person brings the status line into view, the focus left on the link', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 420 });
  await page.goto('timeline/');
  await page.getByText('Filter by person').click();
  const link = page.getByRole('link', { name: PERSON.name, exact: true });
  await link.scrollIntoViewIfNeeded();
  await link.click();
  await expect(status(page)).toHaveText(/^Showing \d+ events with /);
  await expect(status(page)).toBeInViewport();
  await expect(link).toBeFocused();
});

test('works from the keyboard: Enter on the summary, Tab to a person, Enter', async ({ page }) => {
  await page.goto('timeline/');
  const summary = page.locator('.timeline-filters summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  const link = page.getByRole('link', { name: PERSON.name, exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`\\?person=${PERSON.id}$`));
  await expect(link).toBeFocused();
  await expect(status(page)).toContainText(PERSON.name);
  await page.getByRole('link', { name: 'Show all' }).focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toBeEmpty();
  await expect(link).toBeFocused();
});

test('a click with a modifier key still opens the pre-built page, leaving this one as it was', async ({ page, context }, info) => {
  test.skip(info.project.name === 'phone', 'modifier clicks are a desktop thing');
  await page.goto('timeline/');
  const all = await everyEvent(page);
  await page.getByText('Filter by person').click();
  const opened = context.waitForEvent('page');
  await page.getByRole('link', { name: PERSON.name, exact: true }).click({ modifiers: ['ControlOrMeta'] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(new RegExp(`/timeline/people/${PERSON.id}/$`));
  await expect(page).toHaveURL(/\/timeline\/$/);
  await expect(visibleItems(page)).toHaveCount(all);
});

test('an unknown id in the URL shows every event, drops it from the URL and says so', async ({ page }) => {
  await page.goto('timeline/?person=nobody-at-all');
  await expect(page).toHaveURL(/\/timeline\/$/);
  await expect(visibleItems(page)).toHaveCount(await everyEvent(page));
  await expect(status(page)).toHaveText('This timeline has no filter for the person “nobody-at-all”: showing every event');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a filter link opens the pre-built page', async ({ page }) => {
    await page.goto('timeline/');
    await page.getByText('Filter by person').click();
    await page.getByRole('link', { name: PERSON.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/timeline/people/${PERSON.id}/$`));
    await expect(page.locator('h1')).toHaveText(`Timeline: ${PERSON.name}`);
  });

  test('a year’s filter link opens that year of the person’s timeline', async ({ page }) => {
    await page.goto('timeline/2017/');
    await page.getByText('Filter by person').click();
    await page.getByRole('link', { name: PERSON.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/timeline/people/${PERSON.id}/#y2017$`));
    await expect(page.locator('h1')).toHaveText(`Timeline: ${PERSON.name}`);
    await expect(page.locator('#y2017')).toBeInViewport();
  });
});

test('axe: a filtered timeline, light and dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`timeline/?person=${PERSON.id}`);
  await page.getByText('Filter by person').click();
  await expect(page.getByRole('link', { name: 'Show all' })).toBeVisible();
  const scan = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect((await scan()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect((await scan()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a year’s page filters in place within its year, and links on to the person’s every year', async ({ page, browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const prebuiltPage = await context.newPage();
  await prebuiltPage.goto(`timeline/people/${PERSON.id}/`);
  const every = await prebuiltPage.locator('.event-list > li > a').allTextContents();
  const in2017 = await prebuiltPage.locator('.timeline-year[aria-labelledby="y2017"] .event-list > li > a').allTextContents();
  await context.close();
  expect(in2017.length).toBeGreaterThan(1);
  expect(in2017.length).toBeLessThan(every.length);

  await page.goto('timeline/2017/');
  await expect(page.locator('.index-links a[aria-current="page"]')).toHaveText('2017');
  const all = await everyEvent(page);
  await page.getByText('Filter by person').click();
  await page.getByRole('link', { name: PERSON.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/timeline/2017/\\?person=${PERSON.id}$`));
  await expect(visibleItems(page)).toHaveCount(in2017.length);
  expect(await titles(page)).toEqual(in2017);
  await expect(status(page)).toHaveText(`Showing ${in2017.length} events with ${PERSON.name} in 2017`);
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // “Show all” stays on the year; “Every year” opens the person’s whole timeline.
  await page.getByRole('link', { name: 'Show all' }).click();
  await expect(page).toHaveURL(/\/timeline\/2017\/$/);
  await expect(visibleItems(page)).toHaveCount(all);
  await expect(page.getByRole('link', { name: 'Every year' })).toBeHidden();
  await page.getByRole('link', { name: PERSON.name, exact: true }).click();
  await page.getByRole('link', { name: 'Every year' }).click();
  await expect(page).toHaveURL(new RegExp(`/timeline/people/${PERSON.id}/$`));
  expect(await page.locator('.event-list > li > a').allTextContents()).toEqual(every);
});
