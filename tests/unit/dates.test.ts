import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { format } from 'date-fns/format';
import {
  compareDates,
  dateStyleFrom,
  daysInMonth,
  endOf,
  formatDate,
  formatRange,
  formatTwoDays,
  rangeParts,
  overlaps,
  setDateStyle,
  parsePartialDate,
  parseTimestamp,
  partialDate,
  startOf,
  toIso,
  type DateStyle,
  type PartialDate,
} from '../../src/lib/dates.ts';

// Nothing here reads local time: Date inputs are built with Date.UTC, and the
// outputs checked are the module's own strings and UTC fields.

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

describe('parsePartialDate: accepted values', () => {
  it.each<[string, unknown, PartialDate]>([
    ['a year string', '2016', { year: 2016, precision: 'year' }],
    ['a month string', '2016-07', { year: 2016, month: 7, precision: 'month' }],
    ['a day string', '2016-07-20', { year: 2016, month: 7, day: 20, precision: 'day' }],
    ['surrounding whitespace', '  2016-07 ', { year: 2016, month: 7, precision: 'month' }],
    ['a leap day in a leap year', '2020-02-29', { year: 2020, month: 2, day: 29, precision: 'day' }],
    ['the last day of a 31-day month', '2017-12-31', { year: 2017, month: 12, day: 31, precision: 'day' }],
    ['a number (unquoted YAML year)', 2003, { year: 2003, precision: 'year' }],
    ['the smallest number', 1, { year: 1, precision: 'year' }],
    ['the largest number', 9999, { year: 9999, precision: 'year' }],
    ['a Date at UTC midnight (YAML 1.1)', utc(2017, 8, 1), { year: 2017, month: 8, day: 1, precision: 'day' }],
    ['a Date on the last day of a year', utc(2016, 12, 31), { year: 2016, month: 12, day: 31, precision: 'day' }],
    ['a Date on New Year’s Day', utc(2017, 1, 1), { year: 2017, month: 1, day: 1, precision: 'day' }],
    ['a Date late in the UTC day keeps the UTC day', utc(2017, 3, 2, 23, 59), { year: 2017, month: 3, day: 2, precision: 'day' }],
  ])('%s', (_name, input, expected) => {
    expect(parsePartialDate(input)).toEqual({ ok: true, date: expected });
  });
});

describe('parsePartialDate: impossible dates', () => {
  it.each<[unknown, string]>([
    ['2017-02-30', '"2017-02-30" is not a real date: February 2017 has 28 days'],
    ['2019-02-29', '"2019-02-29" is not a real date: February 2019 has 28 days'],
    ['2017-04-31', '"2017-04-31" is not a real date: April 2017 has 30 days'],
    ['2017-01-00', '"2017-01-00" is not a real date: January 2017 has 31 days'],
    ['2017-13', '"2017-13" has no month 13: months run from 01 to 12'],
    ['2017-00', '"2017-00" has no month 00: months run from 01 to 12'],
    ['2017-13-01', '"2017-13-01" has no month 13: months run from 01 to 12'],
  ])('%j is refused', (input, message) => {
    expect(parsePartialDate(input)).toEqual({ ok: false, message });
  });

  it('does not roll an impossible day over into the next month', () => {
    const result = parsePartialDate('2017-02-30');
    expect(result.ok).toBe(false);
  });
});

