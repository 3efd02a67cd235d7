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
import type { Connection, Graph } from './graph.ts';
import { coverageOf, type Coverage } from './coverage.ts';
import { alsoMentioned, type AlsoMentioned } from './mentioned-in.ts';
import type { AnyRecord, EventRecord, PersonRecord, StoryRecord } from './records.ts';
import type { Site } from './site.ts';
import { ageLabel } from './age.ts';
import { editorNotes, type EditorNote } from './structured-data.ts';
import { personTimeline, storyTimeline, type TimelineItem } from './timeline.ts';
import { DEFAULT_MAX_NODES, selectMap, type MapInput, type MapSelection, type SelectOptions } from './relationship-map.ts';
import type { EventId, PersonId } from './ids.ts';
import type { DateStyle } from './dates.ts';
import { shownEvent, whatHappenedNext, type NextEvent, type NextItem } from './what-next.ts';
import { earlierEvents } from './backstory.ts';

/** Where a page is published; part of every key, since URLs and links depend on it. */
export interface PageSettings {
  /** The public origin (canonical URLs, structured data). */
  site: string;
  /** The sub-path the site is served under. */
  base: string;
  /** The repository's edit URL ("Edit this page"), when set. */
  editBaseUrl?: string | undefined;
  /** How days are written (`site-config.ts`). */
  dateStyle: DateStyle;
}

export interface StoryView {
  story: StoryRecord;
  /** The body as HTML, its mentions linked. */
  html: string;
  /** "From June 2017" when the story is a year or more older than the build day. */
  age?: string;
  /** Who's who: in order of first mention. */
  people: PersonRecord[];
  /** "How we got here": the story's events and the earlier events of its people, with its own publication among them; empty without events. */
  timeline: TimelineItem[];
  /** The cast and how they are connected, when there are two or more. */
  map?: MapSelection;
  /** "What happened next": later events and stories that share its people or events, oldest first; empty when none. */
  next: NextItem[];
  /** Editor's notes (corrections), for the article's structured data. */
  notes: EditorNote[];
}

/** The person page; the stories that mention them are its `Coverage`, the biographies and events that do are `AlsoMentioned`. */
export interface PersonView extends Coverage, AlsoMentioned {
  person: PersonRecord;
  /** The biography as HTML. */
  html: string;
  /** Their roles as spans and the latest events they took part in (at most PERSON_PAGE_EVENTS); empty when there are neither. */
  timeline: TimelineItem[];
  /** How many events they took part in or are mentioned by, in all: all are on their timeline page. */
  eventsInAll: number;
  /** The people they share the most events or stories with (at most PERSON_CONNECTIONS), most shared first. */
  connections: Connection[];
  /** How many people they share events or stories with in all. */
  connectionsInAll: number;
  /** Them and their closest connections. */
  map: MapSelection;
}

/** The event page; the stories that cover it are its `Coverage`, the biographies and events that mention it are `AlsoMentioned`. */
export interface EventView extends Coverage, AlsoMentioned {
  event: EventRecord;
  /** The description as HTML. */
  html: string;
  /** Who took part or is mentioned. */
  people: PersonRecord[];
  /** The nearest events before and after it that share a person or a story with it. */
  previous?: EventRecord;
  next?: EventRecord;
  /** For a long event: what else its people and stories saw begin while it went on, the first EVENTS_DURING. */
  during: NextEvent[];
  /** Whether more began meanwhile than are listed. */
  duringMore: boolean;
}

/** Events listed as begun while a long event went on: a war of years has hundreds, the first say how it unfolded. */
export const EVENTS_DURING = 12;

/** People on a person page's map: legible on a phone. */
export const PERSON_MAP_NODES = 12;

/**
 * People in a person page's list of connections. Someone in the news for
 * years shares stories with hundreds; the list keeps those they share the
 * most with, so it stays the same length as the archive grows.
 */
export const PERSON_CONNECTIONS = 24;

/**
 * Events on a person's page, the latest; all of them are on the person's
 * timeline page. Someone in the news for decades takes part in thousands: a
 * person in 2,011 of 8,000 events had 365 KB of timeline on their page.
 */
export const PERSON_PAGE_EVENTS = 40;

/** The relationship map of some people, from the graph's connections. */
export function mapOf(graph: Pick<Graph, 'personConnections'>, people: MapInput['people'], options: SelectOptions): MapSelection {
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
  // The events it names, and the earlier events of its people that led to it.
  const events = [...graph.storyEvents(story.id), ...earlierEvents(graph, story)];
  const age = ageLabel(story.published.day, today);
  const nameOf = (target: string) => graph.people.get(target as PersonId)?.name ?? graph.events.get(target as EventId)?.title;
  const map = people.length > 1 ? mapOf(graph, people, { maxNodes: DEFAULT_MAX_NODES, sharedByAll: true }) : undefined;
  return {
    story,
    html: htmlOf(site, story),
    ...(age ? { age } : {}),
    people,
    timeline: events.length > 0 ? storyTimeline(events, story.published.day, story.title) : [],
    // Its people all share the story: the map shows what else they share, when they share anything.
    ...(map && map.edges.length > 0 ? { map } : {}),
    next: whatHappenedNext(graph, story),
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
    ...coverageOf(graph.personStories(person.id)),
    ...alsoMentioned(graph.citationsOf({ kind: 'person', id: person.id })),
    timeline: events.length > 0 || person.roles.length > 0 ? personTimeline(person.roles, events.slice(-PERSON_PAGE_EVENTS)) : [],
    eventsInAll: events.length,
    connections: connections.slice(0, PERSON_CONNECTIONS),
    connectionsInAll: connections.length,
    // Everyone may appear; the graph's map of people is passed as it is, so the page's work is the neighbourhood's.
    map: mapOf(graph, graph.people, { maxNodes: PERSON_MAP_NODES, focus: person.id }),
  };
}

/** The event page. */
export function eventView(site: Pick<Site, 'graph' | 'html'>, event: EventRecord): EventView {
  const { graph } = site;
  const { previous, next } = graph.eventNeighbours(event.id);
  const during = graph.eventsDuring(event.id, EVENTS_DURING);
  return {
    event,
    during: during.events.map(shownEvent),
    duringMore: during.more,
    html: htmlOf(site, event),
    people: graph.eventPeople(event.id),
    ...coverageOf(graph.eventStories(event.id)),
    ...alsoMentioned(graph.citationsOf({ kind: 'event', id: event.id })),
    ...(previous ? { previous } : {}),
    ...(next ? { next } : {}),
  };
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
