/**
 * The story archive: the home page shows the latest stories, and a page per
 * year lists all of that year's. A newsroom with years of stories would
 * otherwise send every reader of the home page the whole list: 2 MB of HTML
 * (150 KB gzipped) at 10,000 stories.
 */
import type { StoryRecord } from './records.ts';

/** How many of the latest stories the home page shows. */
export const HOME_STORIES = 20;

/** One year of stories, newest first. */
export interface ArchiveYear {
  year: number;
  stories: readonly StoryRecord[];
}

/** The years that have stories, newest first, each with its stories in the order given (newest first). */
export function storiesByYear(storiesByDate: readonly StoryRecord[]): ArchiveYear[] {
  const years = new Map<number, StoryRecord[]>();
  for (const story of storiesByDate) {
    // The year as written: a story published late on 31 December stays in that year whatever the zone.
    const { year } = story.published.day;
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(story);
  }
  return [...years].sort((a, b) => b[0] - a[0]).map(([year, stories]) => ({ year, stories }));
}

/** Each year with its number of stories, for a list of year links. */
export const yearCounts = (years: readonly ArchiveYear[]): { year: number; count: number }[] => years.map(({ year, stories }) => ({ year, count: stories.length }));

/** The path of a year's archive page, below the base. */
export const archivePath = (year: number) => `archive/${year}/`;
