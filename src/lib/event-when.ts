/** When an event happened, in words, and whether it is under way in a year: one reading of `date`, `end` and `ongoing`. */
import { formatDate, formatRange } from './dates.ts';
import type { EventRecord } from './records.ts';

type Dated = Pick<EventRecord, 'date' | 'end' | 'ongoing'>;

/** "March 3, 2019", "February 3–9, 2017", or "since February 24, 2022" for an event still going on. */
export function eventWhen(event: Dated): string {
  return event.end || event.ongoing ? formatRange(event.date, event.end) : formatDate(event.date);
}

/**
 * The last year an event covers: its end's, or for one still going on the
 * build's (`thisYear`), at least its start's (an `ongoing` event dated ahead).
 */
export function lastYearOf(event: Dated, thisYear: number): number {
  if (event.ongoing) return Math.max(thisYear, event.date.year);
  return event.end?.year ?? event.date.year;
}
