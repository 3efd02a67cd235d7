/**
 * A person and an event in most of the news: a generated archive where nine
 * in ten stories name person-00000 and event-00000, and person-00000 takes
 * part in nine in ten events. Their pages list the latest stories and link a
 * page per year of them; the person's timeline is a page per year. Each of
 * these page kinds passes axe in both themes and reflows at 320 CSS px (on
 * desktop: the phone shows the same markup), and a
 * reader gets from the person's page to any story through the years. The
 * archive also keeps more people than one index page lists, so `/people/` is
 * split by letter, and a reader finds anyone through their letter; and one
 * year has more stories than its archive page lists and more events than its
 * timeline page lists, so both are split by month; a month's timeline filters
 * by person in place.
 *
 * The site is built here, once, and served by scripts/serve.ts on a free port
 * of 127.0.0.1 — not the site the other browser tests use.
 */
import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, scratchDir } from '../build/build-site.ts';
import { serveInBackground, type BackgroundServer } from '../../scripts/background-server.ts';
import { addDailyEvents, addDailyStories, addQuietPeople, generateCorpus } from '../../scripts/generate-corpus.ts';
import { TIMELINE_ONE_PAGE } from '../../src/lib/timeline-pages.ts';
import { ARCHIVE_YEAR_ONE_PAGE } from '../../src/lib/archive.ts';
import { PEOPLE_ONE_PAGE } from '../../src/lib/people-index.ts';
import { COLOUR_RULES, violations } from './axe.ts';
import { failOnConsoleErrors } from './console-guard.ts';

test.describe.configure({ mode: 'serial' });
failOnConsoleErrors();

// 2 × 240 events, nine in ten with person-00000: more than one timeline page holds (TIMELINE_ONE_PAGE).
const STORIES = 240;

let scratch: string | undefined;
let server: BackgroundServer | undefined;
let origin = '';
/** One page of each kind, found in the build. */
let pages: Record<'person' | 'event' | 'personYear' | 'eventYear' | 'timeline' | 'timelineYear' | 'people' | 'peopleLetter' | 'archiveYear' | 'archiveMonth' | 'timelineSplitYear' | 'timelineMonth', string>;

test.beforeAll(async ({}, testInfo) => {
  // One build at a time in the project (Astro's working files are shared); reflow is checked at 320 px on desktop.
  test.skip(testInfo.project.name !== 'desktop', 'one browser is enough: the markup is the same');
  testInfo.setTimeout(240_000);
  scratch = scratchDir('large-records-e2e');
  const content = join(scratch, 'content');
  generateCorpus(content, STORIES, { hub: 0.9 });
  addQuietPeople(content, PEOPLE_ONE_PAGE);
  addDailyStories(content, 2000, ARCHIVE_YEAR_ONE_PAGE + 20);
  addDailyEvents(content, 2000, TIMELINE_ONE_PAGE + 20, ['person-00001', 'person-00002']);
  const out = join(scratch, 'dist');
  const result = buildSite({ contentDir: content, outDir: out });
  if (result.status !== 0) throw new Error(`the generated archive must build:\n${result.output.slice(-6000)}`);
  server = await serveInBackground(out);
  origin = server.origin;
  pages = {
    person: 'people/person-00000/',
    event: 'events/event-00000/',
    personYear: 'people/person-00000/stories/2010/',
    eventYear: 'events/event-00000/stories/2010/',
    timeline: 'timeline/people/person-00000/',
    timelineYear: 'timeline/people/person-00000/2010/',
    people: 'people/',
    peopleLetter: 'people/a-z/e/',
    archiveYear: 'archive/2000/',
    archiveMonth: 'archive/2000/03/',
    timelineSplitYear: 'timeline/2000/',
    timelineMonth: 'timeline/2000/03/',
  };
});

test.afterAll(() => {
  server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

for (const kind of ['person', 'event', 'personYear', 'eventYear', 'timeline', 'timelineYear', 'people', 'peopleLetter', 'archiveYear', 'archiveMonth', 'timelineSplitYear', 'timelineMonth'] as const) {
  test(`axe and reflow: the ${kind} page of a large archive`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const response = await page.goto(`${origin}/${pages[kind]}`);
    expect(response?.status()).toBe(200);
    expect(await violations(page), 'light').toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, 'width at 320 px').toBeLessThanOrEqual(clientWidth);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page, COLOUR_RULES), 'dark').toEqual([]);
  });
}

