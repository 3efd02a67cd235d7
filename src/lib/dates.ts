/**
 * Partial dates: a year, a month or a day, keeping how much the editor knew.
 *
 * Events and roles are often known only to the month or year ("July 2016").
 * Showing "July 1, 2016" would invent a fact, so the precision travels with
 * the value from the frontmatter to the page.
 */
// date-fns one function at a time: its index loads all of them, ~300 MB in every process and worker thread.
import { isValid } from 'date-fns/isValid';
import { MONTHS } from './news-words.ts';

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  /** 1–12; present for month and day precision. */
  month?: number;
  /** 1–31; present for day precision. */
  day?: number;
  precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type ParseResult =
  | { ok: true; date: PartialDate }
  | { ok: false; message: string };

/**
 * Reads a partial date as YAML may hand it over: a string (`"2016-07"`), a
 * number (`2003` — YAML reads an unquoted year as one) or a Date (an unquoted
 * `2017-08-01` in a YAML 1.1 parser). Impossible days such as `2017-02-30`
 * are refused rather than rolled over into March.
 */
export function parsePartialDate(value: unknown, ongoingHint = ''): ParseResult {
  if (value instanceof Date) {
    if (!isValid(value)) return { ok: false, message: 'is not a valid date' };
    // YAML parsers build unquoted dates at UTC midnight.
    return {
      ok: true,
      date: { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate(), precision: 'day' },
    };
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1 && value <= 9999) return { ok: true, date: { year: value, precision: 'year' } };
    return { ok: false, message: `expected a year such as 2016, found ${value}` };
  }
  if (typeof value !== 'string') {
    return { ok: false, message: `expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found ${describe(value)}` };
  }
  const match = PATTERN.exec(value.trim());
  if (!match) return { ok: false, message: `expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "${value}"${writtenDateHint(value, ongoingHint)}` };
  const year = Number(match[1]);
  if (match[2] === undefined) return { ok: true, date: { year, precision: 'year' } };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { ok: false, message: `"${value}" has no month ${match[2]}: months run from 01 to 12` };
  if (match[3] === undefined) return { ok: true, date: { year, month, precision: 'month' } };
  const day = Number(match[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { ok: false, message: `"${value}" is not a real date: ${monthName(month)} ${year} has ${last} days` };
  }
  return { ok: true, date: { year, month, day, precision: 'day' } };
}

/** Words for "not over yet", written where a date that has not come belongs. */
const ONGOING = /^(?:present|now|today|ongoing|current|currently|incumbent|tbd|n\/a|-|–)$/i;
/** "Sept. 12, 2019", "September 12 2019", "12 Sept 2019", "March 2018": a date as prose writes it. */
const WRITTEN_DATE = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]{3,9})\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?,?\s+(\d{4})$/;

/**
 * What to write instead of a date written as words: `: write 2019-09-12`
 * for "Sept. 12, 2019", or, for "present" and the like, `ongoingHint`: how the
 * field says that something is still going on (fields say it differently).
 * Empty when the value reads as neither.
 */
