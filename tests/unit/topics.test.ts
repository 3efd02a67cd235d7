/**
 * Topics: a tag's URL segment (table-driven: case, spaces, accents, other
 * scripts), spellings merged into one topic, and a big topic split by year and
 * month like the archive.
 */
import { describe, expect, it } from 'vitest';
import { parseTimestamp, partialDate } from '../../src/lib/dates.ts';
import { ARCHIVE_YEAR_ONE_PAGE } from '../../src/lib/archive.ts';
import { namedByTopic, TOPICS_PATH, topicCast, topicHeading, topicPages, topicPath, topicSlug, topicsOf } from '../../src/lib/topics.ts';
import type { EventRecord, PersonRecord } from '../../src/lib/records.ts';
import type { StoryRecord } from '../../src/lib/records.ts';
import type { EventId, PersonId, StoryId } from '../../src/lib/ids.ts';
import { LinkIndex } from '../../src/lib/resolve.ts';

function story(id: string, published: string, tags: string[]): StoryRecord {
  const timestamp = parseTimestamp(published);
  if (!timestamp.ok) throw new Error(timestamp.message);
  return { kind: 'story', id: id as StoryId, file: `content/stories/${id}.md`, body: 'Text.', bodyLine: 6, title: `Story ${id}`, summary: `About ${id}.`, published: timestamp.value, tags, autolink: true, draft: false, people: [], events: [] };
}

describe('topicHeading', () => {
  it.each<[string, string]>([
    ['russia investigation', 'Russia investigation'],
    ['Russia investigation', 'Russia investigation'],
    ['FBI', 'FBI'],
    ['iPhone sales', 'iPhone sales'],
    ['élections', 'Élections'],
    ['выборы', 'Выборы'],
    ['政治', '政治'],
    ['2017 budget', '2017 budget'],
    ['', ''],
  ])('%j → %j', (label, heading) => {
    expect(topicHeading(label)).toBe(heading);
  });

  it('writes a tag that names a person as their name is written', () => {
    expect(topicHeading('jeff sessions', { label: 'Jeff Sessions' })).toBe('Jeff Sessions');
    expect(topicHeading('sessions', { label: 'Jeff Sessions' })).toBe('Sessions');
  });
});

describe('namedByTopic', () => {
  const index = new LinkIndex(
    [{ id: 'jeff-sessions' as PersonId, name: 'Jeff Sessions', aliases: ['Sessions'], file: 'p.md' }],
    [{ id: 'sessions-recusal' as EventId, title: 'Sessions recuses himself', file: 'e.md', date: partialDate('2017-03-02') }],
  );
  it.each<[string, ReturnType<typeof namedByTopic>]>([
    ['jeff sessions', { kind: 'person', label: 'Jeff Sessions', path: 'people/jeff-sessions/' }],
    ['Sessions recuses himself', { kind: 'event', label: 'Sessions recuses himself', path: 'events/sessions-recusal/' }],
    ['russia investigation', undefined],
    ['jeff sesions', undefined],
  ])('%j', (label, expected) => {
    expect(namedByTopic(label, index)).toEqual(expected);
  });
});

describe('topicSlug', () => {
  it.each<[string, string]>([
    ['russia investigation', 'russia-investigation'],
    ['Russia Investigation', 'russia-investigation'],
    ['  russia   investigation ', 'russia-investigation'],
    ['russia-investigation', 'russia-investigation'],
    ['São Paulo port', 'sao-paulo-port'],
    ['Straße', 'strasse'],
    ['C++ & Rust', 'c-rust'],
    ['2017', '2017'],
    ['выборы', 'vybory'],
    ['Ελλάδα', 'ellada'],
    // An apostrophe inside a word joins it, as in ids; quotes around words do not.
    ["Women's football", 'womens-football'],
    ['Women’s football', 'womens-football'],
    ["O'Brien inquiry", 'obrien-inquiry'],
    ["'rock' music", 'rock-music'],
  ])('%j → %s', (tag, slug) => {
    expect(topicSlug(tag)).toBe(slug);
  });

  it('gives a tag with no Latin, Cyrillic or Greek letter a segment of its own, the same for the same tag', () => {
    const politics = topicSlug('政治');
    expect(politics).toMatch(/^topic-[0-9a-f]{10}$/);
    expect(topicSlug('政治')).toBe(politics);
    expect(topicSlug('経済')).not.toBe(politics);
    expect(topicSlug('!!!')).toMatch(/^topic-[0-9a-f]{10}$/);
  });

  it('cuts a long tag, keeping long tags that share a beginning apart', () => {
    const long = 'the harbour authority and the city council dispute over the dredging contract';
    const slug = topicSlug(long);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^the-harbour-authority-and-the-city-council-disput-[0-9a-f]{10}$/);
    expect(topicSlug(long.toUpperCase())).toBe(slug);
    expect(topicSlug(`${long} again`)).not.toBe(slug);
    expect(topicSlug('tag-'.repeat(5000)).length).toBeLessThanOrEqual(60);
  });

  it('makes paths below the base', () => {
    expect(TOPICS_PATH).toBe('topics/');
    expect(topicPath('port-strike')).toBe('topics/port-strike/');
    expect(topicPath('port-strike', 2017)).toBe('topics/port-strike/2017/');
    expect(topicPath('port-strike', 2017, 3)).toBe('topics/port-strike/2017/03/');
  });
});

