import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { assembleSite } from '../../src/lib/site.ts';
import { buildGraph, sortEvents } from '../../src/lib/graph.ts';
import { loadContent } from '../../src/lib/load.ts';
import { ContentError, formatIssue } from '../../src/lib/errors.ts';
import { compareDates, partialDate, parseTimestamp } from '../../src/lib/dates.ts';
import type { ContentSet, EventRecord, PersonRecord, StoryRecord } from '../../src/lib/records.ts';
import type { EventId, PersonId, StoryId } from '../../src/lib/ids.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function story(id: string, published: string, body: string, extra: Partial<Pick<StoryRecord, 'people' | 'events'>> = {}): StoryRecord {
  const timestamp = parseTimestamp(published);
  if (!timestamp.ok) throw new Error(timestamp.message);
  return {
    kind: 'story',
    id: id as StoryId,
    file: `content/stories/${id}.md`,
    body,
    bodyLine: 10,
    title: `Story ${id}`,
    summary: `About ${id}.`,
    published: timestamp.value,
    tags: [],
    // These fixtures test explicit links; autolinking has its own tests.
    autolink: false,
    draft: false,
    people: [],
    events: [],
    ...extra,
  };
}

function person(id: string, name: string, aliases: string[] = [], body = ''): PersonRecord {
  return { kind: 'person', id: id as PersonId, file: `content/people/${id}.md`, body, bodyLine: 6, name, aliases, summary: `${name}.`, roles: [], autolink: false, draft: false };
}

function event(id: string, title: string, date: string, people: string[] = [], body = '', end?: string): EventRecord {
  return {
    kind: 'event',
    id: id as EventId,
    file: `content/events/${id}.md`,
    body,
    bodyLine: 7,
    title,
    date: partialDate(date),
    ...(end ? { end: partialDate(end) } : {}),
    people: people as PersonId[],
    summary: `${title}.`,
    sources: [],
    draft: false,
  };
}

/*
 * The fixture:
 *   people  alice (Alice Adams, "Adams"), bob (Bob Brown), carol (Carol Chen), dan (Dan Diaz)
 *   events  first-meeting 2016 [alice]        — Dan's own page mentions it
 *           budget-year   2017 []             — year precision
 *           march-hearing 2017-03 [alice, bob]
 *           recusal       2017-03-02 [bob]    — its body mentions Carol
 *   stories s1 2017-06-07: mentions Bob, Alice (bare id: shown as her name), recusal, Alice again; lists carol, alice; lists first-meeting
 *           s2 2017-06-08T09:30-04:00: mentions Alice, Dan; lists budget-year
 *           s3 2016-01-01: no mentions; lists bob
 *   Carol's own page mentions Alice and the first meeting.
 */
function fixture(): ContentSet {
  return {
    people: [
      person('alice', 'Alice Adams', ['Adams']),
      person('bob', 'Bob Brown'),
      person('carol', 'Carol Chen', [], 'Carol once worked with [[Alice Adams]] at [[first-meeting]].'),
      person('dan', 'Dan Diaz', [], 'Dan was at [[first-meeting|the first meeting]].'),
    ],
    events: [
      // Deliberately out of order.
      event('recusal', 'The recusal', '2017-03-02', ['bob'], 'Announced with [[carol]] present.'),
      event('march-hearing', 'The March hearing', '2017-03', ['alice', 'bob']),
      event('budget-year', 'The budget year', '2017'),
      event('first-meeting', 'The first meeting', '2016', ['alice']),
    ],
    stories: [
      story(
        's1',
        '2017-06-07',
        '[[bob|Brown]] met [[alice]] in March.\n\nThen came [[recusal|the recusal]]. [[Adams]] said nothing.',
        { people: ['carol', 'alice'] as PersonId[], events: ['first-meeting'] as EventId[] },
      ),
      story('s2', '2017-06-08T09:30:00-04:00', '[[Alice Adams|Alice]] called [[Dan Diaz]].', { events: ['budget-year'] as EventId[] }),
      story('s3', '2016-01-01', 'Nothing is linked here.', { people: ['bob'] as PersonId[] }),
    ],
  };
}

const site = assembleSite(fixture(), { base: '/' });
const { graph } = site;
const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);

