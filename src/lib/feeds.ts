/**
 * What feed readers and sitemaps get: RSS items, the Atom feed and each
 * page's last-modified date, as pure functions of the records (no Astro).
 *
 * An item's identity (RSS `guid`, Atom `id`) is the story's permanent URL,
 * built from its id alone: updating a story, retitling it or changing its
 * text never makes it look like a new item to a reader's feed.
 */
import { ARCHIVE_PATH, archiveMonthPath, archiveMonths, archivePath, storiesByYear } from './archive.ts';
import { TOPICS_PATH, topicPages, topicsOf } from './topics.ts';
import { coveragePath, coverageYears } from './coverage.ts';
import type { Graph } from './graph.ts';
import type { StoryRecord } from './records.ts';
import { recordPath } from './records.ts';
import { absoluteUrl, lastModified, SITE_NAME, type SiteContext } from './structured-data.ts';
import { isoDateTime, timestampDate } from './dates.ts';
import { SITE_LANG } from './site-language.ts';

export const FEED_TITLE = SITE_NAME;
export const FEED_DESCRIPTION = 'News stories explained: who is who, what happened when, and how it connects.';

/**
 * Stories in each feed: the newest. Feed readers poll a feed again and again,
 * and one of every story was 510 KB at 1,600 stories; the archive has the rest.
 */
export const FEED_ITEMS = 50;

/** Paths of the feeds below the base. */
export const RSS_PATH = 'rss.xml';
export const ATOM_PATH = 'atom.xml';

type FeedStory = Pick<StoryRecord, 'kind' | 'id' | 'title' | 'summary' | 'published' | 'updated' | 'byline' | 'tags' | 'lang'>;

/** A story's stable identity in feeds: its permanent URL, which depends on its id only. */
export function storyGuid(story: Pick<StoryRecord, 'kind' | 'id'>, ctx: SiteContext): string {
  return absoluteUrl(ctx, recordPath(story));
}

/** An RSS item as @astrojs/rss takes it (its `guid` is the `link`, marked as a permalink). */
export interface RssItem {
  title: string;
  link: string;
  description: string;
  pubDate: Date;
  categories: string[];
  customData?: string;
}

/** The newest {@link FEED_ITEMS} stories, newest first, as RSS items. */
export function rssItems(stories: readonly FeedStory[], ctx: SiteContext): RssItem[] {
  return newestFirst(stories).slice(0, FEED_ITEMS).map((story) => ({
    title: story.title,
    link: storyGuid(story, ctx),
    description: story.summary,
    pubDate: timestampDate(story.published),
    categories: [...story.tags],
    ...(story.byline ? { customData: `<dc:creator>${escapeXml(story.byline)}</dc:creator>` } : {}),
  }));
}

/** The Atom feed (RFC 4287) of the newest {@link FEED_ITEMS} stories, written by hand: feed id is the home page, entry ids the story URLs. */
export function atomFeed(stories: readonly FeedStory[], ctx: SiteContext): string {
  const sorted = newestFirst(stories).slice(0, FEED_ITEMS);
  const home = absoluteUrl(ctx);
  // With no stories, the epoch keeps the build reproducible.
  const updated = sorted.length === 0 ? '1970-01-01T00:00:00Z' : latest(sorted.map((s) => isoDateTime(lastModified(s))));
  const entries = sorted.map((story) => {
    const link = storyGuid(story, ctx);
    return [
      story.lang ? `  <entry xml:lang="${escapeXml(story.lang)}">` : '  <entry>',
      `    <id>${escapeXml(link)}</id>`,
      `    <title>${escapeXml(story.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <published>${isoDateTime(story.published)}</published>`,
      `    <updated>${isoDateTime(lastModified(story))}</updated>`,
      ...(story.byline ? [`    <author><name>${escapeXml(story.byline)}</name></author>`] : []),
      `    <summary>${escapeXml(story.summary)}</summary>`,
      ...story.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`),
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${SITE_LANG}">`,
    `  <id>${escapeXml(home)}</id>`,
    `  <title>${escapeXml(FEED_TITLE)}</title>`,
    `  <subtitle>${escapeXml(FEED_DESCRIPTION)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(ctx, ATOM_PATH))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    `  <author><name>${escapeXml(SITE_NAME)}</name><uri>${escapeXml(home)}</uri></author>`,
    `  <icon>${escapeXml(absoluteUrl(ctx, 'favicon.svg'))}</icon>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/**
 * Last-modified dates for the sitemap, by URL path below the base
 * (`stories/x/`). A story's is its `updated` date, else `published`; pages
 * that list stories (home, the archive, a year or month of it, a topic's
 * pages, a person's or event's page and its years of stories, a story's
 * timeline) take the latest of the stories they show. Pages that show no dated story (the people and
 * timeline indexes, search) get none: a guess would mislead.
 */
export function pageLastmods(graph: Pick<Graph, 'storiesByDate' | 'people' | 'events' | 'personStories' | 'eventStories' | 'storyEvents'>): Map<string, string> {
  const out = new Map<string, string>();
  const set = (path: string, stories: readonly Pick<StoryRecord, 'published' | 'updated'>[]) => {
    if (stories.length > 0) out.set(path, latest(stories.map((s) => isoDateTime(lastModified(s)))));
  };
  set('', graph.storiesByDate);
  set(ARCHIVE_PATH, graph.storiesByDate);
  for (const entry of storiesByYear(graph.storiesByDate)) {
    set(archivePath(entry.year), entry.stories);
    for (const { year, month, stories } of archiveMonths(entry)) set(archiveMonthPath(year, month), stories);
  }
  const topics = topicsOf(graph.storiesByDate);
  set(TOPICS_PATH, topics.flatMap((topic) => topic.stories));
  for (const topic of topics) for (const page of topicPages(topic)) set(page.path, page.covers);
  for (const story of graph.storiesByDate) {
    set(recordPath(story), [story]);
    if (graph.storyEvents(story.id).length > 0) set(`timeline/stories/${story.id}/`, [story]);
  }
  for (const [id, person] of graph.people) {
    const citations = graph.personStories(id);
    set(`people/${id}/`, citations.map((s) => s.story));
    for (const { year, stories } of coverageYears(citations)) set(coveragePath(person, year), stories);
  }
  for (const [id, event] of graph.events) {
    const citations = graph.eventStories(id);
    set(`events/${id}/`, citations.map((s) => s.story));
    for (const { year, stories } of coverageYears(citations)) set(coveragePath(event, year), stories);
  }
  return out;
}

function newestFirst<T extends Pick<StoryRecord, 'id' | 'published'>>(stories: readonly T[]): T[] {
  return [...stories].sort((a, b) => timestampDate(b.published).getTime() - timestampDate(a.published).getTime() || a.id.localeCompare(b.id));
}

/** The latest of some ISO date-times (compared as instants). */
function latest(isos: readonly string[]): string {
  return isos.reduce((a, b) => (new Date(b).getTime() > new Date(a).getTime() ? b : a));
}

/** Escapes text for XML, dropping characters XML 1.0 cannot carry at all (control characters). */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
