/**
 * "Also mentioned in": the biographies and event descriptions that mention a
 * person or event, each with its mentions (stories have their own list, with
 * links to the paragraph). A head of government is named in the description
 * of a large share of all events: a person named in 312 of 600 events had
 * 83 KB of quotes here. So a page quotes at most ALSO_MENTIONED_IN of them,
 * biographies first, then the latest events, and says how many more there
 * are; for a person, every event that mentions them is on their timeline.
 */
import type { Citation } from './graph.ts';
import { sortEvents } from './graph.ts';
import type { Mention } from './mentions.ts';
import type { EventRecord, PersonRecord } from './records.ts';

/** Biographies and event descriptions quoted under "Also mentioned in" on a page. */
export const ALSO_MENTIONED_IN = 20;

/** A biography or event description, with every mention of the record in it, in the order of the text. */
export interface MentionedIn {
  source: PersonRecord | EventRecord;
  mentions: readonly Mention[];
}

export interface AlsoMentioned {
  /** Biographies by name, then event descriptions, latest event first: ALSO_MENTIONED_IN at most. */
  alsoIn: MentionedIn[];
  /** How many more biographies and event descriptions mention the record. */
  alsoInMore: number;
  /** How many of those are event descriptions. */
  alsoInMoreEvents: number;
}

/** What a page shows under "Also mentioned in", from every citation of its record. */
export function alsoMentioned(citations: readonly Citation[]): AlsoMentioned {
  const bySource = new Map<PersonRecord | EventRecord, Mention[]>();
  for (const { source, mention } of citations) {
    if (source.kind === 'story') continue;
    let list = bySource.get(source);
    if (!list) bySource.set(source, (list = []));
    list.push(mention);
  }
  const people = [...bySource.keys()].filter((s): s is PersonRecord => s.kind === 'person').sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const events = sortEvents([...bySource.keys()].filter((s): s is EventRecord => s.kind === 'event')).reverse();
  const sources = [...people, ...events];
  return {
    alsoIn: sources.slice(0, ALSO_MENTIONED_IN).map((source) => ({ source, mentions: bySource.get(source)! })),
    alsoInMore: Math.max(0, sources.length - ALSO_MENTIONED_IN),
    // The events come last: those left out are the oldest.
    alsoInMoreEvents: Math.min(events.length, Math.max(0, sources.length - ALSO_MENTIONED_IN)),
  };
}