describe('graph over a fixture', () => {
  it('lists stories newest first and events oldest first, mixed precision', () => {
    expect(ids(graph.storiesByDate)).toEqual(['s2', 's1', 's3']);
    expect(ids(graph.eventsByDate)).toEqual(['first-meeting', 'budget-year', 'march-hearing', 'recusal']);
    expect(ids(graph.peopleBySurname)).toEqual(['alice', 'bob', 'carol', 'dan']);
  });

  it('lists the stories of one day by their moment, a day without a time at its noon UTC, as the feeds do', () => {
    const content = { stories: [story('early', '2017-06-07T02:10:00Z', ''), story('day', '2017-06-07', ''), story('late', '2017-06-07T15:00:00-04:00', '')], people: [], events: [] };
    expect(ids(buildGraph(content, new Map()).storiesByDate)).toEqual(['late', 'day', 'early']);
  });

  it.each<[string, string[]]>([
    // Order of first mention, then people only listed in the frontmatter.
    ['s1', ['bob', 'alice', 'carol']],
    ['s2', ['alice', 'dan']],
    ['s3', ['bob']],
  ])('storyPeople(%s)', (id, expected) => {
    expect(ids(graph.storyPeople(id as StoryId))).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['s1', ['first-meeting', 'recusal']],
    ['s2', ['budget-year']],
    ['s3', []],
  ])('storyEvents(%s) in date order', (id, expected) => {
    expect(ids(graph.storyEvents(id as StoryId))).toEqual(expected);
  });

  it.each<[string, [string, string[]][]]>([
    ['alice', [['s2', ['Alice']], ['s1', ['Alice Adams', 'Adams']]]],
    ['bob', [['s1', ['Brown']], ['s3', []]]],
    ['carol', [['s1', []]]],
    ['dan', [['s2', ['Dan Diaz']]]],
  ])('personStories(%s): newest first, with the words of each mention', (id, expected) => {
    const got = graph.personStories(id as PersonId).map(({ story, mentions }) => [story.id, mentions.map((m) => m.text)]);
    expect(got).toEqual(expected);
  });

  it('personStories mentions carry anchors, sentences and file lines', () => {
    const [, s1] = graph.personStories('alice' as PersonId);
    expect(s1!.mentions.map((m) => ({ anchor: m.anchor, sentence: m.sentence, line: m.line, column: m.column }))).toEqual([
      // The quote shows the date resolved, as the story's page does.
      { anchor: 'p-brown-met-alice-adams-in', sentence: 'Brown met Alice Adams in March (March 2017).', line: 10, column: 19 },
      { anchor: 'p-then-came-the-recusal-adams', sentence: 'Adams said nothing.', line: 12, column: 36 },
    ]);
  });

  it.each<[string, string[]]>([
    ['alice', ['first-meeting', 'march-hearing']],
    ['bob', ['march-hearing', 'recusal']],
    // From her own page (the first meeting) and the recusal's body, which mentions her.
    ['carol', ['first-meeting', 'recusal']],
    // From Dan's own page, which mentions the first meeting.
    ['dan', ['first-meeting']],
  ])('personEvents(%s) in date order', (id, expected) => {
    expect(ids(graph.personEvents(id as PersonId))).toEqual(expected);
  });

  it.each<[string, { id: string; events: string[]; stories: string[]; weight: number }[]]>([
    [
      'alice',
      [
        { id: 'bob', events: ['march-hearing'], stories: ['s1'], weight: 2 },
        { id: 'carol', events: [], stories: ['s1'], weight: 1 },
        { id: 'dan', events: [], stories: ['s2'], weight: 1 },
      ],
    ],
    [
      'bob',
      [
        { id: 'alice', events: ['march-hearing'], stories: ['s1'], weight: 2 },
        { id: 'carol', events: ['recusal'], stories: ['s1'], weight: 2 },
      ],
    ],
    [
      'carol',
      [
        { id: 'bob', events: ['recusal'], stories: ['s1'], weight: 2 },
        { id: 'alice', events: [], stories: ['s1'], weight: 1 },
      ],
    ],
    ['dan', [{ id: 'alice', events: [], stories: ['s2'], weight: 1 }]],
  ])('personConnections(%s): most shared first, then by name', (id, expected) => {
    const got = graph.personConnections(id as PersonId).map((c) => ({
      id: c.person.id,
      events: ids(c.events),
      stories: ids(c.stories),
      weight: c.weight,
    }));
    expect(got).toEqual(expected);
  });

  it.each<[string, [string, string[]][]]>([
    ['first-meeting', [['s1', []]]],
    ['budget-year', [['s2', []]]],
    ['recusal', [['s1', ['the recusal']]]],
    ['march-hearing', []],
  ])('eventStories(%s)', (id, expected) => {
    const got = graph.eventStories(id as EventId).map(({ story, mentions }) => [story.id, mentions.map((m) => m.text)]);
    expect(got).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['first-meeting', ['alice']],
    ['budget-year', []],
    ['march-hearing', ['alice', 'bob']],
    ['recusal', ['bob', 'carol']],
  ])('eventPeople(%s): listed, then mentioned in the record', (id, expected) => {
    expect(ids(graph.eventPeople(id as EventId))).toEqual(expected);
  });

  it.each<[string, string | undefined, string | undefined]>([
    // Alice's next event; s1's (recusal) is later.
    ['first-meeting', undefined, 'march-hearing'],
    // Only s2 lists it, and s2 has no other event: it shares nothing with the rest.
    ['budget-year', undefined, undefined],
    // Alice's before (the budget year between them is no one's), Bob's after.
    ['march-hearing', 'first-meeting', 'recusal'],
    // Bob's and Carol's (first-meeting, mentioned on her page) and s1's: the nearest wins.
    ['recusal', 'march-hearing', undefined],
    ['no-such-event', undefined, undefined],
  ])('eventNeighbours(%s): the nearest events sharing a person or a story, across mixed precision', (id, previous, next) => {
    const n = graph.eventNeighbours(id as EventId);
    expect([n.previous?.id, n.next?.id]).toEqual([previous, next]);
  });

  describe('eventsDuring: what began while a long event went on', () => {
    // A strike from March to June 2017 with Alice; a war still going on with Bob.
    const strike = { ...event('strike', 'The strike', '2017-03', ['alice'], '', '2017-06'), end: partialDate('2017-06') };
    const war = { ...event('war', 'The war', '2016-05', ['bob']), ongoing: true as const };
    const during = buildGraph(
      {
        people: [person('alice', 'Alice Adams'), person('bob', 'Bob Brown'), person('carol', 'Carol Chen')],
        events: [
          strike,
          war,
          event('talks', 'Talks', '2017-04-02', ['alice']),
          event('last-day', 'Last day', '2017-06-30', ['alice', 'bob']),
          event('after', 'After', '2017-07-01', ['alice']),
          event('elsewhere', 'Elsewhere', '2017-04-10', ['carol']),
          event('before', 'Before', '2017-02', ['alice']),
          event('single', 'Single day', '2017-04-03', ['alice']),
          ...Array.from({ length: 5 }, (_, i) => event(`battle-${i}`, `Battle ${i}`, `2018-0${i + 1}-01`, ['bob'])),
        ],
        stories: [],
      },
      new Map(),
    );
    const of = (id: string, limit = 10) => {
      const found = during.eventsDuring(id as EventId, limit);
      return [ids(found.events), found.more];
    };

    it('lists the events of its people begun after it and by its end, in time order, not another thread’s', () => {
      expect(of('strike')).toEqual([['talks', 'single', 'last-day'], false]);
    });

    it('runs to the last event for one still going on, the first `limit` and whether there are more', () => {
      expect(of('war')).toEqual([['last-day', 'battle-0', 'battle-1', 'battle-2', 'battle-3', 'battle-4'], false]);
      expect(of('war', 3)).toEqual([['last-day', 'battle-0', 'battle-1'], true]);
      expect(of('war', 6)).toEqual([['last-day', 'battle-0', 'battle-1', 'battle-2', 'battle-3', 'battle-4'], false]);
    });

    it('is none for an event of a single date, or an unknown id', () => {
      expect(of('talks')).toEqual([[], false]);
      expect(of('no-such-event')).toEqual([[], false]);
    });
  });

  it.each<[string, 'person' | 'event', string, [string, string][]]>([
    ['alice in stories and on Carol’s page', 'person', 'alice', [['s1', 'Alice Adams'], ['s1', 'Adams'], ['s2', 'Alice'], ['carol', 'Alice Adams']]],
    ['carol in an event body', 'person', 'carol', [['recusal', 'Carol Chen']]],
    ['an event on two people’s pages', 'event', 'first-meeting', [['carol', 'The first meeting'], ['dan', 'the first meeting']]],
    ['an event in a story', 'event', 'recusal', [['s1', 'the recusal']]],
    ['nobody mentions the budget year', 'event', 'budget-year', []],
  ])('citationsOf: %s', (_name, kind, id, expected) => {
    const got = graph.citationsOf({ kind, id } as never).map((c) => [c.source.id, c.mention.text]);
    expect(got).toEqual(expected);
  });

  it('unknown ids look up as empty', () => {
    expect(graph.storyPeople('nope' as StoryId)).toEqual([]);
    expect(graph.personStories('nope' as PersonId)).toEqual([]);
    expect(graph.personConnections('nope' as PersonId)).toEqual([]);
    expect(graph.citationsOf({ kind: 'person', id: 'nope' as PersonId })).toEqual([]);
  });

  it('mention links use the base', () => {
    const based = assembleSite(fixture(), { base: 'explainer' });
    const s1 = based.graph.stories.get('s1' as StoryId)!;
    expect(based.mentions.get(s1)!.map((m) => `${m.target.kind}:${m.target.id}`)).toEqual([
      'person:bob',
      'person:alice',
      'event:recusal',
      'person:alice',
    ]);
  });
});

