/**
 * "What happened next" on a story page: later events and stories, weighed by
 * what they share with the story, shown in time order; the story's own
 * events are left to "How we got here".
 */
import { describe, expect, it } from 'vitest';
import { NEXT_WEIGHED, whatHappenedNext, type NextItem } from '../../src/lib/what-next.ts';
import { earlierEvents } from '../../src/lib/backstory.ts';
import { compareDates, partialDate } from '../../src/lib/dates.ts';
import type { EventRecord, PersonRecord, StoryRecord } from '../../src/lib/records.ts';
import type { EventId, PersonId, StoryId } from '../../src/lib/ids.ts';

const person = (id: string) => ({ id: id as PersonId, name: id }) as PersonRecord;
const event = (id: string, date: string) => ({ id: id as EventId, title: id, date: partialDate(date) }) as EventRecord;
const story = (id: string, day: string) => ({ id: id as StoryId, title: id, published: { iso: day, day: partialDate(day) } }) as StoryRecord;

/** A graph of the few lists the section reads, each in the graph's order: events oldest first, stories newest first. */
function graphOf(cast: Record<string, { people?: PersonRecord[]; events?: EventRecord[] }>, events: EventRecord[], peopleOf: Record<string, PersonRecord[]>, stories: StoryRecord[]) {
  const newestFirst = [...stories].sort((a, b) => compareDates(b.published.day, a.published.day));
  const oldestFirst = [...events].sort((a, b) => compareDates(a.date, b.date));
  const storiesWith = (has: (s: StoryRecord) => boolean | undefined) => newestFirst.filter(has).map((s) => ({ story: s, mentions: [] }));
  return {
    storyPeople: (id: StoryId) => cast[id]?.people ?? [],
    storyEvents: (id: StoryId) => cast[id]?.events ?? [],
    personEvents: (id: PersonId) => oldestFirst.filter((e) => peopleOf[e.id]?.some((p) => p.id === id)),
    personStories: (id: PersonId) => storiesWith((s) => cast[s.id]?.people?.some((p) => p.id === id)),
    eventStories: (id: EventId) => storiesWith((s) => cast[s.id]?.events?.some((e) => e.id === id)),
  };
}

const names = (items: NextItem[]) => items.map((item) => (item.kind === 'event' ? `event:${item.event.id}` : `story:${item.story.id}`));

const ana = person('ana');
const ben = person('ben');
const cy = person('cy');

