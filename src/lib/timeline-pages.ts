/**
 * How the main timeline is split into pages. A newsroom with years of stories
 * has thousands of events: one page with all of them was 6.9 MB of HTML
 * (597 KB gzipped) at 20,000 events. So every year with events gets its own
 * page, `/timeline/<year>/`, and `/timeline/` shows every event only while
 * the whole timeline is small; past that it links to each year instead. A
 * year too big for one page (229 KB of HTML for 800 events at 10,000
 * stories) links to a page per month in turn, `/timeline/<year>/<month>/`.
 *
 * The filters follow the same bound. A year's page filters by the people with
 * the most events that year, `/timeline/` by those with the most in all; every
 * person's timeline is linked from their own page too. The list of every
 * story with events, which grows with the archive, is offered only on a
 * one-page timeline; each story's own timeline is linked from the story.
 */
import type { EventRecord } from './records.ts';
import type { EventId, PersonId } from './ids.ts';
import type { Graph } from './graph.ts';
import { entryCoverage, eventFilterIds, eventsByYear, type EntryCoverage, type EventFilterIds, type EventYear } from './timeline.ts';
import { groupBy } from './group.ts';
import { lastYearOf } from './event-when.ts';

/**
 * How many entries (events plus filter links) `/timeline/` may list before it
 * links to the year pages instead: about 120 KB of HTML, 12 KB gzipped.
 */
export const TIMELINE_ONE_PAGE = 400;

/**
 * How many people a filter list offers: those with the most events. A year of
 * a big archive has hundreds of people (2,000 at 10,000 stories), more than a
 * reader can scan and most of the page's weight; everyone's timeline is also
 * linked from their own page.
 */
export const FILTER_PEOPLE = 40;

/** A filter link: a person or story with events, and how many the filter shows. */
export interface FilterLink {
  /** The person's or story's id: its pre-built timeline is `timeline/people/<id>/` or `timeline/stories/<id>/`. */
  id: string;
  /** The name or title shown. */
  label: string;
  /** How many events the filter shows (on a year's page, that year's). */
  count: number;
  /**
   * On a year's or month's page, the pre-built page (below the base) that
   * shows those same events without JavaScript: that part of the person's
   * timeline. Else the filter's whole timeline is meant.
   */
  path?: string;
}

/** One year of the timeline. */
export interface TimelineYear {
  /** The year as written in the events' dates. */
  year: number;
  /** The year's events, in date order. */
  events: readonly EventRecord[];
  /** The people with the most events that year (at most FILTER_PEOPLE), in name order, each with that number. */
  people: readonly FilterLink[];
  /** How many people the year's events have in all. */
  peopleInAll: number;
  /**
   * When the year has more entries than one page holds (its events and filter
   * links, more than TIMELINE_ONE_PAGE): its months with events, January
   * first, each with a page. Else none.
   */
  months: readonly TimelineMonth[];
  /** With months: the year's events dated by the year alone, which stay on the year's page. Else none. */
  sometime: readonly EventRecord[];
  /**
   * Events begun in an earlier year and still going on in this one (a
   * renovation from March 2023 to August 2024, on 2024's page): each is
   * listed under the year it began, and only named here. The latest begun
   * first, at most ONGOING_SHOWN.
   */
  ongoing: readonly EventRecord[];
  /** How many such events there are in all. */
  ongoingInAll: number;
}

/** How many events begun in earlier years a year's page names: a war of decades is under way in each of its years. */
export const ONGOING_SHOWN = 20;

/** A month of a year too big for one timeline page (`timeline/<year>/<month>/`). */
export interface TimelineMonth {
  year: number;
  /** 1–12. */
  month: number;
  /** The month's events, in date order. */
  events: readonly EventRecord[];
  /** The people with the most events that month (at most FILTER_PEOPLE), in name order, each with that number. */
  people: readonly FilterLink[];
  /** How many people the month's events have in all. */
  peopleInAll: number;
}

export interface TimelinePlan {
  /** Every year with events, oldest first. */
  years: readonly TimelineYear[];
  /** The people with the most events (at most FILTER_PEOPLE), in name order, each with all their events counted. */
  people: readonly FilterLink[];
  /** How many people have events in all. */
  peopleInAll: number;
  /** Every story with events, newest first, each with its number of events. */
  stories: readonly FilterLink[];
  /** Each event's people and stories, for filtering a page in the browser. */
  filterIds: ReadonlyMap<EventId, EventFilterIds>;
  /** The story each event's entry links, for the events stories cover. */
  coverage: ReadonlyMap<EventId, EntryCoverage>;
  /** Whether `/timeline/` shows every event; otherwise it links to the years. */
  onePage: boolean;
  /**
   * Events still going on (`end: ongoing`), named at the top of `/timeline/`:
   * each is listed under the year it began, which on a long timeline is far
   * down or on another page. The latest begun first, at most ONGOING_SHOWN.
   */
  ongoing: readonly EventRecord[];
  /** How many events are still going on in all. */
  ongoingInAll: number;
}

/** The path of a year's timeline page, below the base. */
export const timelineYearPath = (year: number) => `timeline/${year}/`;

/** The path of a month's timeline page, below the base: `timeline/2017/03/`. */
export const timelineMonthPath = (year: number, month: number) => `timeline/${year}/${String(month).padStart(2, '0')}/`;

