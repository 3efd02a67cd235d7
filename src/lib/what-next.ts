/**
 * "What happened next" on a story page: the events and the later stories
 * that share its people or its events, in time order. A reader who lands on
 * an old story learns how it turned out without leaving the page.
 *
 * Each candidate is weighed by how much it shares with the story: a later
 * story on the same event counts more than one naming the same person, and an
 * event with two of the story's people more than one with one of them. Of the
 * heaviest, some are the soonest (what it led to) and some the latest (how it
 * stands); the very next event of the person the story names first is always
 * among them, however light. Of each person and event only the soonest and the latest later
 * events and stories are weighed, so a story about a president costs what a
 * story about anyone does.
 */
import type { Graph } from './graph.ts';
import type { EventRecord, StoryRecord } from './records.ts';
import { compareDates, startOf, type PartialDate } from './dates.ts';

/** Later events a story page names at most: the soonest, then the latest. */
export const NEXT_EVENTS = { soonest: 3, latest: 2 };
/** Later stories a story page names at most, beside those reporting a named event. */
export const NEXT_STORIES = { soonest: 3, latest: 2 };
/** How many of the soonest, and of the latest, later events or stories of each person and event are weighed. */
export const NEXT_WEIGHED = 50;
/** A story this many days after an event it covers is its report: named with it, not on a line of its own. */
const REPORT_DAYS = 7;

/** A later story shares one of the story's events: worth two people. */
const SHARED_EVENT = 2;
const SHARED_PERSON = 1;

/** What a story page shows of a later story or event: enough to name and link it. */
export type NextStory = Pick<StoryRecord, 'kind' | 'id' | 'title' | 'lang' | 'published'>;
export type NextEvent = Pick<EventRecord, 'kind' | 'id' | 'title' | 'date' | 'end' | 'ongoing'>;

/**
 * A later event (with the later stories that report it) or story. Only what
 * the page shows, not the whole records: the page's cache key is a digest of
 * its view, and a later story's body, edited, must not make its pages stale.
 */
export type NextItem = { kind: 'event'; event: NextEvent; reports: NextStory[] } | { kind: 'story'; story: NextStory };

const shownStory = ({ kind, id, title, lang, published }: StoryRecord): NextStory => ({ kind, id, title, published, ...(lang ? { lang } : {}) });
/** What a list of events shows of each: a page keyed by it is not made stale by an edited description. */
export const shownEvent = ({ kind, id, title, date, end, ongoing }: EventRecord): NextEvent => ({ kind, id, title, date, ...(end ? { end } : {}), ...(ongoing ? { ongoing } : {}) });

type NextGraph = Pick<Graph, 'storyPeople' | 'storyEvents' | 'personEvents' | 'personStories' | 'eventStories'>;

