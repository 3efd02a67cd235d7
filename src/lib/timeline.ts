/** Timeline grouping: events by year, then by month, keeping each date's precision. */
import { format } from 'date-fns/format';
import type { EventRecord, StoryRecord } from './records.ts';
import type { EventId } from './ids.ts';
import type { Graph } from './graph.ts';
import { compareDates, type PartialDate } from './dates.ts';

export interface MonthGroup {
  /** A stable id for the heading: `y2017-m03`, or `y2017-m00` for year-only dates. */
  key: string;
  /** "March", or "Sometime in 2017" for events known only to the year. */
  label: string;
  events: EventRecord[];
}

export interface YearGroup {
  year: number;
  months: MonthGroup[];
}

/** A year's events, in date order. */
export interface EventYear {
  year: number;
  events: EventRecord[];
}

/** Groups events already in date order by the year of their date, oldest first. */
export function eventsByYear(events: readonly EventRecord[]): EventYear[] {
  const years: EventYear[] = [];
  for (const event of events) {
    if (years.at(-1)?.year !== event.date.year) years.push({ year: event.date.year, events: [] });
    years.at(-1)!.events.push(event);
  }
  return years;
}

/** Groups events already in date order; year-only events come first in their year. */
export function groupByYearMonth(events: readonly EventRecord[]): YearGroup[] {
  return eventsByYear(events).map(({ year, events: inYear }) => {
    const months: MonthGroup[] = [];
    for (const event of inYear) {
      const month = event.date.month ?? 0;
      const key = `y${year}-m${String(month).padStart(2, '0')}`;
      if (months.at(-1)?.key !== key) months.push({ key, label: month === 0 ? `Sometime in ${year}` : format(new Date(2000, month - 1, 1), 'MMMM'), events: [] });
      months.at(-1)!.events.push(event);
    }
    return { year, months };
  });
}

/** Who and what an event belongs to, as space-separated ids, for filtering the timeline in the browser. */
export interface EventFilterIds {
  people?: string;
  stories?: string;
}

/**
 * Each event's people and stories, inverted from the same lists the
 * pre-built `/timeline/people/<id>/` and `/timeline/stories/<id>/` pages
 * show, so filtering in place finds exactly their events. One pass over
 * every person's and story's events; an event with none gets no entry.
 */
export function eventFilterIds(graph: Pick<Graph, 'peopleBySurname' | 'storiesByDate' | 'personEvents' | 'storyEvents'>): Map<EventId, EventFilterIds> {
  const people = new Map<EventId, string[]>();
  const stories = new Map<EventId, string[]>();
  for (const person of graph.peopleBySurname) {
    for (const event of graph.personEvents(person.id)) append(people, event.id, person.id);
  }
  for (const story of graph.storiesByDate) {
    for (const event of graph.storyEvents(story.id)) append(stories, event.id, story.id);
  }
  const out = new Map<EventId, EventFilterIds>();
  for (const id of new Set([...people.keys(), ...stories.keys()])) {
    out.set(id, { people: people.get(id)?.join(' '), stories: stories.get(id)?.join(' ') });
  }
  return out;
}

function append(map: Map<EventId, string[]>, key: EventId, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** One entry of a story's or a person's own timeline. */
export type TimelineItem =
  | { kind: 'event'; date: PartialDate; end?: PartialDate; event: EventRecord }
  | { kind: 'role'; date: PartialDate; end?: PartialDate; title: string }
  | { kind: 'published'; date: PartialDate; end?: never; title: string };

function byDate(a: TimelineItem, b: TimelineItem): number {
  // At the same date, the story's own publication comes after the events of that day.
  return compareDates(a.date, b.date) || (a.kind === 'published' ? 1 : 0) - (b.kind === 'published' ? 1 : 0);
}

/** "How we got here": the events a story touches, with the story's own publication among them. */
export function storyTimeline(events: readonly EventRecord[], published: PartialDate, title: string): TimelineItem[] {
  const items: TimelineItem[] = events.map((event) => ({ kind: 'event', date: event.date, ...(event.end ? { end: event.end } : {}), event }));
  items.push({ kind: 'published', date: published, title });
  return items.sort(byDate);
}

/** A person's timeline: their roles as spans and the events they took part in. */
export function personTimeline(roles: readonly { title: string; from?: PartialDate; to?: PartialDate }[], events: readonly EventRecord[]): TimelineItem[] {
  const items: TimelineItem[] = events.map((event) => ({ kind: 'event', date: event.date, ...(event.end ? { end: event.end } : {}), event }));
  for (const role of roles) {
    if (role.from) items.push({ kind: 'role', date: role.from, ...(role.to ? { end: role.to } : {}), title: role.title });
  }
  return items.sort(byDate);
}

/** The story a timeline entry links for an event: only what the entry shows. */
export type CoveringStory = Pick<StoryRecord, 'kind' | 'id' | 'title' | 'lang'>;

/** How an event is covered, as its timeline entry says: "Covered in <story> and 3 more". */
export interface EntryCoverage {
  /** The first story published on or after the event's start, else (only previews cover it) the latest. */
  story: CoveringStory;
  /** How many other stories cover it, listed on the event's page. */
  more: number;
}

/**
 * For each event that stories cover, the one its timeline entry links: the
 * first report, which tells what happened, rather than whatever came last.
 * One pass over each event's stories (newest first, as the graph keeps them).
 */
export function entryCoverage(graph: Pick<Graph, 'eventsByDate' | 'eventStories'>): Map<EventId, EntryCoverage> {
  const out = new Map<EventId, EntryCoverage>();
  for (const event of graph.eventsByDate) {
    const stories = graph.eventStories(event.id);
    if (stories.length === 0) continue;
    let chosen = stories[0]!.story;
    for (let i = stories.length - 1; i >= 0; i--) {
      if (compareDates(stories[i]!.story.published.day, event.date) >= 0) {
        chosen = stories[i]!.story;
        break;
      }
    }
    const { kind, id, title, lang } = chosen;
    out.set(event.id, { story: { kind, id, title, ...(lang ? { lang } : {}) }, more: stories.length - 1 });
  }
  return out;
}

/** The coverage of some events (a page's), for its props and so its cache key. */
export function entryCoverageOf(all: ReadonlyMap<EventId, EntryCoverage>, events: readonly EventRecord[]): Map<EventId, EntryCoverage> {
  const out = new Map<EventId, EntryCoverage>();
  for (const event of events) {
    const coverage = all.get(event.id);
    if (coverage) out.set(event.id, coverage);
  }
  return out;
}
