/** How old a story is, for the "From June 2017" label on archive stories. */
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { format } from 'date-fns/format';
import { startOf, type PartialDate } from './dates.ts';

/**
 * "From June 2017" when the story is at least a year older than `now`
 * (the build date), else undefined: readers of old stories are told at once
 * that the present tense in them is not today's.
 */
export function ageLabel(published: PartialDate, now: Date): string | undefined {
  const start = startOf(published);
  const months = differenceInCalendarMonths(new Date(now.getUTCFullYear(), now.getUTCMonth(), 1), new Date(start.getUTCFullYear(), start.getUTCMonth(), 1));
  if (months < 12) return undefined;
  return `From ${format(new Date(start.getUTCFullYear(), start.getUTCMonth(), 1), 'MMMM yyyy')}`;
}