describe('whatHappenedNext', () => {
  const vote = event('vote', '2019-03-10');
  const hearing = event('hearing', '2019-04-02'); // Named by the story: in its own timeline.
  const resigns = event('resigns', '2019-06');
  const appeal = event('appeal', '2020-01-15');
  const unrelated = event('cy-wedding', '2019-05-01');
  const before = event('earlier', '2018-12-01');
  const rift = story('rift', '2019-03-12');
  const followUp = story('follow-up', '2019-06-20');
  const aside = story('aside', '2019-04-01');
  const old = story('old', '2018-01-01');
  const cast = {
    rift: { people: [ana, ben], events: [vote, hearing] },
    'follow-up': { people: [ana], events: [vote] },
    aside: { people: [ben] },
    old: { people: [ana, ben], events: [vote] },
  };
  const graph = graphOf(cast, [before, vote, hearing, unrelated, resigns, appeal], { vote: [ana, ben], hearing: [ana], resigns: [ana, ben], appeal: [ana], 'cy-wedding': [cy], earlier: [ana, ben] }, [rift, followUp, aside, old]);

  it('names the later events of its people and the later stories on its people or events, in time order', () => {
    expect(names(whatHappenedNext(graph, rift))).toEqual(['story:aside', 'event:resigns', 'story:follow-up', 'event:appeal']);
  });

  it('keeps the heaviest: events with more of its people, stories that share its events', () => {
    const one = { soonest: 1, latest: 0 };
    expect(names(whatHappenedNext(graph, rift, { events: one, stories: one }))).toEqual(['event:resigns', 'story:follow-up']);
  });

  it('takes some of the soonest and some of the latest, so an old story shows how things stand', () => {
    const days = Array.from({ length: 9 }, (_, i) => event(`step-${i}`, `${2020 + i}-01-01`));
    const start = story('start', '2019-12-31');
    const saga = graphOf({ start: { people: [cy] } }, days, Object.fromEntries(days.map((e) => [e.id, [cy]])), [start]);
    expect(names(whatHappenedNext(saga, start))).toEqual(['event:step-0', 'event:step-1', 'event:step-2', 'event:step-7', 'event:step-8']);
  });

  it('names a later story that reports one of those events with it, and gives its place to another', () => {
    const report = story('report', '2019-06-03');
    const reporting = graphOf(
      { ...cast, report: { people: [ana], events: [resigns] } },
      [before, vote, hearing, unrelated, resigns, appeal],
      { vote: [ana, ben], hearing: [ana], resigns: [ana, ben], appeal: [ana], 'cy-wedding': [cy], earlier: [ana, ben] },
      [rift, followUp, aside, old, report],
    );
    const next = whatHappenedNext(reporting, rift);
    expect(names(next)).toEqual(['story:aside', 'event:resigns', 'story:follow-up', 'event:appeal']);
    expect(next.find((item) => item.kind === 'event' && item.event.id === 'resigns')).toMatchObject({ reports: [{ id: 'report', title: 'report' }] });
  });

  it('always names the very next event of the person the story names first, though lighter than the later ones', () => {
    // Ana is charged a week after the story; Ben and Cy, also in it, meet three times later on, two people each time.
    const charged = event('charged', '2019-03-20');
    const meetings = [1, 2, 3].map((i) => event(`meeting-${i}`, `2019-0${3 + i}-01`));
    const trial = story('trial', '2019-03-12');
    const saga = graphOf({ trial: { people: [ana, ben, cy] } }, [charged, ...meetings], { charged: [ana], ...Object.fromEntries(meetings.map((e) => [e.id, [ben, cy]])) }, [trial]);
    const soonest = { events: { soonest: 3, latest: 0 } };
    expect(names(whatHappenedNext(saga, trial, soonest))).toEqual(['event:charged', 'event:meeting-1', 'event:meeting-2']);
    // Named by Ben first, the same story keeps the heaviest.
    const byBen = graphOf({ trial: { people: [ben, ana, cy] } }, [charged, ...meetings], { charged: [ana], ...Object.fromEntries(meetings.map((e) => [e.id, [ben, cy]])) }, [trial]);
    expect(names(whatHappenedNext(byBen, trial, soonest))).toEqual(['event:meeting-1', 'event:meeting-2', 'event:meeting-3']);
  });

  it('holds only what the page shows of each record: a later story’s body, edited, leaves the page as it was', () => {
    const withBodies = { ...graph, personStories: (id: PersonId) => graph.personStories(id).map(({ story: s }) => ({ story: { ...s, body: 'Long text.' }, mentions: [] })) };
    const next = whatHappenedNext(withBodies, rift);
    expect(JSON.stringify(next)).not.toContain('Long text.');
    expect(next.find((item) => item.kind === 'story')).toEqual({ kind: 'story', story: { id: 'aside', title: 'aside', published: aside.published } });
  });

  it('has nothing for the latest story, and nothing earlier than a story', () => {
    expect(whatHappenedNext(graph, followUp).filter((item) => item.kind === 'story')).toEqual([]);
    expect(names(whatHappenedNext(graph, rift))).not.toContain('event:earlier');
    expect(names(whatHappenedNext(graph, rift))).not.toContain('story:old');
  });

  it('weighs only the soonest and the latest later events of each person, however many there are', () => {
    // Cy is in an event a day for months after the story; the one with Dee too is in the middle of them.
    const daily = Array.from({ length: 2 * NEXT_WEIGHED + 20 }, (_, i) => event(`day-${i}`, new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)));
    const middle = daily[NEXT_WEIGHED + 10]!;
    const dee = person('dee');
    const lone = story('lone', '2019-12-31');
    const big = graphOf({ lone: { people: [cy, dee] } }, daily, { ...Object.fromEntries(daily.map((e) => [e.id, [cy]])), [middle.id]: [cy, dee] }, [lone]);
    // Were all of Cy's events weighed, the one with both would be the heaviest; unweighed for Cy, it counts for Dee alone.
    expect(names(whatHappenedNext(big, lone, { events: { soonest: 1, latest: 0 } }))).toEqual(['event:day-0']);
  });
});

describe('earlierEvents', () => {
  const tender = event('tender', '2015-03-01');
  const vote = event('vote', '2016-05-10');
  const charged = event('charged', '2021-10-05');
  const sometime = event('sometime', '2021');
  const named = event('named', '2020-01-01');
  const lunch = event('lunch', '2021-01-01');
  const later = event('later', '2022-01-01');
  const trial = story('trial', '2021-11-02');
  const graph = graphOf(
    { trial: { people: [ana, ben], events: [named] } },
    [tender, vote, named, lunch, sometime, charged, later],
    { tender: [ana, ben], vote: [ana], named: [ana, ben], lunch: [cy], sometime: [ana], charged: [ana, ben], later: [ana, ben] },
    [trial],
  );

  it('adds the earlier events of its people that it does not name: the most shared, then the nearest, in date order', () => {
    expect(earlierEvents(graph, trial).map((e) => e.id)).toEqual(['tender', 'vote', 'charged']);
    expect(earlierEvents(graph, trial, 2).map((e) => e.id)).toEqual(['tender', 'charged']);
  });

  it('leaves out a year the story’s day falls in, which may be after it, and what came after', () => {
    expect(earlierEvents(graph, trial, 10).map((e) => e.id)).toEqual(['tender', 'vote', 'charged']);
  });
});
