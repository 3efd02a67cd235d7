/**
 * How the main timeline is split into pages. A newsroom with years of stories
 * has thousands of events: one page with all of them was 6.9 MB of HTML
 * (597 KB gzipped) at 20,000 events. So every year with events gets its own
 * page, `/timeline/<year>/`, and `/timeline/` shows every event only while
 * the whole timeline is small; past that it links to each year instead.
 *
 * The filters follow the same bound. A year's page filters by the people in
 * that year's events. The list of every story with events, which grows with
 * the archive, is offered only on a one-page timeline; each story's own
 * timeline is also linked from the story.
 */
import type { EventRecord } from './records.ts';
import type { EventId } from './ids.ts';
import type { Graph } from './graph.ts';
import { eventFilterIds, type EventFilterIds } from './timeline.ts';

/**
 * How many entries (events plus filter links) `/timeline/` may list before it
 * links to the year pages instead: about 120 KB of HTML, 12 KB gzipped.
 */
export const TIMELINE_ONE_PAGE = 400;

/** A filter link: a person or story with events, and how many the filter shows. */
export interface FilterLink {
  id: string;
  label: string;
  count: number;
}

/** One year of the timeline. */
export interface TimelineYear {
  year: number;
  /** The year's events, in date order. */
  events: readonly EventRecord[];
  /** The people in the year's events, in name order, each with their number of events that year. */
  people: readonly FilterLink[];
}

export interface TimelinePlan {
  /** Every year with events, oldest first. */
  years: readonly TimelineYear[];
  /** Everyone with events, in name order, each with all their events counted. */
  people: readonly FilterLink[];
  /** Every story with events, newest first, each with its number of events. */
  stories: readonly FilterLink[];
  /** Each event's people and stories, for filtering a page in the browser. */
  filterIds: ReadonlyMap<EventId, EventFilterIds>;
  /** Whether `/timeline/` shows every event; otherwise it links to the years. */
  onePage: boolean;
}

/** The path of a year's timeline page, below the base. */
export const timelineYearPath = (year: number) => `timeline/${year}/`;

/** The main timeline's pages, worked out once per build from the graph. */
export function planTimeline(
  graph: Pick<Graph, 'eventsByDate' | 'peopleByName' | 'storiesByDate' | 'personEvents' | 'storyEvents'>,
  limit = TIMELINE_ONE_PAGE,
): TimelinePlan {
  const filterIds = eventFilterIds(graph);
  const people = graph.peopleByName
    .map((p) => ({ id: p.id, label: p.name, count: graph.personEvents(p.id).length }))
    .filter((link) => link.count > 0);
  const stories = graph.storiesByDate
    .map((s) => ({ id: s.id, label: s.title, count: graph.storyEvents(s.id).length }))
    .filter((link) => link.count > 0);
  const order = new Map<string, number>(people.map((link, index) => [link.id, index]));

  const years: TimelineYear[] = [];
  let current: { year: number; events: EventRecord[]; counts: Map<string, number> } | undefined;
  const close = () => {
    if (!current) return;
    const inYear = [...current.counts].sort((a, b) => order.get(a[0])! - order.get(b[0])!);
    years.push({ year: current.year, events: current.events, people: inYear.map(([id, count]) => ({ id, label: people[order.get(id)!]!.label, count })) });
  };
  // Events come in date order, so each year's are together.
  for (const event of graph.eventsByDate) {
    if (current?.year !== event.date.year) {
      close();
      current = { year: event.date.year, events: [], counts: new Map() };
    }
    current.events.push(event);
    for (const id of filterIds.get(event.id)?.people?.split(' ') ?? []) current.counts.set(id, (current.counts.get(id) ?? 0) + 1);
  }
  close();

  const entries = graph.eventsByDate.length + people.length + stories.length;
  return { years, people, stories, filterIds, onePage: entries <= limit };
}
