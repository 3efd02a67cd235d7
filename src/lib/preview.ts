/**
 * Preview cards: the few facts shown when a reader hovers, focuses or taps a
 * person or event link. Generated at build time as one small JSON file per
 * record (`previews/<people|events>/<id>.json`), fetched only when a card is
 * opened, so no page carries them all.
 */
import type { EventRecord, PersonRecord } from './records.ts';
import { formatRange, toIso } from './dates.ts';
import { eventWhen } from './event-when.ts';
import { latestRole } from './roles.ts';
import type { PreviewRole } from './preview-detail.ts';

export interface Preview {
  kind: 'person' | 'event';
  /** Name or title. */
  title: string;
  /** The one-line summary. */
  summary: string;
  /** A person's latest role with its dates, or an event's date at its precision. */
  detail?: string;
  /** A person's roles, when they had more than one: a card on a dated page shows the one held then (see `preview-detail.ts`). */
  roles?: PreviewRole[];
}

export function personPreview(person: PersonRecord): Preview {
  // The role held now, or else the one held last: the same as the social card and the structured data name.
  const latest = latestRole(person);
  const span = latest ? formatRange(latest.from, latest.to) : '';
  const detail = latest && (span ? `${latest.title}, ${span}` : latest.title);
  const roles = person.roles.map((role) => ({ title: role.title, ...(role.from ? { from: toIso(role.from) } : {}), ...(role.to ? { to: toIso(role.to) } : {}) }));
  return { kind: 'person', title: person.name, summary: person.summary, ...(detail ? { detail } : {}), ...(roles.length > 1 ? { roles } : {}) };
}

export function eventPreview(event: EventRecord): Preview {
  return { kind: 'event', title: event.title, summary: event.summary, detail: eventWhen(event) };
}

/** A record's preview, served at `previews/<folder>/<id>.json` below the base. */
export interface PreviewFile {
  folder: 'people' | 'events';
  id: string;
  preview: Preview;
}

/** The preview of every person and event. */
export function previewFiles(people: readonly PersonRecord[], events: readonly EventRecord[]): PreviewFile[] {
  return [
    ...people.map((person) => ({ folder: 'people' as const, id: person.id, preview: personPreview(person) })),
    ...events.map((event) => ({ folder: 'events' as const, id: event.id, preview: eventPreview(event) })),
  ];
}
