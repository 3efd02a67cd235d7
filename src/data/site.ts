/**
 * The site's data, once per build: the records with their cross-link graph,
 * which all pages share. A build takes the site the content check assembled;
 * the dev server reads every collection a single time here and assembles it.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventFields, type EventRecord, type PersonRecord, type StoryRecord } from '../lib/records.ts';
import { rolesEndedAtDeath } from '../lib/roles.ts';
import type { EventId, PersonId, StoryId } from '../lib/ids.ts';
import { assembleSite, type Site } from '../lib/site.ts';
import { checkedSite } from '../integrations/checked-site.ts';
import { releaseExtractions } from '../lib/extract.ts';
import { withBase } from '../lib/paths.ts';
import { ContentError } from '../lib/errors.ts';
import { isScheduled } from '../lib/drafts.ts';
import type { Timestamp } from '../lib/dates.ts';
import { bodyLineOf, fieldLocator, sharedLinkId, shownPath, splitFrontmatter } from '../lib/load.ts';
import { renderer } from '../markdown/render.ts';
import { loaderProblems } from '../loaders/loader-problems.ts';
import { cacheDir, contentDir, dateStyle, editBaseUrl, publicDir, siteUrl } from '../site-config.ts';
import { pageKey } from '../lib/page-views.ts';
import { storiesByYear, yearCounts } from '../lib/archive.ts';
import { planTimeline } from '../lib/timeline-pages.ts';
import { planPeopleIndex } from '../lib/people-index.ts';
import { topicsOf } from '../lib/topics.ts';

type Entry = CollectionEntry<'stories' | 'people' | 'events'>;

/** The build's day, the same for every page: a story's age label counts from it, and a story dated later waits. */
export const buildDay = new Date();

// Drafts and stories scheduled for later show in the dev server only.
const published = ({ data }: { data: { draft: boolean; published?: Timestamp } }) => import.meta.env.DEV || (!data.draft && !(data.published && isScheduled({ published: data.published }, buildDay)));

/**
 * The records here count their body's lines from 1 (see `source`), so positions
 * found in it are lines of the body. Only when something is wrong are the files read again
 * to turn them into lines of the file.
 */
function withFileLines<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    // A field's problem is placed by its record's `locate`, in lines of the file already.
    throw new ContentError(error.issues.map((i) => (i.line === undefined || i.field !== undefined ? i : { ...i, line: i.line + bodyLineOf(i.file) - 1 })));
  }
}

/** A record's file as messages name it: a folder outside the project by its whole path, not `../../`. */
const fileOf = (folder: 'stories' | 'people' | 'events', id: string) => shownPath(join(contentDir, folder, `${id}.md`));

/**
 * Where a record comes from, its body, and where its fields are, read from its
 * file: the content store holds no bodies (see the loader), and a message about
 * a field (an id no one has) names its line.
 */
function source(folder: 'stories' | 'people' | 'events', entry: Entry) {
  const text = readFileSync(join(contentDir, folder, `${entry.id}.md`), 'utf8');
  const split = splitFrontmatter(text);
  return { file: fileOf(folder, entry.id), body: split?.body ?? text, bodyLine: 1, ...(split ? { locate: fieldLocator(split) } : {}) };
}

/** The site from Astro's collections: the dev server, and a build without the content check. */
async function collectedSite(): Promise<Site> {
  // A file the loader could not take would be missing, or stale, below: its problems come first.
  const problems = await loaderProblems();
  if (problems.length > 0) throw new ContentError(problems);
  const [storyEntries, personEntries, eventEntries] = await Promise.all([
    getCollection('stories', published),
    getCollection('people', published),
    getCollection('events', published),
  ]);
  // Each collection is loaded on its own: a person and an event of one id are found here, as the build's loading finds them.
  const personIds = new Set(personEntries.map((e) => e.id));
  const shared = eventEntries.filter((e) => personIds.has(e.id)).map((e) => sharedLinkId(e.id, fileOf('events', e.id), fileOf('people', e.id), 'events'));
  if (shared.length > 0) throw new ContentError(shared);
  return withFileLines(() => assembleSite(
    {
      stories: storyEntries.map((e): StoryRecord => ({ ...e.data, ...source('stories', e), kind: 'story', id: e.id as StoryId, people: e.data.people as PersonId[], events: e.data.events as EventId[] })),
      people: personEntries.map((e): PersonRecord => rolesEndedAtDeath({ ...e.data, ...source('people', e), kind: 'person', id: e.id as PersonId })),
      events: eventEntries.map((e): EventRecord => ({ ...eventFields(e.data), ...source('events', e), kind: 'event', id: e.id as EventId, people: e.data.people as PersonId[] })),
    },
    // A body rendered before (at an earlier reload, or by a build: the cache folder) is a lookup.
    // Images are checked against public/ as in a build, so a missing one shows here too.
    { base: import.meta.env.BASE_URL, renderer, cacheDir, publicDir },
  ));
}

/** A build's pages render from the site the content check assembled (see `checked-site.ts`); otherwise it is assembled here. */
export const site = checkedSite(import.meta.env.BASE_URL) ?? (await collectedSite());

// A build needs no body's extraction again; the dev server keeps them for the next reload.
if (!import.meta.env.DEV) releaseExtractions();

export const graph = site.graph;

/** The years that have stories, newest first, each with its stories: the home page's year links and the archive pages. */
export const archiveYears = storiesByYear(graph.storiesByDate);

/** Each of those years with its number of stories: the year links on the home and archive pages. */
export const archiveYearLinks = yearCounts(archiveYears);

/** The stories' tags as topics, each with its stories: the topic pages and their index. */
export const topics = topicsOf(graph.storiesByDate);

/** The main timeline's years, filters and whether it fits on one page: `/timeline/` and the year pages. */
export const timeline = planTimeline(graph, { thisYear: buildDay.getUTCFullYear() });

/** Everyone on `/people/`, or, for a newsroom with many people, the letters and a page per letter. */
export const peopleIndex = planPeopleIndex(graph);


/** A page's cache key from everything it shows (see src/lib/page-views.ts). */
export function keyOf(view: unknown): string {
  return pageKey(view, { site: siteUrl, base: import.meta.env.BASE_URL, editBaseUrl, dateStyle });
}

/** A site-relative path below the base: `url('people/x/')`. */
export function url(path = ''): string {
  return withBase(import.meta.env.BASE_URL, path);
}
