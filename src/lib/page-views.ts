/**
 * What each story, person and event page shows, worked out from the site in
 * one place. A record page renders from its view and its code, nothing else,
 * so a digest of the view is an exact cache key: the same view, the same page.
 * With those keys a rebuild renders again only the pages whose view changed
 * (the story edited, the people and events it names) and reuses the rest from
 * the last build.
 *
 * A view holds the records themselves; its key replaces each record by a
 * digest of the whole record, computed once per record and build.
 */
import { digestOf } from './digest.ts';
import type { Citation, Connection, Graph } from './graph.ts';
import type { Mention } from './mentions.ts';
import type { AnyRecord, EventRecord, PersonRecord, StoryRecord } from './records.ts';
import type { Site } from './site.ts';
import { ageLabel } from './age.ts';
import { editorNotes, type EditorNote } from './structured-data.ts';
import { personTimeline, storyTimeline, type TimelineItem } from './timeline.ts';
import { DEFAULT_MAX_NODES, selectMap, type MapSelection } from './relationship-map.ts';
import type { EventId, PersonId } from './ids.ts';

/** Where a page is published; part of every key, since URLs and links depend on it. */
export interface PageSettings {
  /** The public origin (canonical URLs, structured data). */
  site: string;
  /** The sub-path the site is served under. */
  base: string;
  /** The repository's edit URL ("Edit this page"), when set. */
  editBaseUrl?: string | undefined;
}

/** A story with every mention of one record in it. */
export interface StoryCitation {
  story: StoryRecord;
  mentions: readonly Mention[];
}

export interface StoryView {
  story: StoryRecord;
  /** The body as HTML, its mentions linked. */
  html: string;
  /** "From June 2017" when the story is a year or more older than the build day. */
  age?: string;
  /** Who's who: in order of first mention. */
  people: PersonRecord[];
  /** "How we got here": the story's events with its own publication among them; empty without events. */
  timeline: TimelineItem[];
  /** The cast and how they are connected, when there are two or more. */
  map?: MapSelection;
  /** Editor's notes (corrections), for the article's structured data. */
  notes: EditorNote[];
}

export interface PersonView {
  person: PersonRecord;
  /** The biography as HTML. */
  html: string;
  /** The latest stories that mention the person (at most QUOTED_STORIES), newest first, with each mention. */
  stories: StoryCitation[];
  /** The stories before those, newest first, listed by title. */
  olderStories: StoryRecord[];
  /** Biographies and event descriptions that mention them ("Also mentioned in"). */
  alsoIn: readonly Citation[];
  /** Their roles as spans and the events they took part in; empty when there are neither. */
  timeline: TimelineItem[];
  /** The people they share the most events or stories with (at most PERSON_CONNECTIONS), most shared first. */
  connections: Connection[];
  /** How many people they share events or stories with in all. */
  connectionsInAll: number;
  /** Them and their closest connections. */
  map: MapSelection;
}

export interface EventView {
  event: EventRecord;
  /** The description as HTML. */
  html: string;
  /** Who took part or is mentioned. */
  people: PersonRecord[];
  /** The latest stories that cover it (at most QUOTED_STORIES), newest first, with each mention. */
  stories: StoryCitation[];
  /** The stories before those, newest first, listed by title. */
  olderStories: StoryRecord[];
  /** Biographies and event descriptions that mention it. */
  alsoIn: readonly Citation[];
  /** The events just before and after it. */
  previous?: EventRecord;
  next?: EventRecord;
}

/** People on a person page's map: legible on a phone. */
export const PERSON_MAP_NODES = 12;

/**
 * People in a person page's list of connections. Someone in the news for
 * years shares stories with hundreds; the list keeps those they share the
 * most with, so it stays the same length as the archive grows.
 */
export const PERSON_CONNECTIONS = 24;

/**
 * Stories quoted on a person's or event's page, newest first; older ones are
 * listed by title and date. A person in thousands of stories would otherwise
 * carry every sentence that names them: 57 KB of a 106 KB page at 10,000 stories.
 */
