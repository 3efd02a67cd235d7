/**
 * Link resolution: which person or event a `[[target]]` means.
 *
 * A target may be an id, a person's name or alias, or an event's title. An
 * exact match wins; otherwise the match is retried ignoring case, spacing and
 * Unicode form. Two records answering to the same words make the target
 * ambiguous, and the editor must write an id.
 */
import { withoutLatinAccents } from './latin-accents.ts';
import type { EventRecord, PersonRecord, Target } from './records.ts';
import type { ContentIssue } from './errors.ts';
import { didYouMean } from './errors.ts';
import { nearest } from './nearest.ts';
import { toId } from './ids.ts';
import { idFor } from './ids.ts';
import type { EventId, PersonId } from './ids.ts';
import { NameMatcher } from './name-matcher.ts';
import { createHash } from 'node:crypto';

/** An event's dates, for checking a date written next to a link to it. */
export type EventSpan = Pick<EventRecord, 'date' | 'end' | 'ongoing'>;

type IndexedPerson = Pick<PersonRecord, 'id' | 'name' | 'aliases' | 'file' | 'locate'> & Partial<Pick<PersonRecord, 'autolink'>>;
type IndexedEvent = Pick<EventRecord, 'id' | 'title' | 'file'> & Partial<Pick<EventRecord, 'date' | 'end' | 'ongoing'>>;

export type Resolution =
  | { ok: true; target: Target; /** The record's name or title. */ label: string }
  | { ok: false; reason: 'unknown' | 'ambiguous' | 'draft'; message: string; hint?: string };

/** What to do about a link to a draft. */
export function publishOrUnlink(file: string): string {
  return `publish the draft first, deleting \`draft: true\` in ${file}, or unlink it`;
}

/**
 * Exact form of a key: Unicode NFC, inner whitespace folded to one space, and
 * quotes, apostrophes, hyphens and ellipses as typed on a keyboard: a word
 * processor writes `[[Patricia O’Brien]]` for the O'Brien of the person's
 * file (as the names found in the text are matched, see name-matcher.ts),
 * and `[[The “Beleaguered” tweet]]` for a title typed with straight quotes.
 */
function exact(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/[’ʼ‘]/g, "'").replace(/[“”]/g, '"').replace(/[‐‑]/g, '-').replace(/---?/g, '—').replace(/…/g, '...');
}

/** Loose form: the exact form, lower-cased in a locale-independent way, its Latin letters without accents ("erdogan" for "Erdoğan"). */
function loose(text: string): string {
  return withoutLatinAccents(exact(text)).toLowerCase();
}

export class LinkIndex {
  private readonly exactKeys = new Map<string, Target[]>();
  private readonly looseKeys = new Map<string, Target[]>();
  private readonly ids: string[] = [];
  private readonly labels = new Map<string, string>();
  private readonly files = new Map<string, string>();

  /** Problems found while indexing: the same alias claimed by two people. */
  readonly issues: ContentIssue[] = [];

  private readonly spans = new Map<string, EventSpan>();

  /** One matcher over every name and alias of the people who allow autolinking. */
  readonly names: NameMatcher;

  /**
   * Each autolinked name or alias (exact form) that is also whole words of
   * other people's names or aliases, with those people: the alias "Müller"
   * of Hans-Peter Müller is in "Greta Müller" (see {@link alsoInNamesOf}).
   */
  private readonly inOtherNames = new Map<string, PersonId[]>();

  /** Changes whenever anything that affects resolution changes: a cache key for results that depend on the index. */
  readonly fingerprint: string;

  /** The drafts, left out of the site: a link to one is told apart from a link to nothing. */
  private readonly drafts?: LinkIndex;