describe('parsePartialDate: values that are not dates', () => {
  const FORMAT = 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found';
  it.each<[string, unknown, string]>([
    ['words', 'July 2016', `${FORMAT} "July 2016": write 2016-07`],
    ['a date as prose writes it', 'Sept. 12, 2019', `${FORMAT} "Sept. 12, 2019": write 2019-09-12`],
    ['a date day first', '12 September 2019', `${FORMAT} "12 September 2019": write 2019-09-12`],
    ['"present" where the field has no word for it', 'present', `${FORMAT} "present"`],
    ['words that are no month', 'Mayo 2019', `${FORMAT} "Mayo 2019"`],
    ['a two-digit year', '16-07-20', `${FORMAT} "16-07-20"`],
    ['a one-digit month', '2016-7', `${FORMAT} "2016-7": write 2016-07`],
    ['a one-digit month and day', '2019-2-7', `${FORMAT} "2019-2-7": write 2019-02-07`],
    ['a British date, day first', '15/03/2019', `${FORMAT} "15/03/2019": write 2019-03-15`],
    ['an American date, month first', '3.15.2019', `${FORMAT} "3.15.2019": write 2019-03-15`],
    ['a date either way round', '03/04/2019', `${FORMAT} "03/04/2019": write 2019-04-03 if 03 is the day, or 2019-03-04 if it is the month`],
    ['no date either way round', '31/13/2019', `${FORMAT} "31/13/2019"`],
    ['slashes', '2016/07/20', `${FORMAT} "2016/07/20": write 2016-07-20`],
    ['a date-time', '2016-07-20T10:00', `${FORMAT} "2016-07-20T10:00"`],
    ['an empty string', '', `${FORMAT} ""`],
    ['null', null, `${FORMAT} nothing`],
    ['undefined', undefined, `${FORMAT} nothing`],
    ['a list', [], `${FORMAT} a list`],
    ['a mapping', {}, `${FORMAT} a mapping`],
    ['a boolean', true, `${FORMAT} boolean true`],
    ['a fractional number', 2016.5, 'expected a year such as 2016, found 2016.5'],
    ['zero', 0, 'expected a year such as 2016, found 0'],
    ['a five-digit number', 20160, 'expected a year such as 2016, found 20160'],
    ['a negative number', -44, 'expected a year such as 2016, found -44'],
    ['an invalid Date', new Date(Number.NaN), 'is not a valid date'],
  ])('%s is refused with a message saying what was found', (_name, input, message) => {
    expect(parsePartialDate(input)).toEqual({ ok: false, message });
  });

  it('says how the field writes "not over yet" where it has a way, for any of the words for it', () => {
    for (const word of ['present', 'Now', 'ongoing', 'current', 'TBD', '–']) {
      expect(parsePartialDate(word, 'write `end: ongoing`')).toEqual({ ok: false, message: `${FORMAT} "${word}": write \`end: ongoing\`` });
    }
    expect(parsePartialDate('July 2016', 'write `end: ongoing`')).toEqual({ ok: false, message: `${FORMAT} "July 2016": write 2016-07` });
  });

  it('partialDate throws the same message', () => {
    expect(() => partialDate('July 2016')).toThrow('Invalid date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "July 2016": write 2016-07');
    expect(partialDate('2016-07')).toEqual({ year: 2016, month: 7, precision: 'month' });
  });
});

