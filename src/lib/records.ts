/**
 * The typed records the site is built from: a story, a person, an event,
 * each its validated frontmatter plus where it came from and its body.
 */
import type { EventFrontmatter, PersonFrontmatter, StoryFrontmatter } from './schema.ts';
import type { EventId, PersonId, StoryId } from './ids.ts';
import type { PartialDate } from './dates.ts';

interface Source {
  /** Path of the Markdown file relative to the project root, for error messages. */
  file: string;
  /** The Markdown body, without frontmatter. */
  body: string;
  /** 1-based line of the file on which the body starts, to turn body positions into file positions. */
  bodyLine: number;
  /** Where a frontmatter field (`people[2]`) stands in the file, when the loader knows. */
  locate?: (field: string) => { line: number; column: number } | undefined;
}

export interface StoryRecord extends Source, Omit<StoryFrontmatter, 'people' | 'events'> {
  kind: 'story';
  id: StoryId;
  /** People listed in the frontmatter (the body's mentions are added by the graph). */
  people: PersonId[];
  /** Events listed in the frontmatter. */
  events: EventId[];
}

export interface PersonRecord extends Source, PersonFrontmatter {
  kind: 'person';
  id: PersonId;
}

export interface EventRecord extends Source, Omit<EventFrontmatter, 'people' | 'end'> {
  kind: 'event';
  id: EventId;
  people: PersonId[];
  /** When it ended, for an event over days or months. */
  end?: PartialDate;
  /** Still going on (`end: ongoing`): it runs from its `date` to the day of the build. */
  ongoing?: true;
}

/** An event's fields as its record holds them: `end: ongoing` becomes `ongoing`, so that an `end` is always a date. */
export function eventFields<T extends { end?: PartialDate | 'ongoing' }>({ end, ...fields }: T): Omit<T, 'end'> & { end?: PartialDate; ongoing?: true } {
  if (end === 'ongoing') return { ...fields, ongoing: true };
  return end ? { ...fields, end } : fields;
}

export type AnyRecord = StoryRecord | PersonRecord | EventRecord;

/** The whole content set, as loaded. */
export interface ContentSet {
  stories: StoryRecord[];
  people: PersonRecord[];
  events: EventRecord[];
}

/** A link target: the person or event a `[[…]]` mention points at. */
export type Target = { kind: 'person'; id: PersonId } | { kind: 'event'; id: EventId };

export function targetKey(target: Target): string {
  return `${target.kind}:${target.id}`;
}

/** The URL path of a record, below the site's base. */
export function recordPath(record: { kind: AnyRecord['kind']; id: string }): string {
  const folder = record.kind === 'story' ? 'stories' : record.kind === 'person' ? 'people' : 'events';
  return `${folder}/${record.id}/`;
}

/** A record's display name: a person's name, a story's or event's title. */
export function label(record: AnyRecord): string {
  return record.kind === 'person' ? record.name : record.title;
}