test('from the person’s page through a year of their stories to a story, and through a year of their timeline to an event', async ({ page }) => {
  await page.goto(`${origin}/${pages.person}`);
  const years = page.getByRole('navigation', { name: /^All \d[\d,]* stories, by year$/ });
  await years.getByRole('link', { name: '2010', exact: true }).click();
  await expect(page).toHaveURL(`${origin}/${pages.personYear}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Stories from 2010 that mention /);
  await expect(page.getByRole('link', { name: '2010', exact: true })).toHaveAttribute('aria-current', 'page');
  const first = page.locator('.story-list a').first();
  const title = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);

  await page.goto(`${origin}/${pages.person}`);
  await page.getByRole('link', { name: /^All of .+’s events on the timeline$/ }).click();
  await expect(page).toHaveURL(`${origin}/${pages.timeline}`);
  await page.getByRole('navigation', { name: 'Events by year' }).getByRole('link', { name: '2010', exact: true }).click();
  await expect(page).toHaveURL(`${origin}/${pages.timelineYear}`);
  const event = page.locator('.event-list a').first();
  const eventTitle = await event.textContent();
  await event.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(eventTitle!);
});

test('from the people index through a letter to a person, and on to another letter', async ({ page }) => {
  await page.goto(`${origin}/${pages.people}`);
  const letters = page.getByRole('navigation', { name: 'People A to Z' });
  await letters.getByRole('link', { name: 'E', exact: true }).click();
  await expect(page).toHaveURL(`${origin}/${pages.peopleLetter}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('People: E');
  await expect(page.getByRole('link', { name: 'E', exact: true })).toHaveAttribute('aria-current', 'page');
  // People are filed by surname, and accents under their letter.
  const person = page.locator('.person-list > li > a', { hasText: / Éla/ }).first();
  const name = await person.textContent();
  await person.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name!);

  await page.goto(`${origin}/${pages.peopleLetter}`);
  await page.getByRole('navigation', { name: 'People A to Z' }).getByRole('link', { name: 'Other', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('People: other names');
  await expect(page.locator('.person-list > li > a', { hasText: / Вла/ }).first()).toBeVisible();
});

test('from a year of the archive too big for one page through a month to a story', async ({ page }) => {
  await page.goto(`${origin}/`);
  await page.getByRole('navigation', { name: 'Stories by year' }).getByRole('link', { name: '2000', exact: true }).click();
  await expect(page).toHaveURL(`${origin}/${pages.archiveYear}`);
  await page.getByRole('navigation', { name: 'Stories by month' }).getByRole('link', { name: 'March', exact: true }).click();
  await expect(page).toHaveURL(`${origin}/${pages.archiveMonth}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stories from March 2000');
  const first = page.locator('.story-list a').first();
  const title = await first.textContent();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
});

test('from a year of the timeline too big for one page to a month, filtered by person in place', async ({ page }) => {
  await page.goto(`${origin}/${pages.timelineSplitYear}`);
  await page.getByRole('navigation', { name: 'Events by month' }).getByRole('link', { name: 'March', exact: true }).click();
  await expect(page).toHaveURL(`${origin}/${pages.timelineMonth}`);
  // The filters work in place once the page's script has run; a click before that opens the pre-built page, as without JavaScript.
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline: March 2000');
  const all = await page.locator('.event-list > li').count();
  expect(all).toBeGreaterThan(1);
  await page.getByText(/^Filter by person/).click();
  const filter = page.locator('.timeline-filters a[data-person="person-00001"]');
  const expected = Number(/\((\d+)\)/.exec((await filter.locator('xpath=..').textContent())!)![1]);
  await filter.click();
  await expect(page).toHaveURL(`${origin}/${pages.timelineMonth}?person=person-00001`);
  await expect(page.locator('.event-list > li:not([hidden])')).toHaveCount(expected);
  expect(expected).toBeLessThan(all);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Showing ${expected} events? with .+ in March 2000$`));
});
