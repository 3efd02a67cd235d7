/**
 * A newsroom's years of stories: the home page shows the latest, and every
 * story is on the page of the year it was published, linked from the home
 * page and from each year page. The timeline is too big for one page here
 * (more entries than TIMELINE_ONE_PAGE), so it is split by year the same way.
 * A person in many stories gets the latest quoted and the next listed; one
 * in half the stories (a head of government) has a page per year of them.
 * There are more people than one index page lists, so `/people/` is split by
 * letter, and one year has more stories than its archive page lists and more
 * events than its timeline page lists, so both are split by month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, projectRoot, scratchDir } from './build-site.ts';
import { attributeValues, read } from './dist.ts';
import { addDailyEvents, addDailyStories, addQuietPeople, generateCorpus } from '../../scripts/generate-corpus.ts';
import { loadContent } from '../../src/lib/load.ts';
import { ARCHIVE_YEAR_ONE_PAGE, HOME_STORIES, archiveMonthPath } from '../../src/lib/archive.ts';
import { monthName } from '../../src/lib/dates.ts';
import { formatCount } from '../../src/lib/numbers.ts';
import { FILTER_PEOPLE, TIMELINE_ONE_PAGE, timelineMonthPath } from '../../src/lib/timeline-pages.ts';
import { PERSON_CONNECTIONS, PERSON_PAGE_EVENTS } from '../../src/lib/page-views.ts';
import { QUOTED_STORIES, RECORD_PAGE_STORIES } from '../../src/lib/coverage.ts';
import { existsSync, readFileSync } from 'node:fs';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { ALSO_MENTIONED_IN } from '../../src/lib/mentioned-in.ts';
import { assembleSite } from '../../src/lib/site.ts';
import { MOST_COVERED, PEOPLE_ONE_PAGE, letterOf } from '../../src/lib/people-index.ts';
import { filingName } from '../../src/lib/filing.ts';
import type { Graph } from '../../src/lib/graph.ts';
import type { PersonId } from '../../src/lib/ids.ts';

let scratch: string;
let out: string;
let stories: { id: string; year: number; month: number }[];
let events: { id: string; year: number; month?: number; people: string[] }[];
let people: Map<string, string>;
/** The stories that name at least one event. */
let storiesWithEvents: string[];
let graph: Graph;

// Enough stories for more than TIMELINE_ONE_PAGE timeline entries (two events a story, a person per
// five) and more than FILTER_PEOPLE people with events.
const STORIES = 250;
/**
 * Nine in ten stories name person-00000 and event-00000, and nine in ten events have
 * person-00000: more stories than their pages list, more events than one timeline page holds.
 */
const HUB = 0.9;
/** People in no story or event, as a newsroom keeps records of people not in the news lately: more people than the people index lists on one page. */
const QUIET_PEOPLE = PEOPLE_ONE_PAGE;
/** A year of a daily newsroom, with more stories than its archive page lists (the generated stories are of 2001–2025). */
const DAILY_YEAR = 2000;

beforeAll(() => {
  scratch = scratchDir('archive');
  const corpus = join(scratch, 'content');
  generateCorpus(corpus, STORIES, { hub: HUB });
  addQuietPeople(corpus, QUIET_PEOPLE);
  addDailyStories(corpus, DAILY_YEAR, ARCHIVE_YEAR_ONE_PAGE + 40);
  addDailyEvents(corpus, DAILY_YEAR, TIMELINE_ONE_PAGE + 20, ['person-00001', 'person-00002', 'person-00003']);
  const { content } = loadContent(corpus);
  stories = content.stories.map((s) => ({ id: s.id, year: s.published.day.year, month: s.published.day.month! }));
  graph = assembleSite(content, { base: '/' }).graph;
  events = graph.eventsByDate.map((e) => ({ id: e.id, year: e.date.year, month: e.date.month, people: [...e.people] }));
  people = new Map(content.people.map((p) => [p.id, p.name]));
  storiesWithEvents = content.stories.filter((s) => s.events.length > 0).map((s) => s.id);
  out = join(scratch, 'dist');
  const result = buildSite({ contentDir: corpus, outDir: out });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The story pages a page's story list links to, in order. */
const listed = (html: string) =>
  attributeValues(html.slice(html.indexOf('<ul class="story-list">'), html.indexOf('</ul>', html.indexOf('<ul class="story-list">'))), 'href').map((href) => /\/stories\/([^/]+)\/$/.exec(href)![1]!);
/** The part of a page from `from` up to the next `to`. */
const section = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));
const yearLinks = (html: string) => attributeValues(html.slice(html.indexOf('<nav class="index-links"')), 'href').filter((href) => /\/archive\/\d{4}\/$/.test(href));