function writtenDateHint(value: string, ongoingHint = ''): string {
  const text = value.trim();
  if (ongoingHint && ONGOING.test(text)) return `: ${ongoingHint}`;
  // "2019-2-7": the digits are there, only not two of them.
  const short = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text);
  if (short) {
    const written = `${short[1]}-${short[2]!.padStart(2, '0')}${short[3] ? `-${short[3].padStart(2, '0')}` : ''}`;
    return written === text ? '' : `: write ${written}`;
  }
  // "15/03/2019", "3.15.2019": the day is the number over 12; with both under it, either may be.
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    const iso = (day: number, month: number) => `${numeric[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (first > 12 && second >= 1 && second <= 12) return `: write ${iso(first, second)}`;
    if (second > 12 && first >= 1 && first <= 12) return `: write ${iso(second, first)}`;
    if (first < 1 || second < 1 || first > 12 || second > 12) return '';
    return first === second ? `: write ${iso(first, second)}` : `: write ${iso(first, second)} if ${numeric[1]} is the day, or ${iso(second, first)} if it is the month`;
  }
  const m = WRITTEN_DATE.exec(text);
  if (!m || (m[1] && m[3])) return '';
  const month = MONTHS.findIndex((name) => name.toLowerCase().startsWith(m[2]!.toLowerCase()));
  if (month < 0) return '';
  const mm = String(month + 1).padStart(2, '0');
  const day = m[1] ?? m[3];
  return `: write ${m[4]}-${mm}${day ? `-${day.padStart(2, '0')}` : ''}`;
}

/** Like {@link parsePartialDate} but throws; for values already validated. */
export function partialDate(value: unknown): PartialDate {
  const result = parsePartialDate(value);
  if (!result.ok) throw new Error(`Invalid date: ${result.message}`);
  return result.date;
}

export function daysInMonth(year: number, month: number): number {
  return utc(year, month, 0).getUTCDate();
}

/** The machine form at the value's own precision: `2016`, `2016-07`, `2016-07-20` (for `<time datetime>`). */
export function toIso(date: PartialDate): string {
  const y = String(date.year).padStart(4, '0');
  if (date.precision === 'year') return y;
  const m = String(date.month).padStart(2, '0');
  if (date.precision === 'month') return `${y}-${m}`;
  return `${y}-${m}-${String(date.day).padStart(2, '0')}`;
}

/** The first moment the date can mean, as a UTC Date (for arithmetic and sorting). */
export function startOf(date: PartialDate): Date {
  return utc(date.year, (date.month ?? 1) - 1, date.day ?? 1);
}

/** The last day the date can mean: 2016-07 ends on 31 July 2016. */
export function endOf(date: PartialDate): Date {
  if (date.precision === 'day') return startOf(date);
  if (date.precision === 'month') return utc(date.year, date.month!, 0);
  return utc(date.year, 11, 31);
}

/**
 * Chronological order. A less precise date sorts before a more precise one
 * that it contains ("2017" before "2017-03" before "2017-03-02"), so a
 * year-level event opens its year on a timeline.
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return (
    a.year - b.year ||
    (a.month ?? 0) - (b.month ?? 0) ||
    (a.day ?? 0) - (b.day ?? 0)
  );
}

/**
 * Whether two partial dates can refer to the same day (one contains the
 * other); with `bEnd`, whether `a` can fall within the span from `b` to `bEnd`.
 */
export function overlaps(a: PartialDate, b: PartialDate, bEnd?: PartialDate): boolean {
  return startOf(a) <= endOf(bEnd ?? b) && startOf(b) <= endOf(a);
}

/**
 * How the site writes a day: "March 3, 2019" (`month-first`, the American
 * way, and the default) or "3 March 2019" (`day-first`, as British, Irish,
 * Australian and Indian newsrooms write). Months and years read the same
 * either way ("March 2019").
 */
export type DateStyle = 'month-first' | 'day-first';

const DATE_STYLES: readonly DateStyle[] = ['month-first', 'day-first'];

/**
 * The site's one date style, kept on `globalThis` because Astro loads its
 * config and its pages as separate module graphs in one process: the setting
 * made once at start-up (`site-config.ts`) must reach both.
 */
const setting = ((globalThis as Record<symbol, unknown>)[Symbol.for('backstory.dateStyle')] ??= { style: 'month-first' }) as { style: DateStyle };

/** The style every date is written in, until {@link setDateStyle} changes it. */
export function dateStyle(): DateStyle {
  return setting.style;
}

/** Sets how every date of this process is written: once, before anything is rendered. */
export function setDateStyle(style: DateStyle): void {
  setting.style = style;
}

/**
 * The style a setting names (BACKSTORY_DATE_STYLE); unset or empty, the
 * default. Anything else is refused, naming the setting and what it takes.
 */
export function dateStyleFrom(value: string | undefined): DateStyle {
  const given = value?.trim().toLowerCase();
  if (!given) return 'month-first';
  const style = DATE_STYLES.find((s) => s === given);
  if (style) return style;
  throw new Error(`BACKSTORY_DATE_STYLE is “${value}”: set it to month-first (“March 3, 2019”) or day-first (“3 March 2019”), or leave it unset`);
}

/** A month and day without the year, in the site's style: "March 3" or "3 March". */
function monthDay(month: number, day: number): string {
  return setting.style === 'day-first' ? `${day} ${monthName(month)}` : `${monthName(month)} ${day}`;
}

/**
 * Reader-facing form at the date's precision: "2016", "July 2016", "July 20, 2016"
 * (or "20 July 2016", see {@link DateStyle}).
 * Put together from the parts rather than through `format`, which took half a
 * second of the page generation of a 4,000-story site.
 */
export function formatDate(date: PartialDate): string {
  if (date.precision === 'year') return String(date.year);
  // As date-fns's "yyyy" wrote it beside a month: 0987.
  const year = String(date.year).padStart(4, '0');
  if (date.precision === 'month') return `${monthName(date.month!)} ${year}`;
  // "3 March 2019", "March 3, 2019".
  return `${monthDay(date.month!, date.day!)}${setting.style === 'day-first' ? '' : ','} ${year}`;
}

/**
 * The two ends of a span as written, without what they share: "February 3"
 * and "9, 2017" joined by "–"; "February 3" and "March 9, 2017" by " – ";
 * whole dates otherwise. Day first, what the ends share comes last instead:
 * "3" and "9 February 2017", "3 February" and "9 March 2017". The same day
 * twice is one date (`to` undefined).
 */
export function rangeParts(from: PartialDate, to: PartialDate): { from: string; separator: string; to?: string } {
  if (compareDates(from, to) === 0 && from.precision === to.precision) return { from: formatDate(from), separator: '' };
  if (from.precision === 'day' && to.precision === 'day' && from.year === to.year) {
    if (from.month === to.month) {
      return setting.style === 'day-first'
        ? { from: String(from.day), separator: '–', to: formatDate(to) }
        : { from: monthDay(from.month!, from.day!), separator: '–', to: `${to.day}, ${to.year}` };
    }
    return { from: monthDay(from.month!, from.day!), separator: ' – ', to: formatDate(to) };
  }
  // "March–May 2018", not "March 2018 – May 2018".
  if (from.precision === 'month' && to.precision === 'month' && from.year === to.year) return { from: monthName(from.month!), separator: '–', to: formatDate(to) };
  return { from: formatDate(from), separator: ' – ', to: formatDate(to) };
}

/**
 * Two days named together, without what they share: "March 3 and 10, 2019",
 * "March 31 and April 2, 2019" (day first: "3 and 10 March 2019"); whole
 * dates across a New Year.
 */
export function formatTwoDays(first: PartialDate, second: PartialDate): string {
  const parts = rangeParts(first, second);
  return parts.to === undefined ? parts.from : `${parts.from} and ${parts.to}`;
}

/** A span such as "February 3–9, 2017" or "2008 – July 22, 2017"; an open end reads "since". */
export function formatRange(from: PartialDate | undefined, to: PartialDate | undefined): string {
  if (from && to) {
    const parts = rangeParts(from, to);
    return `${parts.from}${parts.separator}${parts.to ?? ''}`;
  }
  if (from) return `since ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return '';
}

