/** The story archive: years newest first, each story in the year it was published as written. */
import { describe, expect, it } from 'vitest';
import { archivePath, storiesByYear } from '../../src/lib/archive.ts';
import { pageLastmods } from '../../src/lib/feeds.ts';
import type { StoryRecord } from '../../src/lib/records.ts';
import { parseTimestamp } from '../../src/lib/dates.ts';

function story(id: string, published: string): StoryRecord {
  const parsed = parseTimestamp(published);
  if (!parsed.ok) throw new Error(parsed.message);
  return { kind: 'story', id, published: parsed.value } as unknown as StoryRecord;
}

describe('storiesByYear', () => {
  it('groups stories by the year they were published, newest year first, keeping their order', () => {
    const stories = [story('c', '2019-03-01'), story('b', '2017-12-31T23:30:00-05:00'), story('a', '2017-06-07')];
    expect(storiesByYear(stories).map(({ year, stories }) => [year, stories.map((s) => s.id)])).toEqual([
      [2019, ['c']],
      // Late on 31 December in New York is 2018 in UTC; the year as written counts.
      [2017, ['b', 'a']],
    ]);
    expect(storiesByYear([])).toEqual([]);
  });

  it('dates each year page in the sitemap by its latest story', () => {
    const a = story('a', '2017-06-07');
    const b = story('b', '2018-01-01');
    const graph = { storiesByDate: [b, a], people: new Map(), events: new Map(), personStories: () => [], eventStories: () => [], storyEvents: () => [] };
    const lastmods = pageLastmods(graph as unknown as Parameters<typeof pageLastmods>[0]);
    expect(lastmods.get(archivePath(2018))).toBe('2018-01-01T12:00:00Z');
    expect(lastmods.get(archivePath(2017))).toBe('2017-06-07T12:00:00Z');
    expect(archivePath(2017)).toBe('archive/2017/');
  });
});
