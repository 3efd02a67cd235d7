/**
 * The story archive: years newest first, each story in the year it was
 * published as written; a year with more stories than one page lists, by month.
 */
import { describe, expect, it } from 'vitest';
import { ARCHIVE_YEAR_ONE_PAGE, archiveMonthPath, archiveMonths, archivePath, storiesByYear } from '../../src/lib/archive.ts';
import { pageLastmods } from '../../src/lib/feeds.ts';
import type { StoryRecord } from '../../src/lib/records.ts';
import { parseTimestamp } from '../../src/lib/dates.ts';

function story(id: string, published: string): StoryRecord {
  const parsed = parseTimestamp(published);
  if (!parsed.ok) throw new Error(parsed.message);
  return { kind: 'story', id, published: parsed.value, tags: [] } as unknown as StoryRecord;
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

describe('archiveMonths', () => {
  /** `n` stories of 2017, newest first, spread over the months given (one after another, from the last). */
  const year = (n: number, months: number[]) => {
    const stories = Array.from({ length: n }, (_, i) => {
      const month = months[months.length - 1 - Math.floor((i * months.length) / n)]!;
      return story(`s${i}`, `2017-${String(month).padStart(2, '0')}-${String(28 - (i % 28)).padStart(2, '0')}`);
    });
    return { year: 2017, stories };
  };

  it.each([0, 1, ARCHIVE_YEAR_ONE_PAGE])('leaves a year of %i stories on one page', (n) => {
    expect(archiveMonths(year(n, [1, 6, 12]))).toEqual([]);
  });

  it(`splits a year of ${ARCHIVE_YEAR_ONE_PAGE + 1} stories by month, January first, each story once and in its order`, () => {
    const entry = year(ARCHIVE_YEAR_ONE_PAGE + 1, [2, 3, 11]);
    const months = archiveMonths(entry);
    expect(months.map(({ year, month }) => [year, month])).toEqual([
      [2017, 2],
      [2017, 3],
      [2017, 11],
    ]);
    for (const { month, stories } of months) {
      expect(stories.every((s) => s.published.day.month === month)).toBe(true);
      // Newest first, as the year lists them.
      expect(stories).toEqual(entry.stories.filter((s) => s.published.day.month === month));
    }
    expect(months.flatMap((m) => m.stories)).toHaveLength(entry.stories.length);
  });

  it('takes another limit', () => {
    expect(archiveMonths(year(3, [4, 5]), 2).map((m) => m.month)).toEqual([4, 5]);
  });

  it('names a month page with two digits, and dates it in the sitemap by its latest story', () => {
    expect(archiveMonthPath(2017, 3)).toBe('archive/2017/03/');
    expect(archiveMonthPath(2017, 11)).toBe('archive/2017/11/');
    const entry = year(ARCHIVE_YEAR_ONE_PAGE + 1, [3, 11]);
    const graph = { storiesByDate: entry.stories, people: new Map(), events: new Map(), personStories: () => [], eventStories: () => [], storyEvents: () => [] };
    const lastmods = pageLastmods(graph as unknown as Parameters<typeof pageLastmods>[0]);
    expect(lastmods.get('archive/2017/11/')).toBe('2017-11-28T12:00:00Z');
    const latestInMarch = Math.max(...entry.stories.filter((s) => s.published.day.month === 3).map((s) => s.published.day.day!));
    expect(lastmods.get('archive/2017/03/')).toBe(`2017-03-${latestInMarch}T12:00:00Z`);
    expect(lastmods.get(archivePath(2017))).toBe('2017-11-28T12:00:00Z');
  });
});
