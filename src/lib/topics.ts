/**
 * Topics: the stories' tags, each with a page of its stories, so a reader of
 * one story about the port strike can find the others.
 *
 * A topic's page lists its stories newest first. A topic as big as a year of
 * the archive is split the same way (see `archive.ts`): past
 * ARCHIVE_YEAR_ONE_PAGE stories it links a page per year, and a year past
 * that links a page per month. The pages are planned here, pure, and one
 * route renders them all.
 */
import type { EventRecord, PersonRecord, StoryRecord } from './records.ts';
import type { Graph } from './graph.ts';
import { shownEvent, type NextEvent } from './what-next.ts';
import { compareDates } from './dates.ts';
import { recordPath } from './records.ts';
import type { LinkIndex } from './resolve.ts';
import { ARCHIVE_YEAR_ONE_PAGE, archiveMonths, storiesByYear } from './archive.ts';
import { digestOf } from './digest.ts';
import { idFor } from './ids.ts';
import { groupBy } from './group.ts';
import { monthName } from './dates.ts';

/** The topics' index page, below the base. */
export const TOPICS_PATH = 'topics/';

/** A topic: the stories tagged with it. */
export interface Topic {
  /** Its URL segment: the tag in lower-case Latin letters, digits and hyphens. */
  slug: string;
  /** The tag as its newest story spells it. */
  label: string;
  /** Newest first. */
  stories: readonly StoryRecord[];
}

/** A longer segment is cut, and a digest of the whole keeps it apart: a file name has a length limit (255 bytes on most disks). */
const SLUG_LIMIT = 60;

/**
 * A tag's URL segment. Tags that differ only in case, accents or punctuation
 * ("Russia investigation", "russia-investigation") are one topic; an
 * apostrophe inside a word joins it, as in ids ("Women's football" →
 * `womens-football`, "O'Brien" → `obrien`). Cyrillic
 * and Greek are written in Latin letters; a tag with no letter or digit left
 * (other scripts) gets a segment from its digest, so it still has a page.
 */
export function topicSlug(tag: string): string {
  const text = tag.normalize('NFC');
  const slug = idFor(text);
  if (!slug) return `topic-${digestOf(text.toLowerCase()).slice(0, 10)}`;
  if (slug.length <= SLUG_LIMIT) return slug;
  return `${slug.slice(0, SLUG_LIMIT - 11).replace(/-+$/, '')}-${digestOf(slug).slice(0, 10)}`;
}

/**
 * A topic's name as a heading or list entry: a tag written all in lower case
 * ("russia investigation", as tags often are) starts with a capital there;
 * one with any capital ("FBI", "iPhone sales") is the editor's spelling and kept.
 * A tag that is a person's name or an event's title in lower case (`named`)
 * is written as they are: "jeff sessions" is "Jeff Sessions".
 */
export function topicHeading(label: string, named?: Pick<TopicNames, 'label'>): string {
  if (label !== label.toLocaleLowerCase()) return label;
  // "jeff sessions" heads its page as the person's name is written.
  if (named && named.label.toLocaleLowerCase() === label) return named.label;
  const [first = ''] = label;
  return first.toLocaleUpperCase() + label.slice(first.length);
}

/** The person or event a tag names: its page says who or what it is. */
export interface TopicNames {
  kind: 'person' | 'event';
  /** The person's name or the event's title. */
  label: string;
  /** Its page, below the base. */
  path: string;
}

/**
 * The person or event a tag names, as a `[[…]]` link would find it ("jeff
 * sessions" is Jeff Sessions): a topic page that looks like a person's page
 * says where theirs is.
 */
export function namedByTopic(label: string, index: Pick<LinkIndex, 'lookup'>): TopicNames | undefined {
  const found = index.lookup(label);
  return found ? { kind: found.target.kind, label: found.label, path: recordPath(found.target) } : undefined;
}

/** The path of a topic's page, below the base: `topics/russia-investigation/`. */
export const topicPath = (slug: string, year?: number, month?: number): string =>
  `${TOPICS_PATH}${slug}/${year === undefined ? '' : `${year}/`}${month === undefined ? '' : `${String(month).padStart(2, '0')}/`}`;

/** Every topic of the stories (given newest first), in the order of their labels. */
export function topicsOf(storiesByDate: readonly StoryRecord[]): Topic[] {
  const tagged = storiesByDate.flatMap((story) => [...new Set(story.tags.map(topicSlug))].map((slug) => ({ slug, story })));
  const topics = [...groupBy(tagged, (entry) => entry.slug)].map(([slug, entries]): Topic => {
    const newest = entries[0]!.story;
    return { slug, label: newest.tags.find((tag) => topicSlug(tag) === slug)!, stories: entries.map((entry) => entry.story) };
  });
  return topics.sort((a, b) => a.label.localeCompare(b.label) || a.slug.localeCompare(b.slug));
}

