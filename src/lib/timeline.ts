/** Timeline grouping: events by year, then by month, keeping each date's precision. */
import { format } from 'date-fns';
import type { EventRecord } from './records.ts';

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