/**
 * The main timeline's pages, worked out once per build from the graph.
 * `limit`: the entries `/timeline/` may list; `filterPeople`: the people a filter list offers.
 */
export function planTimeline(
  graph: Pick<Graph, 'eventsByDate' | 'peopleBySurname' | 'storiesByDate' | 'personEvents' | 'storyEvents' | 'eventStories'>,
  { limit = TIMELINE_ONE_PAGE, filterPeople = FILTER_PEOPLE, thisYear = new Date().getUTCFullYear() } = {},
): TimelinePlan {
  const filterIds = eventFilterIds(graph);
  const people = graph.peopleBySurname
    .map((p) => ({ id: p.id, label: p.name, count: graph.personEvents(p.id).length }))
    .filter((link) => link.count > 0);
  const stories = graph.storiesByDate
    .map((s) => ({ id: s.id, label: s.title, count: graph.storyEvents(s.id).length }))
    .filter((link) => link.count > 0);
  const order = new Map<string, number>(people.map((link, index) => [link.id, index]));

  /**
   * The people of some events (a year's, or a month's), each with how many of them they are in: the most
   * (at most `filterPeople`) to filter by, and how many in all. Each links to where their timeline shows
   * that year or month: their timeline's year page, or the year's or month's heading on their one page.
   */
  const filtersOf = (events: readonly EventRecord[], year: number, month?: number) => {
    const counts = new Map<string, number>();
    for (const event of events) for (const id of filterIds.get(event.id)?.people?.split(' ') ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const heading = month === undefined ? `#y${year}` : `#y${year}-m${String(month).padStart(2, '0')}`;
    const links = [...counts].map(([id, count]) => {
      const timeline = personTimelineIsSplit(graph.personEvents(id as PersonId)) ? personTimelineYearPath(id, year) : `timeline/people/${id}/`;
      return { id, label: people[order.get(id)!]!.label, count, path: `${timeline}${heading}` };
    });
    return { people: mostEvents(links, order, filterPeople), peopleInAll: links.length };
  };

  // Events over more than one year, latest begun first; one still going on runs to this year.
  const spanning = graph.eventsByDate.filter((event) => lastYearOf(event, thisYear) > event.date.year).reverse();
  const ongoingIn = (year: number) => {
    const all = spanning.filter((event) => event.date.year < year && lastYearOf(event, thisYear) >= year);
    return { ongoing: all.slice(0, ONGOING_SHOWN), ongoingInAll: all.length };
  };

  const years: TimelineYear[] = eventsByYear(graph.eventsByDate).map(({ year, events }) => {
    const filters = { ...filtersOf(events, year), ...ongoingIn(year) };
    if (events.length + filters.people.length <= limit) return { year, events, ...filters, months: [], sometime: [] };
    // Month 0: dated by the year alone.
    const byMonth = groupBy(events, (event) => event.date.month ?? 0);
    const months = [...byMonth]
      .filter(([month]) => month > 0)
      .sort((a, b) => a[0] - b[0])
      .map(([month, inMonth]) => ({ year, month, events: inMonth, ...filtersOf(inMonth, year, month) }));
    return { year, events, ...filters, months, sometime: byMonth.get(0) ?? [] };
  });

  const entries = graph.eventsByDate.length + people.length + stories.length;
  // Begun this year too: not among the spanning ones.
  const stillGoing = graph.eventsByDate.filter((event) => event.ongoing).reverse();
  return {
    years,
    people: mostEvents(people, order, filterPeople),
    peopleInAll: people.length,
    stories,
    filterIds,
    coverage: entryCoverage(graph),
    onePage: entries <= limit,
    ongoing: stillGoing.slice(0, ONGOING_SHOWN),
    ongoingInAll: stillGoing.length,
  };
}

/** The `max` links with the highest counts (ties by name order), in name order. */
function mostEvents(links: readonly FilterLink[], order: ReadonlyMap<string, number>, max: number): FilterLink[] {
  const byName = (a: FilterLink, b: FilterLink) => order.get(a.id)! - order.get(b.id)!;
  const kept = links.length <= max ? [...links] : [...links].sort((a, b) => b.count - a.count || byName(a, b)).slice(0, max);
  return kept.sort(byName);
}

/**
 * A person's timeline (`timeline/people/<id>/`) shows all their events while
 * there are at most `limit`; past that, like the main timeline, it links to a
 * page per year. Someone in the news for decades takes part in thousands of
 * events: a person in 2,011 of 8,000 events had a 457 KB timeline page.
 * Returns the years (oldest first) when the timeline is split, else none.
 */
export function personTimelineYears(events: readonly EventRecord[], limit = TIMELINE_ONE_PAGE): EventYear[] {
  return personTimelineIsSplit(events, limit) ? eventsByYear(events) : [];
}

/** Whether a person's timeline, of these events, is a page per year (see {@link personTimelineYears}). */
export function personTimelineIsSplit(events: readonly EventRecord[], limit = TIMELINE_ONE_PAGE): boolean {
  return events.length > limit;
}

/** The path of a year of a person's timeline, below the base. */
export const personTimelineYearPath = (id: string, year: number) => `timeline/people/${id}/${year}/`;
