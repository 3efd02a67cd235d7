/**
 * "What happened next" on a story page: the events and the later stories
 * that share its people or its events, in time order. A reader who lands on
 * an old story learns how it turned out without leaving the page.
 *
 * Each candidate is weighed by how much it shares with the story: a later
 * story on the same event counts more than one naming the same person, and an
 * event with two of the story's people more than one with one of them. Of
 * each person and event only the soonest later events and stories are
 * weighed, so a story about a president costs what a story about anyone does.
 */
import type { Graph } from './graph.ts';
import type { EventRecord, StoryRecord } from './records.ts';
import { compareDates, startOf, type PartialDate } from './dates.ts';

/** Later events a story page names at most. */
export const NEXT_EVENTS = 5;
/** Later stories a story page names at most. */
export const NEXT_STORIES = 5;
/** How many of the soonest later events or stories of each person and event are weighed. */
export const NEXT_WEIGHED = 50;

/** A later story shares one of the story's events: worth two people. */
const SHARED_EVENT = 2;
const SHARED_PERSON = 1;

export type NextItem = { kind: 'event'; event: EventRecord } | { kind: 'story'; story: StoryRecord };

type NextGraph = Pick<Graph, 'storyPeople' | 'storyEvents' | 'personEvents' | 'personStories' | 'eventStories'>;

/** What came after `story`: at most `events` events and `stories` stories, oldest first. Empty when nothing did. */
export function whatHappenedNext(graph: NextGraph, story: StoryRecord, { events: maxEvents = NEXT_EVENTS, stories: maxStories = NEXT_STORIES } = {}): NextItem[] {
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
    for (const event of list.slice(first, first + NEXT_WEIGHED)) {
      if (!own.has(event.id)) eventWeights.set(event, (eventWeights.get(event) ?? 0) + SHARED_PERSON);
    }
  }

  const storyWeights = new Map<StoryRecord, number>();
  const weighStories = (list: readonly { story: StoryRecord }[], weight: number) => {
    // Newest first: the later ones are those before the first published on or before the story's day.
    const end = firstIndex(list.length, (i) => startOf(list[i]!.story.published.day).getTime() <= after);
    for (let i = end - 1; i >= Math.max(0, end - NEXT_WEIGHED); i--) {
      const later = list[i]!.story;
      if (later !== story) storyWeights.set(later, (storyWeights.get(later) ?? 0) + weight);
    }
  };
  for (const person of people) weighStories(graph.personStories(person.id), SHARED_PERSON);
  for (const event of ownEvents) weighStories(graph.eventStories(event.id), SHARED_EVENT);

  const events = heaviest(eventWeights, maxEvents, (event) => event.date).map((event): NextItem => ({ kind: 'event', event }));
  const stories = heaviest(storyWeights, maxStories, (later) => later.published.day).map((later): NextItem => ({ kind: 'story', story: later }));
  // One story in time order: at the same date, what happened before what was written about it.
  return [...events, ...stories].sort((a, b) => compareDates(dateOf(a), dateOf(b)) || (a.kind === 'event' ? -1 : 0) - (b.kind === 'event' ? -1 : 0));
}

const dateOf = (item: NextItem): PartialDate => (item.kind === 'event' ? item.event.date : item.story.published.day);

/** The `max` heaviest, ties to the soonest. */
function heaviest<T>(weights: ReadonlyMap<T, number>, max: number, date: (item: T) => PartialDate): T[] {
  return [...weights]
    .sort(([a, wa], [b, wb]) => wb - wa || compareDates(date(a), date(b)))
    .slice(0, max)
    .map(([item]) => item);
}

/** The first index in `[0, length)` for which `test` holds, `test` being false then true along the list (`length` when never). */
function firstIndex(length: number, test: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