/** A link to one page of a split topic, with its count. */
export interface TopicLink {
  label: string;
  path: string;
  count: number;
  /** The link to the page it is on. */
  current?: boolean;
}

/** One page of a topic. */
export interface TopicPage {
  topic: Pick<Topic, 'slug' | 'label'>;
  /** Below the base: `topics/<slug>/`, `topics/<slug>/2017/` or `topics/<slug>/2017/03/`. */
  path: string;
  /** The topic's stories in all. */
  count: number;
  /** The year or month this page holds, if it is one of a split topic's. */
  year?: number;
  month?: number;
  /** The stories listed here (none when the page links its years or months instead). */
  stories: readonly StoryRecord[];
  /** The stories the page covers, listed or behind its links: its last change is theirs. */
  covers: readonly StoryRecord[];
  /** The months of this page's year when it has too many stories to list. */
  months: readonly TopicLink[];
  /** The topic's years, when it is split by year. */
  years: readonly TopicLink[];
}

/**
 * A topic's pages: one listing every story while there are at most `limit`;
 * past that, the topic's page links its years and each year has a page,
 * which in turn links its months when it holds more than `limit`.
 */
export function topicPages(topic: Topic, limit = ARCHIVE_YEAR_ONE_PAGE): TopicPage[] {
  const base = { topic: { slug: topic.slug, label: topic.label }, count: topic.stories.length };
  if (topic.stories.length <= limit) {
    return [{ ...base, path: topicPath(topic.slug), stories: topic.stories, covers: topic.stories, months: [], years: [] }];
  }
  const byYear = storiesByYear(topic.stories);
  const yearLinks = (current?: number): TopicLink[] =>
    byYear.map(({ year, stories }) => ({ label: String(year), path: topicPath(topic.slug, year), count: stories.length, ...(year === current ? { current: true } : {}) }));
  const pages: TopicPage[] = [{ ...base, path: topicPath(topic.slug), stories: [], covers: topic.stories, months: [], years: yearLinks() }];
  for (const entry of byYear) {
    const months = archiveMonths(entry, limit);
    const monthLinks = (current?: number): TopicLink[] =>
      months.map(({ month, stories }) => ({ label: monthName(month), path: topicPath(topic.slug, entry.year, month), count: stories.length, ...(month === current ? { current: true } : {}) }));
    pages.push({ ...base, path: topicPath(topic.slug, entry.year), year: entry.year, stories: months.length > 0 ? [] : entry.stories, covers: entry.stories, months: monthLinks(), years: yearLinks(entry.year) });
    for (const { month, stories } of months) {
      pages.push({ ...base, path: topicPath(topic.slug, entry.year, month), year: entry.year, month, stories, covers: stories, months: monthLinks(month), years: yearLinks(entry.year) });
    }
  }
  return pages;
}

/** People and events a topic's page names at most. */
export const TOPIC_CAST = { people: 8, events: 10 };

/** A person a topic's page names: enough to link and introduce them, and how many of its stories name them. */
export type TopicPerson = Pick<PersonRecord, 'kind' | 'id' | 'name' | 'summary'> & Partial<Pick<PersonRecord, 'died'>> & { stories: number };

/** Who and what a topic is about, from its stories. */
export interface TopicCast {
  /** The people its stories name most, most first (then by name). */
  people: TopicPerson[];
  /** The events its stories cover most, in the order they happened. */
  events: NextEvent[];
}

/**
 * The people and events of a topic's stories, the most named first: a reader
 * new to the port strike meets its people and how it went before choosing a
 * story. Each story is read once, with the lists the graph already has.
 */
export function topicCast(topic: Pick<Topic, 'stories'>, graph: Pick<Graph, 'storyPeople' | 'storyEvents'>, limits = TOPIC_CAST): TopicCast {
  const people = new Map<PersonRecord, number>();
  const events = new Map<EventRecord, number>();
  for (const story of topic.stories) {
    for (const person of graph.storyPeople(story.id)) people.set(person, (people.get(person) ?? 0) + 1);
    for (const event of graph.storyEvents(story.id)) events.set(event, (events.get(event) ?? 0) + 1);
  }
  const most = <T>(counts: Map<T, number>, order: (a: T, b: T) => number, limit: number) => [...counts].sort(([a, ca], [b, cb]) => cb - ca || order(a, b)).slice(0, limit);
  return {
    people: most(people, (a, b) => a.name.localeCompare(b.name), limits.people).map(([{ kind, id, name, summary, died }, stories]) => ({ kind, id, name, summary, stories, ...(died ? { died } : {}) })),
    // Of equal weight, the later event: how things stand.
    events: most(events, (a, b) => compareDates(b.date, a.date), limits.events)
      .map(([event]) => shownEvent(event))
      .sort((a, b) => compareDates(a.date, b.date)),
  };
}
