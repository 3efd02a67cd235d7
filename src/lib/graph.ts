/**
 * The cross-link graph: who and what each story, person and event connects
 * to, built once per build in one pass over the records and their mentions.
 * Pages only look things up in its maps.
 */
import type { EventId, PersonId, StoryId } from './ids.ts';
import type { AnyRecord, ContentSet, EventRecord, PersonRecord, StoryRecord, Target } from './records.ts';
import { targetKey } from './records.ts';
import type { Mention } from './mentions.ts';
import type { ContentIssue } from './errors.ts';
import { ContentError, didYouMean, folderBeside } from './errors.ts';
import { nearest } from './nearest.ts';
import { publishOrUnlink } from './resolve.ts';
import { compareDates, endOf, startOf, timestampDate } from './dates.ts';
import { sortedByFilingName } from './filing.ts';

/** A mention together with the record whose body holds it. */
export interface Citation {
  source: AnyRecord;
  mention: Mention;
}

/** Another person and what the two have in common. */
export interface Connection {
  person: PersonRecord;
  events: EventRecord[];
  stories: StoryRecord[];
  /** How much they share: the number of events and stories in common. */
  weight: number;
}

export interface Graph {
  stories: ReadonlyMap<StoryId, StoryRecord>;
  people: ReadonlyMap<PersonId, PersonRecord>;
  events: ReadonlyMap<EventId, EventRecord>;
  /** Stories, newest first. */
  storiesByDate: readonly StoryRecord[];
  /** Events, oldest first. */
  eventsByDate: readonly EventRecord[];
  /** Everyone in the order of the people index: by surname (see filing.ts). */
  peopleBySurname: readonly PersonRecord[];

  /** People in a story, in order of first mention, then those only listed in frontmatter. */
  storyPeople(id: StoryId): PersonRecord[];
  /** Events a story touches, in date order. */
  storyEvents(id: StoryId): EventRecord[];
  /** Stories that mention or list a person, newest first, with each mention. */
  personStories(id: PersonId): { story: StoryRecord; mentions: Mention[] }[];
  /** Events a person took part in or is mentioned by, in date order. */
  personEvents(id: PersonId): EventRecord[];
  /** People who share events or stories with a person, most shared first. */
  personConnections(id: PersonId): Connection[];
  /** Stories that cover an event, newest first, with each mention. */
  eventStories(id: EventId): { story: StoryRecord; mentions: Mention[] }[];
  /** People who took part in an event or are mentioned in its record. */
  eventPeople(id: EventId): PersonRecord[];
  /**
   * The nearest events before and after in time that share a person or a
   * story with this one: the same thread, not whatever else the newsroom
   * covered that week. None for an event that shares nothing.
   */
  eventNeighbours(id: EventId): { previous?: EventRecord; next?: EventRecord };
  /**
   * What else happened while a long event went on (one with an `end`, or
   * still going on): the events of its threads (sharing a person or a story)
   * begun after it and by its end, in time order. The first `limit`, and
   * whether there are more. None for an event of a single date.
   */
  eventsDuring(id: EventId, limit: number): { events: EventRecord[]; more: boolean };
  /** Every mention of a person or event in any body ("what links here"). */
  citationsOf(target: Target): readonly Citation[];
}

type MentionsBySource = ReadonlyMap<AnyRecord, readonly Mention[]>;

/**
 * The ids in frontmatter lists (`people`, `events`) that name no published
 * record: a missing one gets the nearest ids as suggestions, a draft says so.
 */
export function referenceIssues(content: ContentSet, drafts?: Pick<ContentSet, 'people' | 'events'>): ContentIssue[] {
  const people = new Set<string>(content.people.map((p) => p.id));
  const events = new Set<string>(content.events.map((e) => e.id));
  const draftFiles = new Map<string, string>([...(drafts?.people ?? []), ...(drafts?.events ?? [])].map((r) => [`${r.kind}:${r.id}`, r.file]));
  const issues: ContentIssue[] = [];
  const check = (record: AnyRecord, field: 'people' | 'events', ids: readonly string[]) => {
    const what = field === 'people' ? 'person' : 'event';
    const known = field === 'people' ? people : events;
    ids.forEach((id, i) => {
      if (known.has(id)) return;
      const draft = draftFiles.get(`${what}:${id}`);
      issues.push({
        file: record.file,
        ...record.locate?.(`${field}[${i}]`),
        field: `${field}[${i}]`,
        ...(draft
          ? { message: `the ${what} "${id}" is a draft, left out of the site`, hint: publishOrUnlink(draft) }
          : { message: `no ${what} has the id "${id}"`, hint: didYouMean(nearest(id, known)) ?? `add ${folderBeside(record.file, field)}${id}.md or remove the id` }),
      });
    });
  };
  for (const story of content.stories) {
    check(story, 'people', story.people);
    check(story, 'events', story.events);
  }
  for (const event of content.events) check(event, 'people', event.people);
  return issues;
}

