/** When an event happened, in words, and the last year it covers: a day, a span, or one still going on. */
import { afterEach, describe, expect, it } from 'vitest';
import { eventWhen, lastYearOf } from '../../src/lib/event-when.ts';
import { partialDate, setDateStyle } from '../../src/lib/dates.ts';

const at = (date: string, end?: string, ongoing?: true) => ({ date: partialDate(date), ...(end ? { end: partialDate(end) } : {}), ...(ongoing ? { ongoing } : {}) });

describe('eventWhen', () => {
  afterEach(() => setDateStyle('month-first'));

  it.each<[string, ReturnType<typeof at>, string]>([
    ['a day', at('2017-03-02'), 'March 2, 2017'],
    ['a month', at('2017-03'), 'March 2017'],
    ['a span within a month', at('2017-02-03', '2017-02-09'), 'February 3–9, 2017'],
    ['a span across years', at('2016-12', '2017-02'), 'December 2016 – February 2017'],
    ['one still going on', at('2022-02-24', undefined, true), 'since February 24, 2022'],
    ['one still going on, known to the year', at('2019', undefined, true), 'since 2019'],
  ])('%s', (_name, event, expected) => {
    expect(eventWhen(event)).toBe(expected);
  });

  it('writes the day first where the site does', () => {
    setDateStyle('day-first');
    expect(eventWhen(at('2022-02-24', undefined, true))).toBe('since 24 February 2022');
  });
});

describe('lastYearOf', () => {
  it.each<[string, ReturnType<typeof at>, number]>([
    ['a day: its year', at('2017-03-02'), 2017],
    ['a span: its end’s year', at('2016-12', '2018-02'), 2018],
    ['one still going on: the build’s year', at('2019-05', undefined, true), 2026],
    ['one still going on, dated after the build: its own year', at('2027-01', undefined, true), 2027],
  ])('%s', (_name, event, expected) => {
    expect(lastYearOf(event, 2026)).toBe(expected);
  });
});