/** What came after `story`, oldest first; empty when nothing did. */
export function whatHappenedNext(graph: NextGraph, story: StoryRecord, { events: eventCounts = NEXT_EVENTS, stories: storyCounts = NEXT_STORIES } = {}): NextItem[] {
  const after = startOf(story.published.day).getTime();
  const people = graph.storyPeople(story.id);
  const ownEvents = graph.storyEvents(story.id);
  // Events the story itself names are in its "How we got here", even those still to come when it was written.
  const own = new Set(ownEvents.map((event) => event.id));

  const eventWeights = new Map<EventRecord, number>();
  for (const person of people) {
    const list = graph.personEvents(person.id);
    // In date order, oldest first: the later ones begin at the first that starts after the story's day.
    const first = firstIndex(list.length, (i) => startOf(list[i]!.date).getTime() > after);
    for (const i of ends(first, list.length)) {
      const event = list[i]!;
      if (!own.has(event.id)) eventWeights.set(event, (eventWeights.get(event) ?? 0) + SHARED_PERSON);
    }
  }

  const storyWeights = new Map<StoryRecord, number>();
  const weighStories = (list: readonly { story: StoryRecord }[], weight: number) => {
    // Newest first: the later ones are those before the first published on or before the story's day.
    const end = firstIndex(list.length, (i) => startOf(list[i]!.story.published.day).getTime() <= after);
    for (const i of ends(0, end)) {
      const later = list[i]!.story;
      if (later !== story) storyWeights.set(later, (storyWeights.get(later) ?? 0) + weight);
    }
  };
  for (const person of people) weighStories(graph.personStories(person.id), SHARED_PERSON);
  for (const event of ownEvents) weighStories(graph.eventStories(event.id), SHARED_EVENT);

  // The very next event of the story's lead (the first person it names) is among the soonest even when lighter:
  // a reader of a story on a charge expects the verdict, not three heavier events of the months after it.
  const leadEvents = people[0] ? graph.personEvents(people[0].id) : [];
  const leadFirst = firstIndex(leadEvents.length, (i) => startOf(leadEvents[i]!.date).getTime() > after);
  const leadNext = leadEvents.slice(leadFirst).find((event) => !own.has(event.id));
  const events = chosen(eventWeights, eventCounts, (event) => event.date, leadNext);
  // A story that reports one of those events goes with it, and leaves its place to another.
  const reportOf = new Map<StoryRecord, EventRecord>();
  for (const later of storyWeights.keys()) {
    const reported = graph.storyEvents(later.id).find((event) => events.includes(event) && isReport(event.date, later.published.day));
    if (reported) reportOf.set(later, reported);
  }
  const stories = chosen(new Map([...storyWeights].filter(([later]) => !reportOf.has(later))), storyCounts, (later) => later.published.day);
  const items: NextItem[] = [
    ...events.map((event): NextItem => ({
      kind: 'event',
      event: shownEvent(event),
      reports: [...reportOf].filter(([, e]) => e === event).map(([later]) => later).sort((a, b) => compareDates(a.published.day, b.published.day)).map(shownStory),
    })),
    ...stories.map((later): NextItem => ({ kind: 'story', story: shownStory(later) })),
  ];
  // One story in time order: at the same date, what happened before what was written about it.
  return items.sort((a, b) => compareDates(dateOf(a), dateOf(b)) || (a.kind === 'event' ? -1 : 0) - (b.kind === 'event' ? -1 : 0));
}

/** When a later event began, or a later story was published. */
export const dateOf = (item: NextItem): PartialDate => (item.kind === 'event' ? item.event.date : item.story.published.day);

/** The indexes of the first and the last `NEXT_WEIGHED` in `[from, to)`, each once. */
function ends(from: number, to: number): number[] {
  if (to - from <= 2 * NEXT_WEIGHED) return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  return [...Array.from({ length: NEXT_WEIGHED }, (_, k) => from + k), ...Array.from({ length: NEXT_WEIGHED }, (_, k) => to - NEXT_WEIGHED + k)];
}

/** The heaviest: `soonest` of them ties to the soonest (`next` first, when given), then `latest` more ties to the latest. */
function chosen<T>(weights: ReadonlyMap<T, number>, { soonest, latest }: { soonest: number; latest: number }, date: (item: T) => PartialDate, next?: T): T[] {
  const all = [...weights];
  const heaviest = all.sort(([a, wa], [b, wb]) => wb - wa || compareDates(date(a), date(b))).map(([item]) => item);
  const first = (next === undefined ? heaviest : [next, ...heaviest.filter((item) => item !== next)]).slice(0, soonest);
  const rest = all.filter(([item]) => !first.includes(item)).sort(([a, wa], [b, wb]) => wb - wa || compareDates(date(b), date(a)));
  return [...first, ...rest.slice(0, latest).map(([item]) => item)];
}

/** Whether a story published on `published` reports an event of `date`: on its day or within REPORT_DAYS after, not before it. */
function isReport(date: PartialDate, published: PartialDate): boolean {
  const days = (startOf(published).getTime() - startOf(date).getTime()) / 86_400_000;
  return days >= 0 && days <= REPORT_DAYS;
}

/** The first index in `[0, length)` for which `test` holds, `test` being false then true along the list (`length` when never). */
export function firstIndex(length: number, test: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
