/** Timeline grouping: events by year, then by month, keeping each date's precision. */
import { format } from 'date-fns';
import type { EventRecord } from './records.ts';
import { compareDates, type PartialDate } from './dates.ts';

export interface MonthGroup {
  /** A stable id for the heading: `y2017-m03`, or `y2017-m00` for year-only dates. */
  key: string;
  /** "March", or "Sometime in 2017" for events known only to the year. */
  label: string;
  events: EventRecord[];
}

export interface YearGroup {
  year: number;
  months: MonthGroup[];
}

/** Groups events already in date order; year-only events come first in their year. */
export function groupByYearMonth(events: readonly EventRecord[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const event of events) {
    let year = years.at(-1);
    if (year?.year !== event.date.year) {
      year = { year: event.date.year, months: [] };
      years.push(year);
    }
    const month = event.date.month ?? 0;
    const key = `y${event.date.year}-m${String(month).padStart(2, '0')}`;
    let group = year.months.at(-1);
    if (group?.key !== key) {
      group = { key, label: month === 0 ? `Sometime in ${event.date.year}` : format(new Date(2000, month - 1, 1), 'MMMM'), events: [] };
      year.months.push(group);
    }
    group.events.push(event);
  }
  return years;
}

/** One entry of a story's or a person's own timeline. */
export type TimelineItem =
  | { kind: 'event'; date: PartialDate; end?: PartialDate; event: EventRecord }
  | { kind: 'role'; date: PartialDate; end?: PartialDate; title: string }
  | { kind: 'published'; date: PartialDate; end?: never; title: string };

function byDate(a: TimelineItem, b: TimelineItem): number {
  // At the same date, the story's own publication comes after the events of that day.
  return compareDates(a.date, b.date) || (a.kind === 'published' ? 1 : 0) - (b.kind === 'published' ? 1 : 0);
}

/** "How we got here": the events a story touches, with the story's own publication among them. */
export function storyTimeline(events: readonly EventRecord[], published: PartialDate, title: string): TimelineItem[] {
  const items: TimelineItem[] = events.map((event) => ({ kind: 'event', date: event.date, ...(event.end ? { end: event.end } : {}), event }));
  items.push({ kind: 'published', date: published, title });
  return items.sort(byDate);
}

/** A person's timeline: their roles as spans and the events they took part in. */
export function personTimeline(roles: readonly { title: string; from?: PartialDate; to?: PartialDate }[], events: readonly EventRecord[]): TimelineItem[] {
  const items: TimelineItem[] = events.map((event) => ({ kind: 'event', date: event.date, ...(event.end ? { end: event.end } : {}), event }));
  for (const role of roles) {
    if (role.from) items.push({ kind: 'role', date: role.from, ...(role.to ? { end: role.to } : {}), title: role.title });
  }
  return items.sort(byDate);
}