export const QUOTED_STORIES = 20;

/** The relationship map of some people, from the graph's connections. */
export function mapOf(graph: Pick<Graph, 'personConnections'>, people: readonly PersonRecord[], options: { maxNodes: number; focus?: PersonId }): MapSelection {
  return selectMap({ people, connections: graph.personConnections }, options);
}

function htmlOf(site: Pick<Site, 'html'>, record: AnyRecord): string {
  const html = site.html.get(record);
  if (html === undefined) throw new Error(`${record.file}: the body was not rendered`);
  return html;
}

/** The story page. `today` is the build's day, for the age label. */
export function storyView(site: Pick<Site, 'graph' | 'html'>, story: StoryRecord, today: Date): StoryView {
  const { graph } = site;
  const people = graph.storyPeople(story.id);
  const events = graph.storyEvents(story.id);
  const age = ageLabel(story.published.day, today);
  const nameOf = (target: string) => graph.people.get(target as PersonId)?.name ?? graph.events.get(target as EventId)?.title;
  return {
    story,
    html: htmlOf(site, story),
    ...(age ? { age } : {}),
    people,
    timeline: events.length > 0 ? storyTimeline(events, story.published.day, story.title) : [],
    ...(people.length > 1 ? { map: mapOf(graph, people, { maxNodes: DEFAULT_MAX_NODES }) } : {}),
    notes: editorNotes(story.body, nameOf),
  };
}

/** The person page. */
export function personView(site: Pick<Site, 'graph' | 'html'>, person: PersonRecord): PersonView {
  const { graph } = site;
  const events = graph.personEvents(person.id);
  const connections = graph.personConnections(person.id);
  return {
    person,
    html: htmlOf(site, person),
    ...splitStories(graph.personStories(person.id)),
    alsoIn: notFromStories(graph.citationsOf({ kind: 'person', id: person.id })),
    timeline: events.length > 0 || person.roles.length > 0 ? personTimeline(person.roles, events) : [],
    connections: connections.slice(0, PERSON_CONNECTIONS),
    connectionsInAll: connections.length,
    map: mapOf(graph, graph.peopleByName, { maxNodes: PERSON_MAP_NODES, focus: person.id }),
  };
}

/** The event page. */
export function eventView(site: Pick<Site, 'graph' | 'html'>, event: EventRecord): EventView {
  const { graph } = site;
  const { previous, next } = graph.eventNeighbours(event.id);
  return {
    event,
    html: htmlOf(site, event),
    people: graph.eventPeople(event.id),
    ...splitStories(graph.eventStories(event.id)),
    alsoIn: notFromStories(graph.citationsOf({ kind: 'event', id: event.id })),
    ...(previous ? { previous } : {}),
    ...(next ? { next } : {}),
  };
}

/** The latest stories, quoted, and the older ones, by title. */
function splitStories(citations: readonly StoryCitation[]): { stories: StoryCitation[]; olderStories: StoryRecord[] } {
  return { stories: citations.slice(0, QUOTED_STORIES), olderStories: citations.slice(QUOTED_STORIES).map((c) => c.story) };
}

// Stories have their own list on record pages, with links to the paragraph.
function notFromStories(citations: readonly Citation[]): Citation[] {
  return citations.filter((c) => c.source.kind !== 'story');
}

const recordDigests = new WeakMap<object, string>();

function isRecord(value: unknown): value is AnyRecord {
  return typeof value === 'object' && value !== null && 'kind' in value && 'id' in value && 'file' in value;
}

/**
 * A page's cache key: a digest of everything it renders. Records count whole
 * (every field, the raw body included), so an edit anywhere in a record a
 * page shows changes that page's key, even where the page shows only a part.
 */
export function pageKey(view: unknown, settings: PageSettings): string {
  return digestOf([settings, view], (_key, value) => {
    if (!isRecord(value)) return value;
    let digest = recordDigests.get(value);
    if (digest === undefined) recordDigests.set(value, (digest = `${value.kind}:${value.id}:${digestOf(value)}`));
    return digest;
  });
}