/** A published timestamp: `YYYY-MM-DD` or a full ISO date-time. */
export interface Timestamp {
  /** The value as written, kept for machine-readable output. */
  iso: string;
  /** The calendar day it falls on, as written (no time-zone shift). */
  day: PartialDate;
}

/** A published date without a time: `2017-06-07`. */
export const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A timestamp as an ISO 8601 date-time with a time zone: a plain day is noon
 * UTC, a zone is kept. Schema.org and feeds want a zone, and the site has
 * none of its own: noon UTC is the same day from UTC−11 to UTC+11, so no
 * search result or feed shows the day before. A time without a zone never
 * gets here: `parseTimestamp` refuses it.
 */
export function isoDateTime(timestamp: Pick<Timestamp, 'iso'>): string {
  const iso = timestamp.iso.trim();
  if (DAY_ONLY.test(iso)) return `${iso}T12:00:00Z`;
  const match = DATE_TIME.exec(iso);
  if (!match) throw new Error(`Not an ISO timestamp: "${iso}"`);
  const [, day, hoursMinutes, seconds = '00', fraction = '', zone = ''] = match;
  const normalizedZone = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${day}T${hoursMinutes}:${seconds}${fraction}${normalizedZone}`;
}

/** The same instant as a Date: for feeds, and to order the stories of one day. */
export function timestampDate(timestamp: Pick<Timestamp, 'iso'>): Date {
  return new Date(isoDateTime(timestamp));
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseTimestamp(value: unknown): { ok: true; value: Timestamp } | { ok: false; message: string } {
  if (value instanceof Date) {
    if (!isValid(value)) return { ok: false, message: 'is not a valid date' };
    const iso = value.toISOString();
    const hasTime = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() + value.getUTCMilliseconds() > 0;
    const dayPart = parsePartialDate(iso.slice(0, 10));
    if (!dayPart.ok) return dayPart;
    return { ok: true, value: { iso: hasTime ? iso : iso.slice(0, 10), day: dayPart.date } };
  }
  if (typeof value !== 'string') {
    return { ok: false, message: `expected YYYY-MM-DD or an ISO date-time such as 2017-06-07T09:30:00-04:00, found ${describe(value)}` };
  }
  const match = TIMESTAMP.exec(value.trim());
  if (!match) {
    return { ok: false, message: `expected YYYY-MM-DD or an ISO date-time such as 2017-06-07T09:30:00-04:00, found "${value}"${writtenDateHint(value)}` };
  }
  const dayPart = parsePartialDate(match[1]);
  if (!dayPart.ok) return dayPart;
  if (match[2] !== undefined && (Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4] ?? 0) > 59)) {
    return { ok: false, message: `"${value}" has an impossible time of day` };
  }
  // Without a zone the instant is a guess, and feeds and structured data state instants.
  if (match[2] !== undefined && match[5] === undefined) {
    return { ok: false, message: `"${value.trim()}" has a time but no time zone: add the offset, such as ${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}-04:00, or Z for UTC (or give the day alone)` };
  }
  return { ok: true, value: { iso: value.trim(), day: dayPart.date } };
}

/** A UTC date; unlike `Date.UTC`, years 0–99 stay themselves instead of becoming 1900–1999. */
function utc(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d;
}


/** The English name of a month, 1–12. */
export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (name === undefined) throw new RangeError(`no month ${month}`);
  return name;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