describe('topicsOf', () => {
  // Newest first, as the graph gives them.
  const stories = [
    story('c', '2024-05-03', ['Port Strike', 'harbour']),
    story('b', '2024-05-02', ['port strike', 'port-strike', 'unions']),
    story('a', '2024-05-01', ['port strike']),
    story('untagged', '2024-04-30', []),
  ];
  const topics = topicsOf(stories);

  it('makes one topic of a tag’s spellings, named as its newest story spells it, listed by name', () => {
    expect(topics.map((t) => [t.slug, t.label, t.stories.map((s) => s.id)])).toEqual([
      ['harbour', 'harbour', ['c']],
      ['port-strike', 'Port Strike', ['c', 'b', 'a']],
      ['unions', 'unions', ['b']],
    ]);
  });

  it('has no topics without tags', () => {
    expect(topicsOf([story('x', '2024-01-01', [])])).toEqual([]);
  });
});

describe('topicPages', () => {
  it('lists every story on one page while they fit', () => {
    const [topic] = topicsOf([story('b', '2024-05-02', ['unions']), story('a', '2023-01-01', ['unions'])]);
    const pages = topicPages(topic!);
    expect(pages.map((p) => [p.path, p.stories.map((s) => s.id), p.years, p.months])).toEqual([['topics/unions/', ['b', 'a'], [], []]]);
    expect(pages[0]!.count).toBe(2);
  });

  it('splits by the archive’s limit by default', () => {
    const many = Array.from({ length: ARCHIVE_YEAR_ONE_PAGE + 1 }, (_, i) => story(`s${i}`, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, ['unions']));
    expect(topicPages(topicsOf(many)[0]!).length).toBeGreaterThan(1);
    expect(topicPages(topicsOf(many.slice(1))[0]!).length).toBe(1);
  });

  it('links years past the limit, and a year past it links its months', () => {
    // Limit 2: 2024 has three stories (March, March, May), 2023 has one.
    const [topic] = topicsOf([
      story('d', '2024-05-02', ['unions']),
      story('c', '2024-03-09', ['unions']),
      story('b', '2024-03-01', ['unions']),
      story('a', '2023-01-01', ['unions']),
    ]);
    const pages = topicPages(topic!, 2);
    const shown = (links: readonly { label: string; path: string; count: number; current?: boolean }[]) => links.map((l) => `${l.label}${l.current ? '*' : ''}:${l.count}`);
    expect(pages.map((p) => [p.path, p.stories.map((s) => s.id), shown(p.years), shown(p.months), p.covers.map((s) => s.id)])).toEqual([
      ['topics/unions/', [], ['2024:3', '2023:1'], [], ['d', 'c', 'b', 'a']],
      ['topics/unions/2024/', [], ['2024*:3', '2023:1'], ['March:2', 'May:1'], ['d', 'c', 'b']],
      ['topics/unions/2024/03/', ['c', 'b'], ['2024*:3', '2023:1'], ['March*:2', 'May:1'], ['c', 'b']],
      ['topics/unions/2024/05/', ['d'], ['2024*:3', '2023:1'], ['March:2', 'May*:1'], ['d']],
      ['topics/unions/2023/', ['a'], ['2024:3', '2023*:1'], [], ['a']],
    ]);
    expect(pages.map((p) => [p.year, p.month])).toEqual([[undefined, undefined], [2024, undefined], [2024, 3], [2024, 5], [2023, undefined]]);
  });
});

describe('topicCast', () => {
  const person = (id: string, name: string) => ({ kind: 'person', id: id as PersonId, name, summary: `Who ${name} is.`, body: 'Long text.' }) as PersonRecord;
  const event = (id: string, date: string) => ({ kind: 'event', id: id as EventId, title: `Event ${id}`, date: partialDate(date), summary: 'What happened.', body: 'Long text.' }) as EventRecord;
  const ana = person('ana', 'Ana Lima');
  const ben = person('ben', 'Ben Ortiz');
  const cy = person('cy', 'Cy Adams');
  const strike = event('strike', '2024-03-01');
  const talks = event('talks', '2024-02-01');
  const deal = event('deal', '2024-04-01');
  const stories = [story('a', '2024-04-02', ['port']), story('b', '2024-03-02', ['port']), story('c', '2024-02-02', ['port'])];
  const cast: Record<string, { people: PersonRecord[]; events: EventRecord[] }> = {
    a: { people: [ben, ana], events: [deal, strike] },
    b: { people: [ana, cy], events: [strike] },
    c: { people: [cy, ben], events: [talks] },
  };
  const graph = { storyPeople: (id: StoryId) => cast[id]!.people, storyEvents: (id: StoryId) => cast[id]!.events };

  it('names the people its stories name most, then by name, each with how many of its stories name them', () => {
    expect(topicCast({ stories }, graph).people.map((p) => [p.id, p.stories])).toEqual([['ana', 2], ['ben', 2], ['cy', 2]]);
    expect(topicCast({ stories: stories.slice(0, 2) }, graph).people.map((p) => [p.id, p.stories])).toEqual([['ana', 2], ['ben', 1], ['cy', 1]]);
  });

  it('names the events covered most, the later of equal weight, in the order they happened', () => {
    expect(topicCast({ stories }, graph, { people: 0, events: 2 }).events.map((e) => e.id)).toEqual(['strike', 'deal']);
    expect(topicCast({ stories }, graph).events.map((e) => e.id)).toEqual(['talks', 'strike', 'deal']);
  });

  it('holds only what the page shows: an edited body leaves the topic page as it was', () => {
    expect(JSON.stringify(topicCast({ stories }, graph))).not.toContain('Long text.');
  });
});
