/**
 * The main timeline's pages: a page per year, each year's people with their
 * counts, and `/timeline/` holding every event only while it is small.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FILTER_PEOPLE, ONGOING_SHOWN, personTimelineYearPath, personTimelineYears, planTimeline, timelineMonthPath, timelineYearPath, TIMELINE_ONE_PAGE } from '../../src/lib/timeline-pages.ts';
import { assembleSite } from '../../src/lib/site.ts';
import { entryCoverage, entryCoverageOf } from '../../src/lib/timeline.ts';
import { loadContent } from '../../src/lib/load.ts';
import { partialDate } from '../../src/lib/dates.ts';
import type { EventRecord, PersonRecord, StoryRecord } from '../../src/lib/records.ts';
import type { EventId, PersonId, StoryId } from '../../src/lib/ids.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const event = (id: string, date: string) => ({ id: id as EventId, title: id, date: partialDate(date) }) as EventRecord;
const person = (id: string, name: string) => ({ id: id as PersonId, name }) as PersonRecord;
const story = (id: string, title: string, day = '2017-06-07') => ({ kind: 'story', id: id as StoryId, title, published: { iso: day, day: partialDate(day) } }) as StoryRecord;

// Events in date order, as the graph keeps them; a year-only event comes first in its year.
const early = event('early', '2016');
const met = event('met', '2016-07-20');
const fired = event('fired', '2017-05-09');
const alone = event('alone', '2017-06-01');
const ana = person('ana', 'Ana Lima');
const zoe = person('zoe', 'Zoe Park');
const quiet = person('quiet', 'Quiet Person');
const rift = story('rift', 'The rift');
const still = story('still', 'Nothing happened');

const graph = {
  eventsByDate: [early, met, fired, alone],
  peopleBySurname: [ana, quiet, zoe],
  storiesByDate: [rift, still],
  personEvents: (id: PersonId) => ({ ana: [met, fired], zoe: [early, met] })[id as string] ?? [],
  storyEvents: (id: StoryId) => ({ rift: [met, fired] })[id as string] ?? [],
  eventStories: (id: EventId) => (({ met: [rift], fired: [rift] }) as Record<string, StoryRecord[]>)[id]?.map((s) => ({ story: s, mentions: [] })) ?? [],
};

describe('entryCoverage: the story a timeline entry links', () => {
  // Newest first, as the graph keeps each event's stories.
  const covered = (stories: StoryRecord[], date = '2017-05-09') => {
    const fired = event('fired', date);
    return entryCoverage({ eventsByDate: [fired], eventStories: () => stories.map((s) => ({ story: s, mentions: [] })) }).get(fired.id);
  };
  const preview = story('preview', 'Vote expected', '2017-05-01');
  const report = story('report', 'Director fired', '2017-05-09');
  const later = story('later', 'A year on', '2018-05-09');

  it.each([
    ['the first story on or after the event, not the latest', [later, report, preview], 'report', 2],
    ['a story of the same day', [report], 'report', 0],
    ['the latest when only previews cover it', [preview], 'preview', 0],
    ['a story in the event’s month, for an event dated by the month', [later, report], 'report', 1, '2017-05'],
  ])('%s', (_name, stories, id, more, date = '2017-05-09') => {
    expect(covered(stories as StoryRecord[], date as string)).toEqual({ story: expect.objectContaining({ id }), more });
  });

  it('holds only what the entry shows, so an edited body leaves the timeline’s pages as they were', () => {
    const french = { ...report, lang: 'fr', body: 'long text', summary: 'S' } as StoryRecord;
    expect(covered([french])!.story).toEqual({ kind: 'story', id: 'report', title: 'Director fired', lang: 'fr' });
  });

  it('is none for an event no story covers', () => {
    expect(covered([])).toBeUndefined();
  });

  it('is picked for a page’s events by entryCoverageOf', () => {
    const all = planTimeline(graph).coverage;
    expect([...entryCoverageOf(all, [early, met])].map(([id, c]) => [id, c.story.id])).toEqual([['met', 'rift']]);
  });
});

describe('planTimeline', () => {
  it('makes a year for each year with events, oldest first, with that year’s events in order', () => {
    const { years } = planTimeline(graph);
    expect(years.map((y) => [y.year, y.events.map((e) => e.id)])).toEqual([
      [2016, ['early', 'met']],
      [2017, ['fired', 'alone']],
    ]);
  });

  it('names on each year the events begun earlier and still under way, the latest begun first', () => {
    const war = { ...event('war', '2010'), end: partialDate('2017-03') };
    const works = { ...event('works', '2016-03'), end: partialDate('2017') };
    const brief = { ...event('brief', '2016-05'), end: partialDate('2016-09') };
    const spanning = { ...graph, eventsByDate: [war, early, works, brief, met, fired, alone] };
    const { years } = planTimeline(spanning);
    expect(years.map((y) => [y.year, y.ongoing.map((e) => e.id), y.ongoingInAll])).toEqual([
      [2010, [], 0],
      [2016, ['war'], 1],
      [2017, ['works', 'war'], 2],
    ]);
    // A war of decades is named on each year's page, but only so many events are.
    const many = Array.from({ length: ONGOING_SHOWN + 5 }, (_, i) => ({ ...event(`long-${i}`, '2015'), end: partialDate('2017') }));
    const crowded = planTimeline({ ...graph, eventsByDate: [...many, early, met, fired, alone] }).years.find((y) => y.year === 2017)!;
    expect([crowded.ongoing.length, crowded.ongoingInAll]).toEqual([ONGOING_SHOWN, ONGOING_SHOWN + 5]);
  });

  it('names an event still going on on each year’s page from the year after it began to the build’s year', () => {
    const inquiry = { ...event('inquiry', '2015-06'), ongoing: true as const };
    const strike = { ...event('strike', '2017-02'), ongoing: true as const };
    const ongoing = { ...graph, eventsByDate: [inquiry, early, met, fired, strike, alone] };
    const inYears = (thisYear: number) => planTimeline(ongoing, { thisYear }).years.map((y) => [y.year, y.ongoing.map((e) => e.id)]);
    expect(inYears(2017)).toEqual([
      [2015, []],
      [2016, ['inquiry']],
      [2017, ['inquiry']],
    ]);
    // Only the years that have a page name it: 2018 has no events of its own.
    expect(inYears(2018)).toEqual(inYears(2017));
  });

  it('names the events still going on for the top of /timeline/, begun this year too, the latest begun first', () => {
    const inquiry = { ...event('inquiry', '2015-06'), ongoing: true as const };
    const strike = { ...event('strike', '2017-02'), ongoing: true as const };
    const ended = { ...event('ended', '2015-01'), end: partialDate('2016') };
    const plan = planTimeline({ ...graph, eventsByDate: [ended, inquiry, early, met, fired, strike, alone] }, { thisYear: 2017 });
    expect([plan.ongoing.map((e) => e.id), plan.ongoingInAll]).toEqual([['strike', 'inquiry'], 2]);
    const many = Array.from({ length: ONGOING_SHOWN + 3 }, (_, i) => ({ ...event(`long-${i}`, '2015'), ongoing: true as const }));
    const crowded = planTimeline({ ...graph, eventsByDate: [...many, early] }, { thisYear: 2017 });
    expect([crowded.ongoing.length, crowded.ongoingInAll]).toEqual([ONGOING_SHOWN, ONGOING_SHOWN + 3]);
    expect(planTimeline(graph).ongoing).toEqual([]);
  });

  it('gives each year the people in its events, in name order, counted within the year', () => {
    const { years } = planTimeline(graph);
    expect(years[0]!.people).toEqual([
      { id: 'ana', label: 'Ana Lima', count: 1, path: 'timeline/people/ana/#y2016' },
      { id: 'zoe', label: 'Zoe Park', count: 2, path: 'timeline/people/zoe/#y2016' },
    ]);
    // Zoe has no event in 2017, and nobody is in "alone".
    expect(years[1]!.people).toEqual([{ id: 'ana', label: 'Ana Lima', count: 1, path: 'timeline/people/ana/#y2017' }]);
  });

  it('lists everyone and every story with events, counted over all years, and leaves out those without', () => {
    const plan = planTimeline(graph);
    expect(plan.people).toEqual([
      { id: 'ana', label: 'Ana Lima', count: 2 },
      { id: 'zoe', label: 'Zoe Park', count: 2 },
    ]);
    expect(plan.stories).toEqual([{ id: 'rift', label: 'The rift', count: 2 }]);
    expect(plan.filterIds.get(met.id)).toEqual({ people: 'ana zoe', stories: 'rift' });
  });

  it('keeps every event on one page up to the limit of entries (events and filter links), and splits past it', () => {
    // 4 events, 2 people, 1 story: 7 entries.
    expect(planTimeline(graph, { limit: 7 }).onePage).toBe(true);
    expect(planTimeline(graph, { limit: 6 }).onePage).toBe(false);
    expect(planTimeline(graph).onePage).toBe(true);
    expect(TIMELINE_ONE_PAGE).toBeGreaterThan(100);
  });

  it('offers the people with the most events in a filter list, in name order, and says how many there are in all', () => {
    // Ana: 2 events, Zoe: 2, in all; in 2016 Ana 1, Zoe 2.
    const plan = planTimeline(graph, { filterPeople: 1 });
    expect(plan.people).toEqual([{ id: 'ana', label: 'Ana Lima', count: 2 }]); // a tie goes by name
    expect(plan.peopleInAll).toBe(2);
    expect(plan.years[0]!.people).toEqual([{ id: 'zoe', label: 'Zoe Park', count: 2, path: 'timeline/people/zoe/#y2016' }]);
    expect(plan.years[0]!.peopleInAll).toBe(2);
    expect(plan.years[1]!).toMatchObject({ people: [{ id: 'ana', count: 1 }], peopleInAll: 1 });
    expect(FILTER_PEOPLE).toBeGreaterThan(10);
  });

  it('has no years and fits on one page without events', () => {
    const plan = planTimeline({ ...graph, eventsByDate: [], personEvents: () => [], storyEvents: () => [] });
    expect(plan).toMatchObject({ years: [], people: [], peopleInAll: 0, stories: [], onePage: true });
  });

  it('splits a year by month past the limit of entries (its events and filter links), keeping events dated by the year alone on the year', () => {
    // 2016: 2 events and 2 people, 4 entries; 2017: 2 events and 1 person, 3 entries.
    const fits = planTimeline(graph, { limit: 4 });
    expect(fits.years.map((y) => [y.year, y.months, y.sometime])).toEqual([
      [2016, [], []],
      [2017, [], []],
    ]);
    const split = planTimeline(graph, { limit: 3 });
    const [y2016, y2017] = split.years;
    // Every event stays in the year's list; "early" (2016) is dated by the year alone.
    expect(y2016!.events.map((e) => e.id)).toEqual(['early', 'met']);
    expect(y2016!.sometime.map((e) => e.id)).toEqual(['early']);
    expect(y2016!.months).toEqual([
      {
        year: 2016,
        month: 7,
        events: [met],
        people: [
          { id: 'ana', label: 'Ana Lima', count: 1, path: 'timeline/people/ana/#y2016-m07' },
          { id: 'zoe', label: 'Zoe Park', count: 1, path: 'timeline/people/zoe/#y2016-m07' },
        ],
        peopleInAll: 2,
      },
    ]);
    expect(y2017!.months).toEqual([]);
    // Past the limit for 2017 too: May and June, each with its own people.
    const both = planTimeline(graph, { limit: 2 }).years[1]!;
    expect(both.months.map((m) => [m.month, m.events.map((e) => e.id), m.people.map((p) => p.id), m.peopleInAll])).toEqual([
      [5, ['fired'], ['ana'], 1],
      [6, ['alone'], [], 0],
    ]);
    expect(both.sometime).toEqual([]);
  });

  it('links a person on a year’s or month’s page to that part of their timeline: a heading of their one page, or their year page when it is split', () => {
    const many = Array.from({ length: TIMELINE_ONE_PAGE + 1 }, (_, i) => event(`e${i}`, `20${String(10 + (i % 5))}-0${1 + (i % 9)}-01`));
    const busy = { ...graph, personEvents: (id: PersonId) => (id === 'ana' ? [met, fired, ...many] : graph.personEvents(id)) };
    expect(personTimelineYears(many).length).toBeGreaterThan(0);
    const [y2016] = planTimeline(busy).years;
    expect(y2016!.people.map((p) => p.path)).toEqual([`${personTimelineYearPath('ana', 2016)}#y2016`, 'timeline/people/zoe/#y2016']);
    const month = planTimeline(busy, { limit: 3 }).years[0]!.months[0]!;
    expect(month.people.map((p) => p.path)).toEqual([`${personTimelineYearPath('ana', 2016)}#y2016-m07`, 'timeline/people/zoe/#y2016-m07']);
    // The whole timeline's list links each person's whole timeline.
    expect(planTimeline(busy).people.map((p) => p.path)).toEqual([undefined, undefined]);
  });

  it('offers the people with the most events of a month in its filter list', () => {
    // 2016 with one person offered: 3 entries.
    const month = planTimeline(graph, { limit: 2, filterPeople: 1 }).years[0]!.months[0]!;
    expect(month).toMatchObject({ people: [{ id: 'ana', count: 1 }], peopleInAll: 2 });
  });

  it('puts a year’s page under timeline/, and a month’s under its year', () => {
    expect(timelineYearPath(2017)).toBe('timeline/2017/');
    expect(timelineYearPath(476)).toBe('timeline/476/');
    expect(timelineMonthPath(2017, 3)).toBe('timeline/2017/03/');
    expect(timelineMonthPath(2017, 12)).toBe('timeline/2017/12/');
  });

  it('places every seed event in its own year, and each year’s people add up to their events', () => {
    const { content, issues } = loadContent(join(ROOT, 'content'), ROOT);
    expect(issues).toEqual([]);
    const { graph: seed } = assembleSite(content, { base: '/' });
    const plan = planTimeline(seed);
    expect(plan.years.flatMap((y) => y.events)).toEqual(seed.eventsByDate);
    for (const y of plan.years) for (const e of y.events) expect(e.date.year).toBe(y.year);
    for (const p of plan.people) {
      const perYear = plan.years.reduce((sum, y) => sum + (y.people.find((q) => q.id === p.id)?.count ?? 0), 0);
      expect(perYear, p.id).toBe(seed.personEvents(p.id as PersonId).length);
    }
    expect(plan.onePage).toBe(true);
  });
});

describe('personTimelineYears', () => {
  const events = [early, met, fired, alone];

  it.each([
    { limit: 4, years: [] },
    { limit: 10, years: [] },
    { limit: 3, years: [[2016, ['early', 'met']], [2017, ['fired', 'alone']]] },
    { limit: 0, years: [[2016, ['early', 'met']], [2017, ['fired', 'alone']]] },
  ])('4 events, at most $limit on one page: $years.length year pages', ({ limit, years }) => {
    expect(personTimelineYears(events, limit).map((y) => [y.year, y.events.map((e) => e.id)])).toEqual(years);
  });

  it('keeps a person’s timeline on one page up to TIMELINE_ONE_PAGE events', () => {
    const many = Array.from({ length: TIMELINE_ONE_PAGE + 1 }, (_, i) => event(`e${i}`, `${2000 + Math.floor(i / 100)}`));
    expect(personTimelineYears(many.slice(0, TIMELINE_ONE_PAGE))).toEqual([]);
    const years = personTimelineYears(many);
    expect(years.map((y) => y.year)).toEqual([2000, 2001, 2002, 2003, 2004]);
    expect(years.flatMap((y) => y.events)).toEqual(many);
  });

  it('gives each year its path below the base', () => {
    expect(personTimelineYearPath('ana-lima', 2016)).toBe('timeline/people/ana-lima/2016/');
  });
});
