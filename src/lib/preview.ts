/**
 * Preview cards: the few facts shown when a reader hovers, focuses or taps a
 * person or event link. Generated at build time as one small JSON file per
 * record (`previews/<people|events>/<id>.json`), fetched only when a card is
 * opened, so no page carries them all.
 */
import type { EventRecord, PersonRecord } from './records.ts';
import { formatDate, startOf, toIso } from './dates.ts';
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
  // The role begun last says most about who the person is now.
  const latest = [...person.roles].sort((a, b) => (a.from ? startOf(a.from).getTime() : 0) - (b.from ? startOf(b.from).getTime() : 0)).at(-1);
  let detail: string | undefined;
  if (latest) {
    const span = latest.from && latest.to ? `${formatDate(latest.from)} – ${formatDate(latest.to)}` : latest.from ? `since ${formatDate(latest.from)}` : latest.to ? `until ${formatDate(latest.to)}` : '';
    detail = span ? `${latest.title}, ${span}` : latest.title;
  }
  const roles = person.roles.map((role) => ({ title: role.title, ...(role.from ? { from: toIso(role.from) } : {}), ...(role.to ? { to: toIso(role.to) } : {}) }));
  return { kind: 'person', title: person.name, summary: person.summary, ...(detail ? { detail } : {}), ...(roles.length > 1 ? { roles } : {}) };
}

export function eventPreview(event: EventRecord): Preview {
  const detail = event.end ? `${formatDate(event.date)} – ${formatDate(event.end)}` : formatDate(event.date);
  return { kind: 'event', title: event.title, summary: event.summary, detail };
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