/**
 * Builds the graph. Frontmatter lists that name a missing person or event are
 * errors (see {@link referenceIssues}).
 */
export function buildGraph(content: ContentSet, mentions: MentionsBySource): Graph {
  const stories = new Map(content.stories.map((s) => [s.id, s]));
  const people = new Map(content.people.map((p) => [p.id, p]));
  const events = new Map(content.events.map((e) => [e.id, e]));

  const issues = referenceIssues(content);
  if (issues.length > 0) throw new ContentError(issues);

  const citations = new Map<string, Citation[]>();
  // Story → target key → mentions, in body order.
  const storyMentions = new Map<StoryId, Map<string, Mention[]>>();
  for (const [source, list] of mentions) {
    for (const mention of list) {
      const key = targetKey(mention.target);
      push(citations, key, { source, mention });
      if (source.kind === 'story') {
        const perTarget = storyMentions.get(source.id) ?? new Map<string, Mention[]>();
        storyMentions.set(source.id, perTarget);
        push(perTarget, key, mention);
      }
    }
  }

  const storyPeopleMap = new Map<StoryId, PersonRecord[]>();
  const storyEventsMap = new Map<StoryId, EventRecord[]>();
  const personStoriesMap = new Map<PersonId, { story: StoryRecord; mentions: Mention[] }[]>();
  const eventStoriesMap = new Map<EventId, { story: StoryRecord; mentions: Mention[] }[]>();

  // By the day as written, then, within a day, by the moment (a day without a time is its noon UTC, as
  // the feeds have it, so both list a day's stories in one order), then by id.
  const instant = new Map(content.stories.map((story) => [story, timestampDate(story.published).getTime()]));
  const storiesByDate = [...content.stories].sort(
    (a, b) => compareDates(b.published.day, a.published.day) || instant.get(b)! - instant.get(a)! || a.id.localeCompare(b.id),
  );
  for (const story of storiesByDate) {
    const perTarget = storyMentions.get(story.id) ?? new Map<string, Mention[]>();
    const personIds = unique([...idsOf(perTarget, 'person'), ...story.people]) as PersonId[];
    const eventIds = unique([...idsOf(perTarget, 'event'), ...story.events]) as EventId[];
    storyPeopleMap.set(story.id, personIds.map((id) => people.get(id)!));
    storyEventsMap.set(story.id, sortEvents(eventIds.map((id) => events.get(id)!)));
    for (const id of personIds) push(personStoriesMap, id, { story, mentions: perTarget.get(`person:${id}`) ?? [] });
    for (const id of eventIds) push(eventStoriesMap, id, { story, mentions: perTarget.get(`event:${id}`) ?? [] });
  }

  // Event ↔ person: listed participants and people the event's record
  // mentions; also events that a person's own record mentions.
  const eventPeopleMap = new Map<EventId, PersonRecord[]>();
  const personEventIds = new Map<PersonId, Set<EventId>>();
  const addPersonEvent = (person: PersonId, event: EventId) => {
    const set = personEventIds.get(person) ?? new Set<EventId>();
    personEventIds.set(person, set.add(event));
  };
  const eventsByDate = sortEvents(content.events);
  for (const event of eventsByDate) {
    const mentioned = (mentions.get(event) ?? []).filter((m) => m.target.kind === 'person').map((m) => m.target.id);
    const ids = unique([...event.people, ...mentioned]) as PersonId[];
    eventPeopleMap.set(event.id, ids.map((id) => people.get(id)!));
    for (const id of ids) addPersonEvent(id, event.id);
  }
  for (const person of content.people) {
    for (const m of mentions.get(person) ?? []) if (m.target.kind === 'event') addPersonEvent(person.id, m.target.id);
  }
  const personEventsMap = new Map<PersonId, EventRecord[]>();
  for (const [id, set] of personEventIds) personEventsMap.set(id, sortEvents([...set].map((e) => events.get(e)!)));

  // People connected through shared events and stories.
  const connections = new Map<PersonId, Map<PersonId, Connection>>();
  const link = (a: PersonRecord, b: PersonRecord, add: (c: Connection) => void) => {
    if (a.id === b.id) return;
    const mine = connections.get(a.id) ?? new Map<PersonId, Connection>();
    connections.set(a.id, mine);
    const c = mine.get(b.id) ?? { person: b, events: [], stories: [], weight: 0 };
    mine.set(b.id, c);
    add(c);
    c.weight = c.events.length + c.stories.length;
  };
  for (const event of eventsByDate) {
    const cast = eventPeopleMap.get(event.id)!;
    for (const a of cast) for (const b of cast) link(a, b, (c) => c.events.push(event));
  }
  for (const story of storiesByDate) {
    const cast = storyPeopleMap.get(story.id)!;
    for (const a of cast) for (const b of cast) link(a, b, (c) => c.stories.push(story));
  }
  const connectionLists = new Map<PersonId, Connection[]>();
  for (const [id, map] of connections) {
    connectionLists.set(id, [...map.values()].sort((a, b) => b.weight - a.weight || a.person.name.localeCompare(b.person.name)));
  }

  const position = new Map(eventsByDate.map((e, i) => [e.id, i]));
  let starts: Float64Array | undefined;
  // Each person's and story's events as ascending timeline positions, made when an event page first asks.
  const positionsOf = new Map<string, Int32Array>();
  const threadPositions = (key: string, list: () => readonly EventRecord[]): Int32Array => {
    let positions = positionsOf.get(key);
    if (!positions) positionsOf.set(key, (positions = Int32Array.from(list(), (e) => position.get(e.id)!).sort()));
    return positions;
  };

  return {
    stories,
    people,
    events,
    storiesByDate,
    eventsByDate,
    peopleBySurname: sortedByFilingName(content.people),
    storyPeople: (id) => storyPeopleMap.get(id) ?? [],
    storyEvents: (id) => storyEventsMap.get(id) ?? [],
    personStories: (id) => personStoriesMap.get(id) ?? [],
    personEvents: (id) => personEventsMap.get(id) ?? [],
    personConnections: (id) => connectionLists.get(id) ?? [],
    eventStories: (id) => eventStoriesMap.get(id) ?? [],
    eventPeople: (id) => eventPeopleMap.get(id) ?? [],
    eventNeighbours: (id) => {
      const at = position.get(id);
      if (at === undefined) return {};
      // Each thread's nearest positions either side; the closest of all threads wins.
      let before = -1;
      let after = eventsByDate.length;
      const nearest = (positions: Int32Array) => {
        const below = firstAbove(positions, at - 1) - 1;
        if (below >= 0) before = Math.max(before, positions[below] as number);
        const above = firstAbove(positions, at);
        if (above < positions.length) after = Math.min(after, positions[above] as number);
      };
      for (const person of eventPeopleMap.get(id) ?? []) nearest(threadPositions(`person:${person.id}`, () => personEventsMap.get(person.id) ?? []));
      for (const { story } of eventStoriesMap.get(id) ?? []) nearest(threadPositions(`story:${story.id}`, () => storyEventsMap.get(story.id) ?? []));
      return { previous: eventsByDate[before], next: eventsByDate[after] };
    },
    eventsDuring: (id, limit) => {
      const at = position.get(id);
      const event = at === undefined ? undefined : eventsByDate[at]!;
      if (!event || (!event.end && !event.ongoing)) return { events: [], more: false };
      // Events are in order of their start: the span's events sit between it and the first begun after its end.
      const past = event.ongoing ? eventsByDate.length : firstStartAfter(endOf(event.end!).getTime());
      // Each thread's first `limit + 1` in the span hold the first `limit + 1` of them all.
      const found = new Set<number>();
      const take = (positions: Int32Array) => {
        for (let i = firstAbove(positions, at!), n = 0; i < positions.length && positions[i]! < past && n <= limit; i++, n++) found.add(positions[i]!);
      };
      for (const person of eventPeopleMap.get(id) ?? []) take(threadPositions(`person:${person.id}`, () => personEventsMap.get(person.id) ?? []));
      for (const { story } of eventStoriesMap.get(id) ?? []) take(threadPositions(`story:${story.id}`, () => storyEventsMap.get(story.id) ?? []));
      const ordered = [...found].sort((a, b) => a - b);
      return { events: ordered.slice(0, limit).map((i) => eventsByDate[i]!), more: ordered.length > limit };
    },
    citationsOf: (target) => citations.get(targetKey(target)) ?? [],
  };

  /** The position of the first event begun after `time` (their count when none is), made when first asked. */
  function firstStartAfter(time: number): number {
    starts ??= Float64Array.from(eventsByDate, (e) => startOf(e.date).getTime());
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! <= time) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Events in time order; the same day by time of day where given, then by end date, then title. */
export function sortEvents(list: readonly EventRecord[]): EventRecord[] {
  return [...list].sort(
    (a, b) =>
      compareDates(a.date, b.date) ||
      // The same day: by the time of day where given (a ruling at 10:00 before the resignation it caused at 16:00); untimed first.
      (a.time ?? '').localeCompare(b.time ?? '') ||
      (a.end ? endOf(a.end) : startOf(a.date)).getTime() - (b.end ? endOf(b.end) : startOf(b.date)).getTime() ||
      a.title.localeCompare(b.title),
  );
}

/** The index of the first value above `value` in ascending `sorted` (its length when none is). */
function firstAbove(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function idsOf(perTarget: Map<string, Mention[]>, kind: Target['kind']): string[] {
  const out: string[] = [];
  for (const list of perTarget.values()) if (list[0]!.target.kind === kind) out.push(list[0]!.target.id);
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
