/**
 * Link resolution: which person or event a `[[target]]` means.
 *
 * A target may be an id, a person's name or alias, or an event's title. An
 * exact match wins; otherwise the match is retried ignoring case, spacing and
 * Unicode form. Two records answering to the same words make the target
 * ambiguous, and the editor must write an id.
 */
import type { EventRecord, PersonRecord, Target } from './records.ts';
import type { ContentIssue } from './errors.ts';
import { didYouMean } from './errors.ts';
import { nearest } from './nearest.ts';
import { toId } from './ids.ts';
import type { EventId, PersonId } from './ids.ts';
import type { PartialDate } from './dates.ts';
import { NameMatcher } from './name-matcher.ts';
import { createHash } from 'node:crypto';

type IndexedPerson = Pick<PersonRecord, 'id' | 'name' | 'aliases' | 'file' | 'locate'> & Partial<Pick<PersonRecord, 'autolink'>>;
type IndexedEvent = Pick<EventRecord, 'id' | 'title' | 'file'> & Partial<Pick<EventRecord, 'date' | 'end'>>;

export type Resolution =
  | { ok: true; target: Target; /** The record's name or title. */ label: string }
  | { ok: false; reason: 'unknown' | 'ambiguous'; message: string; hint?: string };

/** Exact form of a key: Unicode NFC, inner whitespace folded to one space. */
function exact(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Loose form: the exact form, lower-cased in a locale-independent way. */
function loose(text: string): string {
  return exact(text).toLowerCase();
}

export class LinkIndex {
  private readonly exactKeys = new Map<string, Target[]>();
  private readonly looseKeys = new Map<string, Target[]>();
  private readonly ids: string[] = [];
  private readonly labels = new Map<string, string>();

  /** Problems found while indexing: the same alias claimed by two people. */
  readonly issues: ContentIssue[] = [];

  private readonly spans = new Map<string, { date: PartialDate; end?: PartialDate }>();

  /** One matcher over every name and alias of the people who allow autolinking. */
  readonly names: NameMatcher;

  /** Changes whenever anything that affects resolution changes: a cache key for results that depend on the index. */
  readonly fingerprint: string;

  constructor(people: readonly IndexedPerson[], events: readonly IndexedEvent[]) {
    const claimedBy = new Map<string, Pick<PersonRecord, 'id' | 'file'>>();
    for (const person of people) {
      const target: Target = { kind: 'person', id: person.id as PersonId };
      this.ids.push(person.id);
      this.labels.set(`person:${person.id}`, person.name);
      this.add(person.id, target);
      for (const [index, name] of [person.name, ...person.aliases].entries()) {
        const key = exact(name);
        const owner = claimedBy.get(key);
        if (owner && owner.id !== person.id) {
          const field = index === 0 ? 'name' : `aliases[${index - 1}]`;
          this.issues.push({
            file: person.file,
            ...person.locate?.(field),
            field,
            message: `"${name}" already names \`${owner.id}\` (${owner.file}); a name or alias must point at one person`,
            hint: 'remove it from one of the two, or make it more specific',
          });
          continue;
        }
        claimedBy.set(key, person);
        this.add(name, target);
      }
    }
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([people.map((p) => [p.id, p.name, p.aliases, p.autolink]), events.map((e) => [e.id, e.title, e.date, e.end])]))
      .digest('hex');
    this.names = new NameMatcher(
      people.filter((p) => p.autolink !== false).map((p) => ({ id: p.id as PersonId, names: [p.name, ...p.aliases] })),
    );
    for (const event of events) {
      if (event.date) this.spans.set(event.id, { date: event.date, ...(event.end ? { end: event.end } : {}) });
      const target: Target = { kind: 'event', id: event.id as EventId };
      this.ids.push(event.id);
      this.labels.set(`event:${event.id}`, event.title);
      this.add(event.id, target);
      this.add(event.title, target);
    }
  }

  private add(text: string, target: Target): void {
    for (const [map, key] of [
      [this.exactKeys, exact(text)],
      [this.looseKeys, loose(text)],
    ] as const) {
      const list = map.get(key);
      if (!list) map.set(key, [target]);
      else if (!list.some((t) => t.kind === target.kind && t.id === target.id)) list.push(target);
    }
  }

  resolve(text: string): Resolution {
    const found = this.exactKeys.get(exact(text)) ?? this.looseKeys.get(loose(text));
    if (found && found.length === 1) {
      const target = found[0]!;
      return { ok: true, target, label: this.labels.get(`${target.kind}:${target.id}`) ?? target.id };
    }
    if (found && found.length > 1) {
      const ids = found.map((t) => `${t.kind === 'person' ? 'people' : 'events'}/${t.id}`);
      return {
        ok: false,
        reason: 'ambiguous',
        message: `"${text}" is ambiguous: it names ${ids.join(' and ')}`,
        hint: `write the id instead, for example [[${found[0]!.id}|${text}]]`,
      };
    }
    return {
      ok: false,
      reason: 'unknown',
      message: `no person or event is called "${text}"`,
      hint: didYouMean(nearest(toId(text) || text, this.ids)) ?? 'check the spelling, or add the record under content/people/ or content/events/',
    };
  }

  /** An event's date and end, for checking dates written next to a link to it. */
  eventSpan(id: string): { date: PartialDate; end?: PartialDate } | undefined {
    return this.spans.get(id);
  }

  /** A target's name or title. */
  labelOf(target: Target): string {
    return this.labels.get(`${target.kind}:${target.id}`) ?? target.id;
  }

  /** Every person and event id, for suggestions. */
  knownIds(): readonly string[] {
    return this.ids;
  }
}
