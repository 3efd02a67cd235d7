/** "Also mentioned in": biographies, then the latest events, ALSO_MENTIONED_IN at most, the rest counted. */
import { describe, expect, it } from 'vitest';
import { ALSO_MENTIONED_IN, alsoMentioned } from '../../src/lib/mentioned-in.ts';
import { parsePartialDate } from '../../src/lib/dates.ts';
import type { Citation } from '../../src/lib/graph.ts';
import type { AnyRecord } from '../../src/lib/records.ts';

const person = (id: string, name: string) => ({ kind: 'person', id, name }) as unknown as AnyRecord;
function event(id: string, date: string): AnyRecord {
  const parsed = parsePartialDate(date);
  if (!parsed.ok) throw new Error(parsed.message);
  return { kind: 'event', id, title: id, date: parsed.date } as unknown as AnyRecord;
}
const story = (id: string) => ({ kind: 'story', id }) as unknown as AnyRecord;
const cite = (source: AnyRecord, sentence: string): Citation => ({ source, mention: { sentence, start: 0, end: 1 } }) as unknown as Citation;
const ids = (list: readonly { source: AnyRecord }[]) => list.map((m) => m.source.id);

describe('alsoMentioned', () => {
  it('groups each source’s mentions in text order, biographies by name, then events latest first, and leaves stories out', () => {
    const zed = person('zed', 'Zed Adams');
    const ann = person('ann', 'Ann Young');
    const old = event('old', '2001-05');
    const recent = event('recent', '2019-02-03');
    const result = alsoMentioned([cite(old, 'a'), cite(zed, 'b'), cite(story('s'), 'c'), cite(recent, 'd'), cite(zed, 'e'), cite(ann, 'f')]);
    expect(ids(result.alsoIn)).toEqual(['ann', 'zed', 'recent', 'old']);
    expect(result.alsoIn[1]!.mentions.map((m) => m.sentence)).toEqual(['b', 'e']);
    expect(result).toMatchObject({ alsoInMore: 0, alsoInMoreEvents: 0 });
    expect(alsoMentioned([cite(story('s'), 'x')])).toEqual({ alsoIn: [], alsoInMore: 0, alsoInMoreEvents: 0 });
  });

  it.each([
    { people: 0, events: ALSO_MENTIONED_IN, more: 0, moreEvents: 0 },
    { people: 0, events: ALSO_MENTIONED_IN + 292, more: 292, moreEvents: 292 },
    { people: 5, events: ALSO_MENTIONED_IN, more: 5, moreEvents: 5 },
    { people: ALSO_MENTIONED_IN + 3, events: 0, more: 3, moreEvents: 0 },
    { people: ALSO_MENTIONED_IN + 3, events: 4, more: 7, moreEvents: 4 },
  ])('$people biographies and $events events: $more more, $moreEvents of them events', ({ people, events, more, moreEvents }) => {
    const citations = [
      ...Array.from({ length: events }, (_, i) => cite(event(`e${i}`, `${1900 + i}`), 'x')),
      ...Array.from({ length: people }, (_, i) => cite(person(`p${i}`, `Person ${String(i).padStart(3, '0')}`), 'x')),
    ];
    const result = alsoMentioned(citations);
    expect(result.alsoIn).toHaveLength(Math.min(ALSO_MENTIONED_IN, people + events));
    expect(result.alsoInMore).toBe(more);
    expect(result.alsoInMoreEvents).toBe(moreEvents);
    // The latest events are the ones quoted.
    const quotedEvents = result.alsoIn.filter((m) => m.source.kind === 'event').map((m) => m.source.id);
    expect(quotedEvents).toEqual(Array.from({ length: events }, (_, i) => `e${events - 1 - i}`).slice(0, quotedEvents.length));
  });
});