  constructor(people: readonly IndexedPerson[], events: readonly IndexedEvent[], drafts?: { people: readonly IndexedPerson[]; events: readonly IndexedEvent[] }) {
    if (drafts && drafts.people.length + drafts.events.length > 0) this.drafts = new LinkIndex(drafts.people, drafts.events);
    // Names and aliases by their loose form: the same words, or the same words in another case ("kowal" and
    // "Kowal", which `[[kowal]]` and `[[Kowal]]` would part unseen), must not point at two people.
    const claimedBy = new Map<string, { person: IndexedPerson; field: string; name: string }>();
    /** `content/people/a.md:5:5`: a field's place, for a message given at another file. */
    const placeOf = (person: IndexedPerson, field: string) => {
      const at = person.locate?.(field);
      return at ? `${person.file}:${at.line}:${at.column}` : person.file;
    };
    /** People whose names are the same (a file copied, or one person filed twice): reported once, not again for each alias. */
    const twins = new Set<string>();
    for (const person of people) {
      const target: Target = { kind: 'person', id: person.id as PersonId };
      this.ids.push(person.id);
      this.labels.set(`person:${person.id}`, person.name);
      this.files.set(`person:${person.id}`, person.file);
      this.add(person.id, target);
      for (const [index, name] of [person.name, ...person.aliases].entries()) {
        const field = index === 0 ? 'name' : `aliases[${index - 1}]`;
        const owner = claimedBy.get(loose(name));
        if (owner && owner.person.id !== person.id && twins.has(`${owner.person.id} ${person.id}`)) continue;
        if (owner && owner.person.id !== person.id && field === 'name' && owner.field === 'name' && exact(name) === exact(owner.name)) {
          twins.add(`${owner.person.id} ${person.id}`);
          // Told at the copy: the file whose id is not the one the name makes (`tom-mullins-copy`, not `tom-mullins`).
          const madeFrom = (p: IndexedPerson) => idFor(p.name) === p.id;
          const [copy, original] = madeFrom(owner.person) ? [person, owner.person] : madeFrom(person) ? [owner.person, person] : [person, owner.person];
          this.issues.push({
            file: copy.file,
            ...copy.locate?.('name'),
            field: 'name',
            message: `"${name}" is already the name of \`${original.id}\` (${placeOf(original, 'name')}): one person in two files?`,
            hint: `keep one file and delete the other, or, for two people of one name, make each name more specific ("${name} (footballer)")`,
          });
          continue;
        }
        if (owner && owner.person.id !== person.id) {
          // A name taken by another's alias: the alias is what to change, so it is reported there. So is
          // an alias that is no part of its person's name, against one that is ("Erdogan" on Macron's file).
          const mine = { person, field, name };
          const partOfName = (claim: typeof mine) => ` ${loose(claim.person.name)} `.includes(` ${loose(claim.name)} `);
          const theirs = field !== 'name' && owner.field !== 'name' && partOfName(mine) && !partOfName(owner);
          const [at, other] = (field === 'name' && owner.field !== 'name') || theirs ? [owner, mine] : [mine, owner];
          this.issues.push({
            file: at.person.file,
            ...at.person.locate?.(at.field),
            field: at.field,
            message:
              exact(at.name) === exact(other.name)
                ? `"${at.name}" already names \`${other.person.id}\` (${placeOf(other.person, other.field)}); a name or alias must point at one person`
                : `"${at.name}" differs only in case or accents from "${other.name}", which names \`${other.person.id}\` (${placeOf(other.person, other.field)})`,
            hint: 'remove it from one of the two, or make it more specific',
          });
          continue;
        }
        if (!owner) claimedBy.set(loose(name), { person, field, name });
        this.add(name, target);
      }
    }
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([people.map((p) => [p.id, p.name, p.aliases, p.autolink]), events.map((e) => [e.id, e.title, e.date, e.end, e.ongoing])]))
      .update(this.drafts?.fingerprint ?? '')
      .digest('hex');
    const linkable = people.filter((p) => p.autolink !== false);
    this.names = new NameMatcher(linkable.map((p) => ({ id: p.id as PersonId, names: [p.name, ...p.aliases] })));
    // Every run of whole words short of a whole name ("Greta", "Müller" of "Greta Müller"), with whose names
    // have it; runs of at most four words, which bounds the work for any name (a name is a few words).
    const runs = new Map<string, Set<PersonId>>();
    for (const person of linkable) {
      for (const name of [person.name, ...person.aliases]) {
        const words = exact(name).split(' ');
        for (let from = 0; from < words.length; from++) {
          for (let to = from + 1; to <= Math.min(words.length, from + 4); to++) {
            if (to - from === words.length) continue;
            const run = words.slice(from, to).join(' ');
            if (!runs.has(run)) runs.set(run, new Set());
            runs.get(run)!.add(person.id as PersonId);
          }
        }
      }
    }
    for (const person of linkable) {
      for (const name of [person.name, ...person.aliases]) {
        const others = [...(runs.get(exact(name)) ?? [])].filter((id) => id !== person.id);
        if (others.length > 0) this.inOtherNames.set(exact(name), others);
      }
    }
    for (const event of events) {
      if (event.date) this.spans.set(event.id, { date: event.date, ...(event.end ? { end: event.end } : {}), ...(event.ongoing ? { ongoing: true } : {}) });
      const target: Target = { kind: 'event', id: event.id as EventId };
      this.ids.push(event.id);
      this.labels.set(`event:${event.id}`, event.title);
      this.files.set(`event:${event.id}`, event.file);
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

  /**
   * The one person or event `text` names, as `resolve` finds it, or
   * undefined; without the suggestions for a mistake, which compare the text
   * with every id and name.
   */
  lookup(text: string): { target: Target; label: string } | undefined {
    return this.uniqueOf(this.targetsOf(text));
  }

  /** Every target `text` names, spelt exactly or loosely. */
  private targetsOf(text: string): readonly Target[] | undefined {
    return this.exactKeys.get(exact(text)) ?? this.looseKeys.get(loose(text));
  }

  private uniqueOf(found: readonly Target[] | undefined): { target: Target; label: string } | undefined {
    if (found?.length !== 1) return undefined;
    const target = found[0]!;
    return { target, label: this.labels.get(`${target.kind}:${target.id}`) ?? target.id };
  }

  /** The target `text` names; `shown`, the words after a link's `|`, goes into the suggestions. */
  resolve(text: string, shown?: string): Resolution {
    const found = this.targetsOf(text);
    const unique = this.uniqueOf(found);
    if (unique) return { ok: true, ...unique };
    if (found && found.length > 1) {
      const ids = found.map((t) => `${t.kind === 'person' ? 'people' : 'events'}/${t.id}`);
      return {
        ok: false,
        reason: 'ambiguous',
        message: `"${text}" is ambiguous: it names ${ids.join(' and ')}`,
        hint: `write the id instead, for example [[${found[0]!.id}|${shown ?? text}]]`,
      };
    }
    const draft = this.drafts?.resolve(text);
    if (draft?.ok) return { ok: false, reason: 'draft', message: `"${text}" is a draft, left out of the site`, hint: publishOrUnlink(this.drafts!.fileOf(draft.target)) };
    return {
      ok: false,
      reason: 'unknown',
      message: `no person or event is called "${text}"`,
      hint: didYouMean(this.suggestionsFor(text)) ?? 'check the spelling, or add the record to the people/ or events/ folder of the content',
    };
  }

  /** Ids near what was written, else the ids of names and titles near it ("Council passes the 2024 budget"). Only asked on a mistake. */
  private suggestionsFor(text: string): string[] {
    const byId = nearest(toId(text) || text, this.ids);
    if (byId.length > 0) return byId;
    const idOfLabel = new Map<string, string>();
    for (const [key, label] of this.labels) idOfLabel.set(label, key.slice(key.indexOf(':') + 1));
    return nearest(text, idOfLabel.keys()).map((label) => idOfLabel.get(label)!);
  }

  /**
   * The other people whose name or an alias holds `name` (a name or alias
   * of `owner`) as whole words: a bare "Müller" may mean them too.
   */
  alsoInNamesOf(name: string, owner: PersonId): readonly PersonId[] {
    return (this.inOtherNames.get(exact(name)) ?? []).filter((id) => id !== owner);
  }

  /** An event's date and end, for checking dates written next to a link to it. */
  eventSpan(id: string): EventSpan | undefined {
    return this.spans.get(id);
  }

  /** The file a target comes from. */
  fileOf(target: Target): string {
    return this.files.get(`${target.kind}:${target.id}`) ?? target.id;
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
