/**
 * The story archive: the home page shows the latest stories, and a page per
 * year lists all of that year's. A newsroom with years of stories would
 * otherwise send every reader of the home page the whole list: 2 MB of HTML
 * (150 KB gzipped) at 10,000 stories. A daily newsroom publishes thousands of
 * stories a year, so a year with more than ARCHIVE_YEAR_ONE_PAGE lists its
 * months instead, and each month has its page (`archive/<year>/<month>/`).
 */
import type { StoryRecord } from './records.ts';
import { groupBy } from './group.ts';

/** How many of the latest stories the home page shows. */
export const HOME_STORIES = 20;

/** One year of stories, newest first. */
export interface ArchiveYear {
  year: number;
  stories: readonly StoryRecord[];
}

/** The years that have stories, newest first, each with its stories in the order given (newest first). */
export function storiesByYear(storiesByDate: readonly StoryRecord[]): ArchiveYear[] {
  // The year as written: a story published late on 31 December stays in that year whatever the zone.
  const years = groupBy(storiesByDate, (story) => story.published.day.year);
  return [...years].sort((a, b) => b[0] - a[0]).map(([year, stories]) => ({ year, stories }));
}

/** Each year with its number of stories, for a list of year links. */
export const yearCounts = (years: readonly ArchiveYear[]): { year: number; count: number }[] => years.map(({ year, stories }) => ({ year, count: stories.length }));

/** The path of a year's archive page, below the base. */
export const archivePath = (year: number) => `archive/${year}/`;

/** The archive's front page, listing the years, below the base. */
export const ARCHIVE_PATH = 'archive/';

/** Past this many stories, a year's page links its months instead of listing every story (200 stories make a page of about 60 KB, 9 KB gzipped). */
export const ARCHIVE_YEAR_ONE_PAGE = 200;

/** One month of a year's stories, in the order given (newest first). */
export interface ArchiveMonth {
  year: number;
  /** 1–12. */
  month: number;
  stories: readonly StoryRecord[];
}

/** A year's stories by month, January first, when the year has more than `limit`; none when they fit on the year's page. */
export function archiveMonths(entry: ArchiveYear, limit = ARCHIVE_YEAR_ONE_PAGE): ArchiveMonth[] {
  if (entry.stories.length <= limit) return [];
  // A publication date always has its month and day (see parseTimestamp).
  const months = groupBy(entry.stories, (story) => story.published.day.month!);
  return [...months].sort((a, b) => a[0] - b[0]).map(([month, stories]) => ({ year: entry.year, month, stories }));
}

/** The path of a month's archive page, below the base: `archive/2017/03/`. */
export const archiveMonthPath = (year: number, month: number) => `archive/${year}/${String(month).padStart(2, '0')}/`;