describe('sortEvents', () => {
  it('orders by date, then by end, then by title', () => {
    const list = [
      event('b', 'B', '2017-03', [], '', '2017-05'),
      event('a', 'A', '2017-03', [], '', '2017-04'),
      event('z', 'Z', '2017-03'),
      event('y', 'Y', '2017-03'),
      event('x', 'X', '2017'),
      event('w', 'W', '2017-03-01'),
    ];
    // "2017-03" without an end ends on its start (1 March) for the tie-break.
    expect(ids(sortEvents(list))).toEqual(['x', 'y', 'z', 'a', 'b', 'w']);
  });

  it('orders the events of one day by their time of day, those without one first, then by title', () => {
    const at = (id: string, title: string, time?: string) => ({ ...event(id, title, '2022-11-14'), ...(time ? { time } : {}) });
    const list = [at('resigns', 'Dahl resigns', '16:00'), at('ruling', 'Ruling delivered', '10:00'), at('b-untimed', 'B'), at('a-untimed', 'A'), at('evening', 'Appeal lodged', '21:30')];
    expect(ids(sortEvents(list))).toEqual(['a-untimed', 'b-untimed', 'ruling', 'resigns', 'evening']);
  });
});

describe('frontmatter ids that name nothing', () => {
  it.each<[string, (c: ContentSet) => void, { file: string; field: string; message: string; hint: string }[]]>([
    [
      'a story person',
      (c) => {
        c.stories[0]!.people = ['alice', 'carl'] as PersonId[];
      },
      [{ file: 'content/stories/s1.md', field: 'people[1]', message: 'no person has the id "carl"', hint: 'did you mean `carol`?' }],
    ],
    [
      'a story event',
      (c) => {
        c.stories[1]!.events = ['recusl'] as EventId[];
      },
      [{ file: 'content/stories/s2.md', field: 'events[0]', message: 'no event has the id "recusl"', hint: 'did you mean `recusal`?' }],
    ],
    [
      'an event participant with no close match',
      (c) => {
        c.events[0]!.people = ['bob', 'zachary-quinto'] as PersonId[];
      },
      [
        {
          file: 'content/events/recusal.md',
          field: 'people[1]',
          message: 'no person has the id "zachary-quinto"',
          hint: 'add content/people/zachary-quinto.md or remove the id',
        },
      ],
    ],
    [
      'a person written with an accent the id does not have',
      (c) => {
        c.stories[0]!.people = ['alice', 'bób'] as PersonId[];
      },
      [{ file: 'content/stories/s1.md', field: 'people[1]', message: 'no person has the id "bób"', hint: 'did you mean `bob`?' }],
    ],
    [
      'a missing record, in a content folder of another name',
      (c) => {
        c.events[0]!.file = 'newsroom/events/recusal.md';
        c.events[0]!.people = ['bob', 'zachary-quinto'] as PersonId[];
      },
      [
        {
          file: 'newsroom/events/recusal.md',
          field: 'people[1]',
          message: 'no person has the id "zachary-quinto"',
          hint: 'add newsroom/people/zachary-quinto.md or remove the id',
        },
      ],
    ],
    [
      'several at once',
      (c) => {
        c.stories[2]!.people = ['bbo'] as PersonId[];
        c.stories[2]!.events = ['march-hearings'] as EventId[];
      },
      [
        { file: 'content/stories/s3.md', field: 'people[0]', message: 'no person has the id "bbo"', hint: 'did you mean `bob`?' },
        { file: 'content/stories/s3.md', field: 'events[0]', message: 'no event has the id "march-hearings"', hint: 'did you mean `march-hearing`?' },
      ],
    ],
  ])('%s throws a ContentError naming the file, the field and the nearest id', (_name, edit, expected) => {
    const content = fixture();
    edit(content);
    let error: unknown;
    try {
      assembleSite(content, { base: '/' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const issues = (error as ContentError).issues;
    expect(issues.map(({ file, field, message, hint }) => ({ file, field, message, hint }))).toEqual(expected);
    const message = (error as ContentError).message;
    for (const issue of expected) {
      expect(message).toContain(`${issue.file}`);
      expect(message).toContain(`\`${issue.field}\`: ${issue.message} (${issue.hint})`);
    }
    if (expected.length === 1) expect(message).toBe(`Content error: ${formatIssue(issues[0]!)}`);
    else expect(message.split('\n')[0]).toBe(`${expected.length} content errors:`);
  });

  it('buildGraph checks the lists even without any mentions', () => {
    const content = fixture();
    content.events[1]!.people = ['alice', 'bobby'] as PersonId[];
    expect(() => buildGraph(content, new Map())).toThrow(/content\/events\/march-hearing\.md.*`people\[1\]`: no person has the id "bobby" \(did you mean `bob`\?\)/);
  });

  it('an unknown mention in a body is reported with its file line', () => {
    const content = fixture();
    content.stories[0]!.body = 'Intro.\n\nWho is [[alise]]?';
    expect(() => assembleSite(content, { base: '/' })).toThrow(
      'Content error: content/stories/s1.md:12:8: no person or event is called "alise" (did you mean `alice`?)',
    );
  });
});

describe('the seed content', () => {
  const loaded = loadContent(join(ROOT, 'content'), ROOT);

  it('loads without issues', () => {
    expect(loaded.issues.map(formatIssue)).toEqual([]);
    expect(loaded.content.stories.length).toBeGreaterThan(0);
    expect(loaded.content.people.map((p) => p.id)).toContain('jeff-sessions');
  });

  it('assembles, and Jeff Sessions’s stories cite him in anchored paragraphs', () => {
    const { graph: seed } = assembleSite(loaded.content, { base: '/' });
    const stories = seed.personStories('jeff-sessions' as PersonId);
    expect(stories.map((s) => s.story.id)).toContain('sessions-trump-rift');
    const mentions = stories.flatMap((s) => s.mentions);
    expect(mentions.length).toBeGreaterThan(0);
    for (const m of mentions) {
      expect(m.anchor).toMatch(/^p-[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(m.target).toEqual({ kind: 'person', id: 'jeff-sessions' });
      expect(m.sentence.slice(m.start, m.end)).toBe(m.text);
      expect(m.line).toBeGreaterThan(1);
    }
  });

  it('every listed participant of every event is a known person', () => {
    const { graph: seed } = assembleSite(loaded.content, { base: '/' });
    for (const e of seed.eventsByDate) {
      expect(ids(seed.eventPeople(e.id))).toEqual(expect.arrayContaining(e.people));
    }
    const dates = seed.eventsByDate.map((e) => e.date);
    for (let i = 1; i < dates.length; i++) expect(compareDates(dates[i - 1]!, dates[i]!)).toBeLessThanOrEqual(0);
  });
});
