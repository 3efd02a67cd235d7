/**
 * A person's or event's coverage: the stories that mention it, newest first.
 * The record's own page quotes the latest and lists the next by title. A head
 * of government is in a large share of a newsroom's stories, and a list of
 * them all grows with the archive: a person in 1,613 of 4,000 stories had
 * 250 KB of titles on their page. So a record's page lists at most
 * RECORD_PAGE_STORIES, and a record in more stories than that has a page per
 * year with every story of that year (`people/<id>/stories/<year>/`), linked
 * from its page with each year's count.
 */
import { storiesByYear, yearCounts, type ArchiveYear } from './archive.ts';
import type { Mention } from './mentions.ts';
import { recordPath, type EventRecord, type PersonRecord, type StoryRecord } from './records.ts';

/**
 * Stories quoted on a person's or event's page, newest first, each with the
 * sentences that name the record. A person in thousands of stories would
 * otherwise carry every sentence that names them: 57 KB of a 106 KB page at
 * 10,000 stories.
 */
export const QUOTED_STORIES = 20;

/** Stories a person's or event's page lists in all: the quoted ones, then the next by title and date. */
export const RECORD_PAGE_STORIES = 100;

/** A story with every mention of one record in it. */
export interface StoryCitation {
  story: StoryRecord;
  mentions: readonly Mention[];
}

/** A year of a record's coverage, for the list of years: how many of its stories that year has. */
export interface CoverageYearLink {
  year: number;
  count: number;
}

/** What a person's or event's page shows of the stories that mention it. */
export interface Coverage {
  /** The latest stories (at most QUOTED_STORIES), newest first, with each mention. */
  stories: StoryCitation[];
  /** The stories after those, newest first, listed by title: RECORD_PAGE_STORIES in all at most. */
  olderStories: StoryRecord[];
  /** How many stories mention the record in all. */
  storiesInAll: number;
  /** When the page cannot list them all: every year with stories, newest first, with its count; each year has its page. Empty otherwise. */
  storyYears: CoverageYearLink[];
}

/** The coverage a record's page shows, from all its stories (newest first). */
export function coverageOf(citations: readonly StoryCitation[]): Coverage {
  const listed = citations.slice(0, RECORD_PAGE_STORIES);
  return {
    stories: listed.slice(0, QUOTED_STORIES),
    olderStories: listed.slice(QUOTED_STORIES).map((c) => c.story),
    storiesInAll: citations.length,
    storyYears: yearCounts(coverageYears(citations)),
  };
}

/**
 * The years of a record's coverage, newest first, each with its stories
 * (newest first), when the record is in more stories than its page lists;
 * otherwise none.
 */
export function coverageYears(citations: readonly StoryCitation[]): ArchiveYear[] {
  return citations.length > RECORD_PAGE_STORIES ? storiesByYear(citations.map((c) => c.story)) : [];
}

/** A page of a year of a record's coverage: what it shows, and nothing else (its cache key). */
export interface CoverageYearPage {
  record: { kind: 'person' | 'event'; id: string };
  /** The person's name or the event's title. */
  name: string;
  year: number;
  /** That year's stories, newest first. */
  stories: readonly StoryRecord[];
  /** Every year of the record's stories, newest first, with its count. */
  years: readonly CoverageYearLink[];
  /** How many stories in all. */
  inAll: number;
}

/** The year pages of a person's or event's coverage (none when its own page lists every story). */
export function coverageYearPages(record: Pick<PersonRecord | EventRecord, 'kind' | 'id'>, name: string, citations: readonly StoryCitation[]): CoverageYearPage[] {
  const years = coverageYears(citations);
  const links = yearCounts(years);
  return years.map(({ year, stories }) => ({ record: { kind: record.kind, id: record.id }, name, year, stories, years: links, inAll: citations.length }));
}

/** The page of a year of a person's or event's coverage, below the base: `people/<id>/stories/<year>/`. */
export function coveragePath(record: CoverageYearPage['record'], year: number): string {
  return `${recordPath(record)}stories/${year}/`;
}