describe('the story archive', () => {
  it('shows only the latest stories on the home page, and links every year', () => {
    const home = read(out, 'index.html');
    const newest = [...stories].sort((a, b) => b.year - a.year);
    expect(listed(home)).toHaveLength(HOME_STORIES);
    // The first story listed is of the latest year.
    expect(stories.find((s) => s.id === listed(home)[0])!.year).toBe(newest[0]!.year);
    const years = [...new Set(stories.map((s) => s.year))].sort((a, b) => b - a);
    expect(years.length).toBeGreaterThan(1);
    expect(yearLinks(home)).toEqual(years.map((year) => `/archive/${year}/`));
    // And the archive's own front page, with every year and its count.
    expect(attributeValues(home, 'href')).toContain('/archive/');
  });

  it('has a front page, /archive/, linking every year with its count of stories and listing none', () => {
    const archive = read(out, 'archive/index.html');
    const years = [...new Set(stories.map((s) => s.year))].sort((a, b) => b - a);
    expect(yearLinks(archive)).toEqual(years.map((year) => `/archive/${year}/`));
    for (const year of years) expect(archive).toContain(`>${year}</a> <span class="count">(${formatCount(stories.filter((s) => s.year === year).length)})</span>`);
    expect(archive).toContain(`${formatCount(stories.length)} stories, by the year they were published.`);
    expect(listed(archive)).toEqual([]);
  });

  it('lists every story on the page of its year, or of its month in a year too big for one page, and nowhere else', () => {
    const seen = new Map<string, number>();
    let split = 0;
    for (const year of new Set(stories.map((s) => s.year))) {
      const html = read(out, `archive/${year}/index.html`);
      expect(html).toContain(`<h1>Stories from ${year}</h1>`);
      // The year's own link is marked as the current page.
      expect(html).toMatch(new RegExp(`href="/archive/${year}/" aria-current="page"`));
      const inYear = graph.storiesByDate.filter((s) => s.published.day.year === year);
      const count = inYear.length;
      if (count <= ARCHIVE_YEAR_ONE_PAGE) {
        expect(html).toContain(`content="${count === 1 ? 'The one story' : `All ${count} stories`} published in ${year}, newest first."`);
        for (const id of listed(html)) seen.set(id, year);
        continue;
      }
      split++;
      expect(html).toContain(`content="All ${formatCount(count)} stories published in ${year}, by month."`);
      expect(html).not.toContain('<ul class="story-list">');
      const nav = section(html, `<nav class="index-links" aria-labelledby="stories-by-month-heading"`, '</nav>');
      const months = [...new Set(inYear.map((s) => s.published.day.month!))].sort((a, b) => a - b);
      expect(attributeValues(nav, 'href')).toEqual(months.map((m) => `/${archiveMonthPath(year, m)}`));
      for (const month of months) {
        const inMonth = inYear.filter((s) => s.published.day.month === month);
        expect(nav).toContain(`>${monthName(month)}</a> <span class="count">(${inMonth.length})</span>`);
        const page = read(out, `${archiveMonthPath(year, month)}index.html`);
        expect(page).toContain(`<h1>Stories from ${monthName(month)} <a href="/archive/${year}/">${year}</a></h1>`);
        expect(page).toContain(`href="/${archiveMonthPath(year, month)}" aria-current="page"`);
        // Newest first, as the year would list them.
        expect(listed(page)).toEqual(inMonth.map((s) => s.id));
        for (const id of listed(page)) seen.set(id, year);
      }
    }
    expect(split).toBe(1);
    expect(seen.size).toBe(stories.length);
    for (const { id, year } of stories) expect(seen.get(id), id).toBe(year);
  });

  it('puts the archive, its year and month pages in the sitemap, dated by their latest story', () => {
    const sitemap = read(out, 'sitemap-0.xml');
    expect(sitemap).toMatch(new RegExp(`<loc>[^<]*/archive/</loc><lastmod>${Math.max(...stories.map((s) => s.year))}-`));
    for (const year of new Set(stories.map((s) => s.year))) expect(sitemap).toMatch(new RegExp(`<loc>[^<]*/archive/${year}/</loc><lastmod>${year}-`));
    for (const month of new Set(stories.filter((s) => s.year === DAILY_YEAR).map((s) => s.month))) {
      expect(sitemap).toMatch(new RegExp(`<loc>[^<]*/${archiveMonthPath(DAILY_YEAR, month)}</loc><lastmod>${DAILY_YEAR}-${String(month).padStart(2, '0')}-`));
    }
  });
});