describe('daysInMonth', () => {
  it.each([
    [2017, 2, 28],
    [2016, 2, 29],
    [2000, 2, 29],
    [1900, 2, 28],
    [2017, 4, 30],
    [2017, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('formatDate and toIso at each precision', () => {
  it.each<[string, string, string]>([
    ['2016', '2016', '2016'],
    ['2016-07', 'July 2016', '2016-07'],
    ['2016-07-20', 'July 20, 2016', '2016-07-20'],
    ['2017-01-01', 'January 1, 2017', '2017-01-01'],
    ['2017-12-31', 'December 31, 2017', '2017-12-31'],
    ['2017-12', 'December 2017', '2017-12'],
    ['0987', '987', '0987'],
  ])('%s reads "%s" and is written %s', (input, shown, iso) => {
    const date = partialDate(input);
    expect(formatDate(date)).toBe(shown);
    expect(toIso(date)).toBe(iso);
  });

  it('writes every day and month as date-fns formats them ("MMMM d, yyyy", "MMMM yyyy")', () => {
    for (const year of [50, 987, 2016, 2024]) {
      for (let month = 1; month <= 12; month++) {
        const local = new Date(0);
        local.setFullYear(year, month - 1, 1);
        expect(formatDate({ year, month, precision: 'month' })).toBe(format(local, 'MMMM yyyy'));
        for (let day = 1; day <= 31; day++) {
          local.setFullYear(year, month - 1, day);
          if (local.getDate() !== day) break; // past the month's last day
          expect(formatDate({ year, month, day, precision: 'day' })).toBe(format(local, 'MMMM d, yyyy'));
        }
      }
    }
  });

  it('formats a YAML Date on its UTC day whatever the machine’s time zone', () => {
    expect(formatDate(partialDate(utc(2017, 1, 1)))).toBe('January 1, 2017');
    expect(formatDate(partialDate(utc(2016, 12, 31)))).toBe('December 31, 2016');
  });

  // Date.UTC(y, …) maps years 0–99 to 1900–1999; the date helpers must not.
  it('keeps years before 100 (parsePartialDate accepts them)', () => {
    const date = partialDate('0050-07');
    expect(startOf(date).getUTCFullYear()).toBe(50);
    expect(formatDate(date)).not.toContain('1950');
  });
});

describe('startOf / endOf', () => {
  it.each<[string, string, string]>([
    ['2016', '2016-01-01', '2016-12-31'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['2017-02', '2017-02-01', '2017-02-28'],
    ['2016-07-20', '2016-07-20', '2016-07-20'],
  ])('%s runs from %s to %s (UTC)', (input, first, last) => {
    const date = partialDate(input);
    expect(startOf(date).toISOString().slice(0, 10)).toBe(first);
    expect(endOf(date).toISOString().slice(0, 10)).toBe(last);
    expect(startOf(date).getUTCHours()).toBe(0);
  });
});

describe('compareDates', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ['2017', '2017-03', -1],
    ['2017-03', '2017-03-02', -1],
    ['2017-03-02', '2017-04', -1],
    ['2017-03-31', '2017-04', -1],
    ['2017', '2017-01-01', -1],
    ['2016-12-31', '2017', -1],
    ['2016', '2017-01', -1],
    ['2017-04', '2017', 1],
    ['2017-03-02', '2017-03', 1],
    ['2018', '2017-12-31', 1],
    ['2017', '2017', 0],
    ['2017-03', '2017-03', 0],
    ['2017-03-02', '2017-03-02', 0],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareDates(partialDate(a), partialDate(b)))).toBe(sign);
    expect(Math.sign(compareDates(partialDate(b), partialDate(a)))).toBe(-sign || 0);
  });

  it('sorts mixed precision with the less precise date first', () => {
    const shuffled = ['2017-04', '2017-03-02', '2016-12', '2017', '2017-03', '2017-03-01', '2016'];
    const sorted = shuffled.map(partialDate).sort(compareDates).map(toIso);
    expect(sorted).toEqual(['2016', '2016-12', '2017', '2017-03', '2017-03-01', '2017-03-02', '2017-04']);
  });
});

describe('overlaps', () => {
  it.each<[string, string, boolean]>([
    ['2017', '2017-03-02', true],
    ['2017-03', '2017-03-31', true],
    ['2017-03', '2017-03-01', true],
    ['2017-03', '2017-04-01', false],
    ['2017-03', '2017-02-28', false],
    ['2016', '2017', false],
    ['2016-12', '2017', false],
    ['2017-03-02', '2017-03-02', true],
    ['2017-03-02', '2017-03-03', false],
    ['2016-02', '2016-02-29', true],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(overlaps(partialDate(a), partialDate(b))).toBe(expected);
    expect(overlaps(partialDate(b), partialDate(a))).toBe(expected);
  });
});

describe('formatRange', () => {
  it.each<[string | undefined, string | undefined, string]>([
    ['2017-02-03', '2017-02-09', 'February 3–9, 2017'],
    ['2017-02-03', '2017-03-09', 'February 3 – March 9, 2017'],
    ['2016-12-30', '2017-01-02', 'December 30, 2016 – January 2, 2017'],
    ['2008', '2017-07-22', '2008 – July 22, 2017'],
    ['1997', '2017-02', '1997 – February 2017'],
    ['2016-03', '2016-11', 'March–November 2016'],
    ['2016-11', '2017-02', 'November 2016 – February 2017'],
    ['2016-03-03', '2016-11', 'March 3, 2016 – November 2016'],
    ['1998', '2003', '1998 – 2003'],
    ['2017-02-09', undefined, 'since February 9, 2017'],
    ['2008', undefined, 'since 2008'],
    [undefined, '2003', 'until 2003'],
    [undefined, '2017-07-22', 'until July 22, 2017'],
    [undefined, undefined, ''],
  ])('%s to %s reads "%s"', (from, to, expected) => {
    expect(formatRange(from ? partialDate(from) : undefined, to ? partialDate(to) : undefined)).toBe(expected);
  });
});

describe('rangeParts', () => {
  it.each<[string, string, { from: string; separator: string; to?: string }]>([
    ['2017-02-03', '2017-02-09', { from: 'February 3', separator: '–', to: '9, 2017' }],
    ['2017-02-03', '2017-03-09', { from: 'February 3', separator: ' – ', to: 'March 9, 2017' }],
    ['2016-03', '2016-11', { from: 'March', separator: '–', to: 'November 2016' }],
    ['2017-02-03', '2017-02-03', { from: 'February 3, 2017', separator: '' }],
  ])('%s to %s: each end in its own words', (from, to, expected) => {
    expect(rangeParts(partialDate(from), partialDate(to))).toEqual(expected);
  });
});

describe('formatTwoDays', () => {
  it.each<[string, string, string]>([
    ['2017-03-03', '2017-03-10', 'March 3 and 10, 2017'],
    ['2017-03-31', '2017-04-02', 'March 31 and April 2, 2017'],
    ['2017-12-30', '2018-01-02', 'December 30, 2017 and January 2, 2018'],
  ])('%s and %s read "%s"', (first, second, expected) => {
    expect(formatTwoDays(partialDate(first), partialDate(second))).toBe(expected);
  });
});

describe('the day-first style', () => {
  beforeEach(() => setDateStyle('day-first'));
  afterEach(() => setDateStyle('month-first'));

  it.each<[string, string | undefined, string]>([
    ['2017-02-03', undefined, '3 February 2017'],
    ['2017-02', undefined, 'February 2017'],
    ['2017', undefined, '2017'],
    ['2017-02-03', '2017-02-09', '3–9 February 2017'],
    ['2017-02-03', '2017-03-09', '3 February – 9 March 2017'],
    ['2016-12-30', '2017-01-02', '30 December 2016 – 2 January 2017'],
    ['2008', '2017-07-22', '2008 – 22 July 2017'],
    ['2016-03', '2016-11', 'March–November 2016'],
  ])('%s to %s reads "%s"', (from, to, expected) => {
    expect(to ? formatRange(partialDate(from), partialDate(to)) : formatDate(partialDate(from))).toBe(expected);
  });

  it('splits a span where the day comes first', () => {
    expect(rangeParts(partialDate('2017-02-03'), partialDate('2017-02-09'))).toEqual({ from: '3', separator: '–', to: '9 February 2017' });
    expect(rangeParts(partialDate('2017-02-03'), partialDate('2017-03-09'))).toEqual({ from: '3 February', separator: ' – ', to: '9 March 2017' });
  });

  it.each<[string, string, string]>([
    ['2017-03-03', '2017-03-10', '3 and 10 March 2017'],
    ['2017-03-31', '2017-04-02', '31 March and 2 April 2017'],
    ['2017-12-30', '2018-01-02', '30 December 2017 and 2 January 2018'],
  ])('%s and %s read "%s"', (first, second, expected) => {
    expect(formatTwoDays(partialDate(first), partialDate(second))).toBe(expected);
  });
});

describe('dateStyleFrom (BACKSTORY_DATE_STYLE)', () => {
  it.each<[string | undefined, DateStyle]>([
    [undefined, 'month-first'],
    ['', 'month-first'],
    ['month-first', 'month-first'],
    ['day-first', 'day-first'],
    [' Day-First ', 'day-first'],
  ])('%j is %s', (value, style) => {
    expect(dateStyleFrom(value)).toBe(style);
  });

  it.each(['dmy', 'british', 'day first'])('refuses %j, naming the setting and both styles', (value) => {
    expect(() => dateStyleFrom(value)).toThrow(/BACKSTORY_DATE_STYLE is “.*”: set it to month-first .* or day-first/);
  });
});

describe('parseTimestamp', () => {
  const day = (y: number, m: number, d: number): PartialDate => ({ year: y, month: m, day: d, precision: 'day' });

  it.each<[string, unknown, string, PartialDate]>([
    ['a plain day', '2017-06-07', '2017-06-07', day(2017, 6, 7)],
    ['a date-time with offset', '2017-06-07T09:30:00-04:00', '2017-06-07T09:30:00-04:00', day(2017, 6, 7)],
    // 23:30 in New York is already 8 June in UTC: the day stays as written.
    ['a late date-time keeps the written day', '2017-06-07T23:30:00-04:00', '2017-06-07T23:30:00-04:00', day(2017, 6, 7)],
    ['an early date-time east of UTC keeps the written day', '2017-06-07T01:00+09:00', '2017-06-07T01:00+09:00', day(2017, 6, 7)],
    ['Z and fractional seconds', '2017-06-07T09:30:00.250Z', '2017-06-07T09:30:00.250Z', day(2017, 6, 7)],
    ['a space instead of T', '2017-06-07 09:30Z', '2017-06-07 09:30Z', day(2017, 6, 7)],
    ['surrounding whitespace is trimmed', '  2017-06-07T09:30:00Z ', '2017-06-07T09:30:00Z', day(2017, 6, 7)],
    ['the last minute of a day', '2017-06-07T23:59:59+02:00', '2017-06-07T23:59:59+02:00', day(2017, 6, 7)],
    ['an offset without a colon', '2017-06-07T09:30-0400', '2017-06-07T09:30-0400', day(2017, 6, 7)],
    ['a Date at UTC midnight', utc(2017, 6, 7), '2017-06-07', day(2017, 6, 7)],
    ['a Date with a time', utc(2017, 6, 7, 9, 30), '2017-06-07T09:30:00.000Z', day(2017, 6, 7)],
  ])('%s', (_name, input, iso, expectedDay) => {
    expect(parseTimestamp(input)).toEqual({ ok: true, value: { iso, day: expectedDay } });
  });

  const SHAPE = 'expected YYYY-MM-DD or an ISO date-time such as 2017-06-07T09:30:00-04:00, found';
  it.each<[string, unknown, string]>([
    ['an hour of 25', '2017-06-07T25:00', '"2017-06-07T25:00" has an impossible time of day'],
    ['an hour of 24', '2017-06-07T24:00', '"2017-06-07T24:00" has an impossible time of day'],
    ['a minute of 60', '2017-06-07T12:60', '"2017-06-07T12:60" has an impossible time of day'],
    ['a second of 61', '2017-06-07T12:00:61Z', '"2017-06-07T12:00:61Z" has an impossible time of day'],
    ['an impossible day', '2017-02-30', '"2017-02-30" is not a real date: February 2017 has 28 days'],
    ['an impossible month', '2017-13-01T10:00', '"2017-13-01" has no month 13: months run from 01 to 12'],
    ['a month only', '2017-06', `${SHAPE} "2017-06"`],
    ['words', 'June 7, 2017', `${SHAPE} "June 7, 2017": write 2017-06-07`],
    ['an hour without minutes', '2017-06-07T09', `${SHAPE} "2017-06-07T09"`],
    // Which instant is meant depends on a zone the editor did not write: feeds and structured data would guess.
    ['a time without a zone', '2017-06-07T09:30', '"2017-06-07T09:30" has a time but no time zone: add the offset, such as 2017-06-07T09:30:00-04:00, or Z for UTC (or give the day alone)'],
    ['seconds without a zone', ' 2017-06-07 23:59:59 ', '"2017-06-07 23:59:59" has a time but no time zone: add the offset, such as 2017-06-07T23:59:59-04:00, or Z for UTC (or give the day alone)'],
    ['a number', 2017, `${SHAPE} number 2017`],
    ['null', null, `${SHAPE} nothing`],
    ['an invalid Date', new Date('nope'), 'is not a valid date'],
  ])('%s is refused', (_name, input, message) => {
    expect(parseTimestamp(input)).toEqual({ ok: false, message });
  });
});
