/**
 * The background a story's "How we got here" adds to the events it names:
 * the earlier events of its people, those with the most of them first and
 * the nearest before the story at a tie. A story that names only its own day
 * still shows what led to it: the tender before the contract, the inquiry
 * before the charges.
 */
import type { Graph } from './graph.ts';
import type { EventRecord, StoryRecord } from './records.ts';
import { compareDates, endOf, startOf } from './dates.ts';
import { firstIndex, NEXT_WEIGHED } from './what-next.ts';

/** Earlier events a story's timeline adds at most. */
export const BACKSTORY_EVENTS = 3;

/** Events before `story` that share its people and that it does not name, at most `max`, in date order. */
export function earlierEvents(graph: Pick<Graph, 'storyPeople' | 'storyEvents' | 'personEvents'>, story: StoryRecord, max = BACKSTORY_EVENTS): EventRecord[] {
  const before = startOf(story.published.day).getTime();
  const own = new Set(graph.storyEvents(story.id).map((event) => event.id));
  const weights = new Map<EventRecord, number>();
  for (const person of graph.storyPeople(story.id)) {
    const list = graph.personEvents(person.id);
    // Oldest first: the earlier ones are before the first that starts on or after the story's day
    // (of those, a month or year the story's day falls in may be after it: left out).
    const end = firstIndex(list.length, (i) => startOf(list[i]!.date).getTime() >= before);
    for (let i = end - 1; i >= Math.max(0, end - NEXT_WEIGHED); i--) {
      const event = list[i]!;
      if (!own.has(event.id) && endOf(event.date).getTime() < before) weights.set(event, (weights.get(event) ?? 0) + 1);
    }
  }
  return [...weights]
    .sort(([a, wa], [b, wb]) => wb - wa || compareDates(b.date, a.date))
    .slice(0, max)
    .map(([event]) => event)
    .sort((a, b) => compareDates(a.date, b.date));
}