/** The event pages a page's event lists link to, in order. */
const eventsListed = (html: string) => attributeValues(html, 'href').flatMap((href) => /\/events\/([^/]+)\/$/.exec(href)?.[1] ?? []);
const years = () => [...new Set(events.map((e) => e.year))].sort((a, b) => a - b);
/** How many of the events each person is in. */
function eventCounts(list: readonly { people: string[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of list) for (const p of e.people) counts.set(p, (counts.get(p) ?? 0) + 1);
  return counts;
}

describe('the timeline, split by year', () => {
  it('is past the one-page limit with this corpus', () => {
    const entries = events.length + new Set(events.flatMap((e) => e.people)).size + storiesWithEvents.length;
    expect(entries).toBeGreaterThan(TIMELINE_ONE_PAGE);
  });

  it('links every year with its count from /timeline/, and the people with the most events, but no event itself', () => {
    const html = read(out, 'timeline/index.html');
    expect(html).not.toContain('class="event-list"');
    expect(eventsListed(html)).toEqual([]);
    const links = attributeValues(html.slice(html.indexOf('<nav class="index-links"')), 'href').filter((href) => /\/timeline\/\d+\/$/.test(href));
    expect(links).toEqual(years().map((year) => `/timeline/${year}/`));
    for (const year of years()) expect(html).toContain(`>${year}</a> <span class="count">(${events.filter((e) => e.year === year).length})</span>`);
    // The people with the most events, by their pre-built timeline, and where to find everyone else;
    // no story list, which would grow with the archive.
    const counts = eventCounts(events);
    expect(counts.size).toBeGreaterThan(FILTER_PEOPLE);
    const listed = attributeValues(html, 'href').flatMap((href) => /\/timeline\/people\/([^/]+)\/$/.exec(href)?.[1] ?? []);
    expect(listed).toHaveLength(FILTER_PEOPLE);
    const fewestListed = Math.min(...listed.map((id) => counts.get(id)!));
    for (const [id, count] of counts) if (!listed.includes(id)) expect(count, id).toBeLessThanOrEqual(fewestListed);
    expect(html).toContain(`The ${FILTER_PEOPLE} of ${counts.size} people with the most events. Everyone’s page, in <a href="/people/">People</a>, links to their timeline.`);
    expect(html).not.toContain('/timeline/stories/');
    expect(html).not.toContain('data-timeline-status');
  });

  it('puts every event on the page of its year, or of its month in a year too big for one page, and no other, with their people to filter by', () => {
    const seen = new Map<string, number>();
    const see = (html: string, year: number) => {
      for (const id of eventsListed(html)) {
        expect(seen.has(id), id).toBe(false);
        seen.set(id, year);
      }
    };
    const allCounts = eventCounts(events);
    /**
     * The page offers these people's filters, each with their count, in place, for `period`. Without
     * JavaScript each opens the same year or month of the person's timeline: its heading on their one
     * page, or on their year's page when their timeline is a page per year.
     */
    const filtersInPlace = (html: string, list: readonly { people: string[] }[], period: string, year: number, month?: number) => {
      const counts = eventCounts(list);
      // Few enough people each year and month here for all of them to be offered.
      expect(counts.size).toBeLessThanOrEqual(FILTER_PEOPLE);
      const heading = month === undefined ? `#y${year}` : `#y${year}-m${String(month).padStart(2, '0')}`;
      for (const [id, count] of counts) {
        const timeline = allCounts.get(id)! > TIMELINE_ONE_PAGE ? `/timeline/people/${id}/${year}/` : `/timeline/people/${id}/`;
        expect(html, `${period} ${id}`).toContain(
          `<a href="${timeline}${heading}" data-person="${id}" data-whole-timeline="/timeline/people/${id}/">${people.get(id)}</a> <span class="count">(${count})</span>`,
        );
        // The heading it opens at is there, over those events.
        expect(read(out, `${timeline.slice(1)}index.html`), `${period} ${id}`).toContain(`id="${heading.slice(1)}"`);
      }
      expect(html.match(/data-person="/g)?.length ?? 0).toBe(counts.size);
      // Filtering in place by person only: the events carry no story ids.
      expect(html).toContain(`data-timeline-status data-period="${period}"`);
      expect(html).not.toContain('data-stories=');
    };
    let split = 0;
    for (const year of years()) {
      const html = read(out, `timeline/${year}/index.html`);
      expect(html).toContain(`<h1>Timeline: ${year}</h1>`);
      expect(html).toMatch(new RegExp(`href="/timeline/${year}/" aria-current="page"`));
      const inYear = events.filter((e) => e.year === year);
      if (inYear.length + Math.min(eventCounts(inYear).size, FILTER_PEOPLE) <= TIMELINE_ONE_PAGE) {
        see(html, year);
        filtersInPlace(html, inYear, String(year), year);
        continue;
      }
      split++;
      expect(html).toContain(`content="All ${formatCount(inYear.length)} events of ${year} in the stories, a page per month."`);
      // Its filters open each person's timeline: there are no events here to filter in place.
      expect(html).not.toContain('data-timeline-status');
      // Only the events dated by the year alone stay on the year's page.
      expect(eventsListed(html)).toEqual(inYear.filter((e) => e.month === undefined).map((e) => e.id));
      see(html, year);
      const months = [...new Set(inYear.flatMap((e) => e.month ?? []))].sort((a, b) => a - b);
      const nav = section(html, '<nav class="index-links" aria-labelledby="events-by-month-heading"', '</nav>');
      expect(attributeValues(nav, 'href')).toEqual(months.map((m) => `/${timelineMonthPath(year, m)}`));
      for (const month of months) {
        const inMonth = inYear.filter((e) => e.month === month);
        expect(nav).toContain(`>${monthName(month)}</a> <span class="count">(${inMonth.length})</span>`);
        const page = read(out, `${timelineMonthPath(year, month)}index.html`);
        expect(page).toContain(`<h1>Timeline: ${monthName(month)} <a href="/timeline/${year}/">${year}</a></h1>`);
        expect(page).toContain(`href="/${timelineMonthPath(year, month)}" aria-current="page"`);
        expect(eventsListed(page)).toEqual(inMonth.map((e) => e.id));
        filtersInPlace(page, inMonth, `${monthName(month)} ${year}`, year, month);
        see(page, year);
      }
    }
    expect(split).toBe(1);
    expect(seen.size).toBe(events.length);
    for (const { id, year } of events) expect(seen.get(id), id).toBe(year);
  });

  it('links each person with events to their own timeline, which exists', () => {
    for (const id of people.keys()) {
      const linked = read(out, `people/${id}/index.html`).includes(`<a href="/timeline/people/${id}/">`);
      expect(linked, id).toBe(eventCounts(events).has(id));
      if (linked) expect(read(out, `timeline/people/${id}/index.html`)).toContain(`<h1>Timeline: `);
    }
  });

  it('links each story with events to its own timeline, which exists', () => {
    expect(storiesWithEvents.length).toBeGreaterThan(0);
    for (const id of storiesWithEvents) {
      expect(read(out, `stories/${id}/index.html`), id).toContain(`<a href="/timeline/stories/${id}/">`);
      expect(read(out, `timeline/stories/${id}/index.html`)).toContain('<h1>Timeline: ');
    }
  });

  it('puts the year and month pages in the sitemap', () => {
    const sitemap = read(out, 'sitemap-0.xml');
    for (const year of years()) expect(sitemap).toContain(`/timeline/${year}/</loc>`);
    for (const month of new Set(events.flatMap((e) => (e.year === DAILY_YEAR && e.month ? [e.month] : [])))) expect(sitemap).toContain(`/${timelineMonthPath(DAILY_YEAR, month)}</loc>`);
  });
});

describe('a person in many stories', () => {
  /** The story pages a part of a page links to, in order. */
  const storiesIn = (html: string) => attributeValues(html, 'href').flatMap((href) => /^\/stories\/([^/#]+)\/$/.exec(href)?.[1] ?? []);

  it('quotes the latest stories and lists every older one by title, each story once, newest first', () => {
    const busy = graph.peopleBySurname.filter((p) => graph.personStories(p.id).length > QUOTED_STORIES);
    expect(busy.length).toBeGreaterThan(0);
    for (const person of busy) {
      const html = read(out, `people/${person.id}/index.html`);
      const expected = graph.personStories(person.id).map((c) => c.story.id);
      const stories = section(html, 'id="stories-heading"', '</section>');
      const quoted = section(stories, '<ul class="citations">', '<h3 class="older-heading">');
      expect(storiesIn(quoted), person.id).toEqual(expected.slice(0, QUOTED_STORIES));
      expect(quoted.match(/<blockquote>/g)?.length ?? 0).toBeGreaterThanOrEqual(QUOTED_STORIES);
      const older = section(stories, '<h3 class="older-heading">', '</ul>');
      const rest = expected.length - QUOTED_STORIES;
      const shown = Math.min(expected.length, RECORD_PAGE_STORIES) - QUOTED_STORIES;
      expect(older).toContain(shown < rest ? `The next ${shown} of ${rest} earlier stories` : rest === 1 ? 'One earlier story' : `${rest} earlier stories`);
      expect(older).not.toContain('<blockquote>');
      expect(storiesIn(older), person.id).toEqual(expected.slice(QUOTED_STORIES, RECORD_PAGE_STORIES));
    }
  });

  it.each([
    { kind: 'person', id: 'person-00000', verb: 'mention' },
    { kind: 'event', id: 'event-00000', verb: 'cover' },
  ] as const)('a $kind in more stories than its page lists has a page per year with every story, linked from its page', ({ kind, id, verb }) => {
    const folder = kind === 'person' ? 'people' : 'events';
    const all = (kind === 'person' ? graph.personStories(id as PersonId) : graph.eventStories(id as never)).map((c) => c.story);
    expect(all.length).toBeGreaterThan(RECORD_PAGE_STORIES);
    const name = kind === 'person' ? graph.people.get(id as PersonId)!.name : graph.events.get(id as never)!.title;
    const byYear = new Map<number, string[]>();
    for (const story of all) byYear.set(story.published.day.year, [...(byYear.get(story.published.day.year) ?? []), story.id]);

    const page = read(out, `${folder}/${id}/index.html`);
    const nav = section(page, '<nav class="index-links"', '</nav>');
    expect(nav).toContain(`All ${all.length} stories, by year`);
    expect(attributeValues(nav, 'href')).toEqual([...byYear.keys()].map((year) => `/${folder}/${id}/stories/${year}/`));
    for (const [year, ids] of byYear) expect(nav).toContain(`>${year}</a> <span class="count">(${ids.length})</span>`);

    const seen: string[] = [];
    for (const [year, ids] of byYear) {
      const html = read(out, `${folder}/${id}/stories/${year}/index.html`);
      expect(html).toContain(`<h1>Stories from ${year} that ${verb} <a href="/${folder}/${id}/">${name}</a></h1>`);
      expect(html).toMatch(new RegExp(`href="/${folder}/${id}/stories/${year}/" aria-current="page"`));
      expect(listed(html), `${year}`).toEqual(ids);
      seen.push(...listed(html));
    }
    // Every story once, newest first across the years.
    expect(seen).toEqual(all.map((s) => s.id));
    const sitemap = read(out, 'sitemap-0.xml');
    for (const year of byYear.keys()) expect(sitemap).toMatch(new RegExp(`<loc>[^<]*/${folder}/${id}/stories/${year}/</loc><lastmod>${year}-`));
  });

  it('gives no year pages to a record its own page lists in full', () => {
    for (const person of graph.peopleBySurname) {
      const many = graph.personStories(person.id).length > RECORD_PAGE_STORIES;
      expect(existsSync(join(out, 'people', person.id, 'stories')), person.id).toBe(many);
      if (!many) expect(read(out, `people/${person.id}/index.html`)).not.toContain('stories, by year');
    }
  });

  it('shows the latest events on the page of a person in many, and links all of them', () => {
    const hub = graph.people.get('person-00000' as PersonId)!;
    const events = graph.personEvents(hub.id);
    expect(events.length).toBeGreaterThan(PERSON_PAGE_EVENTS);
    const html = read(out, `people/${hub.id}/index.html`);
    const timeline = section(html, '<ol class="mini-timeline">', '</ol>');
    expect(eventsListed(timeline)).toEqual(events.slice(-PERSON_PAGE_EVENTS).map((e) => e.id));
    expect(html).toContain(`The latest ${PERSON_PAGE_EVENTS} of ${events.length} events. <a href="/timeline/people/${hub.id}/">All of ${hub.name}’s events on the timeline</a>`);
  });

  it('splits the timeline of a person in more events than one page holds by year, every event on the page of its year', () => {
    const hub = graph.people.get('person-00000' as PersonId)!;
    const events = graph.personEvents(hub.id);
    expect(events.length).toBeGreaterThan(TIMELINE_ONE_PAGE);
    const byYear = new Map<number, string[]>();
    for (const e of events) byYear.set(e.date.year, [...(byYear.get(e.date.year) ?? []), e.id]);
    const index = read(out, `timeline/people/${hub.id}/index.html`);
    expect(eventsListed(index)).toEqual([]);
    expect(index).toContain(`<p>${events.length} events from ${[...byYear.keys()][0]} to ${[...byYear.keys()].at(-1)}. Choose a year, or go back to <a href="/timeline/">the whole timeline</a>.</p>`);
    expect(index).not.toContain('Showing every event with');
    const links = attributeValues(section(index, '<nav class="index-links"', '</nav>'), 'href');
    expect(links).toEqual([...byYear.keys()].map((year) => `/timeline/people/${hub.id}/${year}/`));
    for (const [year, ids] of byYear) expect(index).toContain(`>${year}</a> <span class="count">(${ids.length})</span>`);
    const seen: string[] = [];
    for (const [year, ids] of byYear) {
      const html = read(out, `timeline/people/${hub.id}/${year}/index.html`);
      expect(html).toContain(`<h1>Timeline: <a href="/people/${hub.id}/">${hub.name}</a>, ${year}</h1>`);
      expect(html).toContain(`Showing every event with ${hub.name} in ${year}.`);
      expect(html).toMatch(new RegExp(`href="/timeline/people/${hub.id}/${year}/" aria-current="page"`));
      const listed = eventsListed(section(html, '<section class="timeline-year"', '</main>'));
      expect(listed, `${year}`).toEqual(ids);
      seen.push(...listed);
    }
    expect(seen).toEqual(events.map((e) => e.id));
    // Everyone else's timeline is one page.
    for (const person of graph.peopleBySurname) {
      if (person.id === hub.id || graph.personEvents(person.id).length === 0) continue;
      expect(existsSync(join(out, 'timeline', 'people', person.id, String([...byYear.keys()][0]))), person.id).toBe(false);
    }
  });

  it('quotes the latest event descriptions that mention a person named in many, and counts the rest', () => {
    const hub = graph.people.get('person-00000' as PersonId)!;
    const sources = new Set(graph.citationsOf({ kind: 'person', id: hub.id }).filter((c) => c.source.kind === 'event').map((c) => c.source.id));
    expect(sources.size).toBeGreaterThan(ALSO_MENTIONED_IN);
    const html = section(read(out, `people/${hub.id}/index.html`), 'id="links-here-heading"', '</section>');
    const quoted = section(html, '<ul class="citations">', '<p class="quiet">');
    const latest = graph.eventsByDate.filter((e) => sources.has(e.id)).reverse().slice(0, ALSO_MENTIONED_IN);
    expect(eventsListed(quoted)).toEqual(latest.map((e) => e.id));
    expect(html).toContain(`And in ${sources.size - ALSO_MENTIONED_IN} more biographies and event descriptions. Every event among them is on <a href="/timeline/people/${hub.id}/">${hub.name}’s timeline</a>.`);
  });

  it('lists the people they share the most with, and says how many there are in all', () => {
    const connected = graph.peopleBySurname.filter((p) => graph.personConnections(p.id as PersonId).length > PERSON_CONNECTIONS);
    expect(connected.length).toBeGreaterThan(0);
    for (const person of connected) {
      const html = read(out, `people/${person.id}/index.html`);
      const all = graph.personConnections(person.id);
      const list = section(html, '<ul class="connections">', '</ul>');
      expect(attributeValues(list, 'href'), person.id).toEqual(all.slice(0, PERSON_CONNECTIONS).map((c) => `/people/${c.person.id}/`));
      expect(html).toContain(`The ${PERSON_CONNECTIONS} of ${all.length} people ${person.name} shares the most events and stories with.`);
    }
  });
});

describe('the people index, split by letter', () => {
  const names = (html: string) => [...section(html, '<ul class="person-list">', '</ul>').matchAll(/<li><a href="\/people\/([^/]+)\/">/g)].map((m) => m[1]!);

  it('links every letter with its count from /people/, and the people in the most stories', () => {
    const html = read(out, 'people/index.html');
    const letters = new Map<string, { label: string; ids: string[] }>();
    for (const person of graph.peopleBySurname) {
      const { slug, label } = letterOf(filingName(person));
      letters.set(slug, { label, ids: [...(letters.get(slug)?.ids ?? []), person.id] });
    }
    // This corpus has names under every letter, and names under none (digits, other scripts).
    expect(letters.size).toBe(27);
    const nav = section(html, '<nav class="index-links"', '</nav>');
    const order = [...'abcdefghijklmnopqrstuvwxyz', 'other'];
    expect(attributeValues(nav, 'href')).toEqual(order.map((slug) => `/people/a-z/${slug}/`));
    for (const [, { label, ids }] of letters) expect(nav).toContain(`>${label}</a> <span class="count">(${ids.length})</span>`);
    expect(html).toContain(`The who’s who has ${graph.peopleBySurname.length} people.`);
    // The people in the most stories, most first; the hub person is in nine stories in ten.
    const shown = names(html);
    expect(shown).toHaveLength(MOST_COVERED);
    expect(shown[0]).toBe('person-00000');
    const counts = shown.map((id) => graph.personStories(id as PersonId).length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const fewest = counts.at(-1)!;
    expect(graph.peopleBySurname.filter((p) => !shown.includes(p.id) && graph.personStories(p.id).length > fewest)).toEqual([]);
    expect(html).toContain(`<span class="count">(${graph.personStories('person-00000' as PersonId).length} stories)</span>`);
  });

  it('lists every person on the page of their letter, by name, and nowhere else', () => {
    const seen = new Map<string, string>();
    for (const slug of new Set(graph.peopleBySurname.map((p) => letterOf(filingName(p)).slug))) {
      const html = read(out, `people/a-z/${slug}/index.html`);
      const ids = names(html);
      for (const id of ids) {
        expect(seen.get(id), id).toBeUndefined();
        seen.set(id, slug);
      }
      expect(ids).toEqual(graph.peopleBySurname.filter((p) => letterOf(filingName(p)).slug === slug).map((p) => p.id));
      // The letter's own link is marked as the current page.
      expect(html).toContain(`<a href="/people/a-z/${slug}/" aria-current="page">`);
    }
    expect(seen.size).toBe(graph.peopleBySurname.length);
  });

  it('puts the letter pages in the sitemap', () => {
    const sitemap = read(out, 'sitemap-0.xml');
    for (const slug of new Set(graph.peopleBySurname.map((p) => letterOf(filingName(p)).slug))) expect(sitemap).toContain(`/people/a-z/${slug}/</loc>`);
  });
});

describe('the pages that split what would not fit on one', () => {
  it('pass html-validate with the project’s rules', async () => {
    const config = JSON.parse(readFileSync(join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(config);
    const year = graph.personStories('person-00000' as PersonId)[0]!.story.published.day.year;
    const eventYear = graph.personEvents('person-00000' as PersonId)[0]!.date.year;
    const files = [
      'people/person-00000/index.html',
      'events/event-00000/index.html',
      `people/person-00000/stories/${year}/index.html`,
      `events/event-00000/stories/${year}/index.html`,
      'timeline/people/person-00000/index.html',
      `timeline/people/person-00000/${eventYear}/index.html`,
      'people/index.html',
      `people/a-z/${letterOf(filingName(graph.peopleBySurname[0]!)).slug}/index.html`,
      `archive/${DAILY_YEAR}/index.html`,
      `${archiveMonthPath(DAILY_YEAR, 3)}index.html`,
      `timeline/${DAILY_YEAR}/index.html`,
      `${timelineMonthPath(DAILY_YEAR, 3)}index.html`,
    ];
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(join(out, file));
      for (const m of report.results.flatMap((r) => r.messages)) if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
