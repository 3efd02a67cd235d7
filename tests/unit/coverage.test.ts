/**
 * A record's coverage: its page quotes the latest stories and lists the next
 * by title, RECORD_PAGE_STORIES in all; a record in more stories has a page
 * per year with every story of that year.
 */
import { describe, expect, it } from 'vitest';
import { coverageOf, coveragePath, coverageYearPages, coverageYears, QUOTED_STORIES, RECORD_PAGE_STORIES, type StoryCitation } from '../../src/lib/coverage.ts';
import { parseTimestamp } from '../../src/lib/dates.ts';
import type { StoryRecord } from '../../src/lib/records.ts';
import type { PersonId } from '../../src/lib/ids.ts';

/** `n` stories, newest first, `perYear` to a year from 2025 down, each with one mention. */
function citations(n: number, perYear = 10): StoryCitation[] {
  return Array.from({ length: n }, (_, i) => {
    const year = 2025 - Math.floor(i / perYear);
    // The year is what counts here; the list keeps the order given within it.
    const month = String(12 - ((i % perYear) % 12)).padStart(2, '0');
    const parsed = parseTimestamp(`${year}-${month}-01`);
    if (!parsed.ok) throw new Error(parsed.message);
    const story = { kind: 'story', id: `s${i}`, title: `Story ${i}`, published: parsed.value } as unknown as StoryRecord;
    return { story, mentions: [{ sentence: 'A named B.', start: 0, end: 1 }] } as unknown as StoryCitation;
  });
}
const ids = (stories: readonly (StoryRecord | StoryCitation)[]) => stories.map((s) => ('story' in s ? s.story.id : s.id));

describe('coverageOf', () => {
  it.each([
    { n: 0, quoted: 0, older: 0, years: 0 },
    { n: 1, quoted: 1, older: 0, years: 0 },
    { n: QUOTED_STORIES, quoted: QUOTED_STORIES, older: 0, years: 0 },
    { n: QUOTED_STORIES + 1, quoted: QUOTED_STORIES, older: 1, years: 0 },
    { n: RECORD_PAGE_STORIES, quoted: QUOTED_STORIES, older: RECORD_PAGE_STORIES - QUOTED_STORIES, years: 0 },
    // One story past what the page lists: every year gets its page (101 stories, 10 a year: 11 years).
    { n: RECORD_PAGE_STORIES + 1, quoted: QUOTED_STORIES, older: RECORD_PAGE_STORIES - QUOTED_STORIES, years: 11 },
    { n: 1613, quoted: QUOTED_STORIES, older: RECORD_PAGE_STORIES - QUOTED_STORIES, years: 162 },
  ])('$n stories: $quoted quoted, $older by title, $years year pages', ({ n, quoted, older, years }) => {
    const all = citations(n);
    const coverage = coverageOf(all);
    expect(coverage.stories).toHaveLength(quoted);
    expect(coverage.olderStories).toHaveLength(older);
    expect(coverage.storiesInAll).toBe(n);
    expect(coverage.storyYears).toHaveLength(years);
    // Newest first and each story once: the quoted, then the listed, are the start of the whole list.
    expect([...ids(coverage.stories), ...ids(coverage.olderStories)]).toEqual(ids(all).slice(0, quoted + older));
    // The years' counts add up to every story.
    if (years > 0) expect(coverage.storyYears.reduce((sum, y) => sum + y.count, 0)).toBe(n);
  });

  it('keeps each quoted story’s mentions', () => {
    const all = citations(3);
    expect(coverageOf(all).stories).toEqual(all);
  });
});

describe('coverageYears and coverageYearPages', () => {
  it('put every story on the page of its year, newest year first, in the order given', () => {
    const all = citations(RECORD_PAGE_STORIES + 5, 30);
    const years = coverageYears(all);
    expect(years.map((y) => y.year)).toEqual([2025, 2024, 2023, 2022]);
    expect(years.flatMap((y) => ids(y.stories))).toEqual(ids(all));
    expect(years.map((y) => y.stories.length)).toEqual([30, 30, 30, 15]);
  });

  it('give no pages to a record whose own page lists every story', () => {
    expect(coverageYears(citations(RECORD_PAGE_STORIES))).toEqual([]);
    expect(coverageYearPages({ kind: 'person', id: 'a' as PersonId }, 'A', citations(RECORD_PAGE_STORIES))).toEqual([]);
  });

  it('give each year page its stories, every year with its count, and the total', () => {
    const all = citations(RECORD_PAGE_STORIES + 5, 30);
    const pages = coverageYearPages({ kind: 'person', id: 'a' as PersonId }, 'Ana A', all);
    expect(pages.map((p) => p.year)).toEqual([2025, 2024, 2023, 2022]);
    for (const page of pages) {
      expect(page).toMatchObject({ record: { kind: 'person', id: 'a' }, name: 'Ana A', inAll: RECORD_PAGE_STORIES + 5 });
      expect(page.years).toEqual([
        { year: 2025, count: 30 },
        { year: 2024, count: 30 },
        { year: 2023, count: 30 },
        { year: 2022, count: 15 },
      ]);
      expect(page.stories.every((s) => s.published.day.year === page.year)).toBe(true);
    }
  });
});

describe('coveragePath', () => {
  it.each([
    [{ kind: 'person' as const, id: 'ana-a' }, 2019, 'people/ana-a/stories/2019/'],
    [{ kind: 'event' as const, id: 'vote-2019' }, 2020, 'events/vote-2019/stories/2020/'],
  ])('%j in %i → %s', (record, year, path) => {
    expect(coveragePath(record, year)).toBe(path);
  });
});
