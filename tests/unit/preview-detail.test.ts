/**
 * A person's preview card on a dated page names the role they held then (the
 * 2017 story's card says "45th President", not the office held now), with
 * ends at year or month precision covering all of their year or month.
 */
import { describe, expect, it } from 'vitest';
import { detailOn, heldOn, type PreviewRole } from '../../src/lib/preview-detail.ts';
import { personPreview } from '../../src/lib/preview.ts';
import { partialDate } from '../../src/lib/dates.ts';
import type { PersonRecord } from '../../src/lib/records.ts';

describe('heldOn', () => {
  it.each<[string, PreviewRole, string, boolean]>([
    ['within the dates', { title: 'A', from: '2017-01-20', to: '2021-01-20' }, '2017-06-07', true],
    ['before it began', { title: 'A', from: '2017-01-20' }, '2016-12-31', false],
    ['on its last day', { title: 'A', to: '2018-11-07' }, '2018-11-07', true],
    ['after it ended', { title: 'A', to: '2018-11-07' }, '2018-11-08', false],
    ['an end given as a year covers the whole year', { title: 'A', from: '2010', to: '2017' }, '2017-12-31', true],
    ['a start given as a month covers the whole month', { title: 'A', from: '2017-02' }, '2017-02-01', true],
    ['a page dated to a month, within', { title: 'A', from: '2017-02-09', to: '2018-11-07' }, '2017-03', true],
    ['a page dated to a year a role began in', { title: 'A', from: '2017-02-09' }, '2017', true],
    ['no dates: always', { title: 'A' }, '1990-01-01', true],
  ])('%s', (_name, role, day, expected) => {
    expect(heldOn(role, day)).toBe(expected);
  });
});

describe('a person’s card on a dated page', () => {
  const trump = {
    name: 'Donald Trump',
    summary: 'S.',
    roles: [
      { title: '45th President of the United States', from: partialDate('2017-01-20'), to: partialDate('2021-01-20') },
      { title: '47th President of the United States', from: partialDate('2025-01-20') },
    ],
  } as unknown as PersonRecord;
  const preview = personPreview(trump);

  it('carries the roles, with their dates at their precision', () => {
    expect(preview.roles).toEqual([
      { title: '45th President of the United States', from: '2017-01-20', to: '2021-01-20' },
      { title: '47th President of the United States', from: '2025-01-20' },
    ]);
    expect(preview.detail).toBe('47th President of the United States, since January 20, 2025');
  });

  it.each<[string, string | undefined, string | undefined]>([
    ['on a 2017 story, the role then', '2017-06-07', 'At the time: 45th President of the United States'],
    ['between the two, the latest role', '2023-05-01', '47th President of the United States, since January 20, 2025'],
    ['on an undated page, the latest role', undefined, '47th President of the United States, since January 20, 2025'],
  ])('%s', (_name, day, expected) => {
    expect(detailOn(preview, day)).toBe(expected);
  });

  it('gives the role held now, not a later one that has ended, as the social card does', () => {
    const senator = {
      ...trump,
      roles: [
        { title: 'Senator', from: partialDate('2010') },
        { title: 'Envoy to the talks', from: partialDate('2015-03-02'), to: partialDate('2015-03-20') },
      ],
    } as unknown as PersonRecord;
    expect(personPreview(senator).detail).toBe('Senator, since 2010');
    expect(personPreview({ ...senator, roles: senator.roles.slice(1) } as PersonRecord).detail).toBe('Envoy to the talks, March 2–20, 2015');
  });

  it('carries no roles for one role: its line says it', () => {
    expect(personPreview({ ...trump, roles: trump.roles.slice(0, 1) } as PersonRecord).roles).toBeUndefined();
  });
});
