import { describe, expect, it } from 'vitest';
import { changesAfter, deathAsOf, lastRoleBefore, rolesAt, rolesEndedAtDeath, type Role } from '../../src/lib/roles.ts';
import { groupByYearMonth } from '../../src/lib/timeline.ts';
import { basePathFrom, normalizeBase, siteUrlFrom, withBase } from '../../src/lib/paths.ts';
import { isValidId, toId } from '../../src/lib/ids.ts';
import { sortEvents } from '../../src/lib/graph.ts';
import { partialDate } from '../../src/lib/dates.ts';
import type { EventRecord } from '../../src/lib/records.ts';
import type { EventId } from '../../src/lib/ids.ts';

const role = (title: string, from?: string, to?: string): Role => ({
  title,
  ...(from ? { from: partialDate(from) } : {}),
  ...(to ? { to: partialDate(to) } : {}),
});

// As in content/people/sergey-kislyak.md.
const kislyak = {
  roles: [
    role('Ambassador to NATO', '1998', '2003'),
    role('Deputy Foreign Minister', '2003', '2008'),
    role('Ambassador to the United States', '2008', '2017-07-22'),
  ],
};

// As in content/people/jeff-sessions.md.
const sessions = {
  roles: [
    role('Senator for Alabama', '1997', '2017-02'),
    role('Chair, campaign national-security committee', '2016-03-03', '2016-11'),
    role('Attorney General', '2017-02-09'),
  ],
};

// Known only to the year it ended.
const yearOnly = { roles: [role('Ambassador to the United States', '2008', '2017')] };
// No dates at all.
const undated = { roles: [role('Adviser')] };

const titles = (roles: Role[]) => roles.map((r) => r.title);

describe('rolesAt', () => {
  it.each<[string, { roles: Role[] }, string, string[]]>([
    ['Kislyak on the story date', kislyak, '2017-06-07', ['Ambassador to the United States']],
    ['Kislyak on his last day', kislyak, '2017-07-22', ['Ambassador to the United States']],
    ['Kislyak the day after', kislyak, '2017-07-23', []],
    ['Kislyak in the month he left', kislyak, '2017-07', ['Ambassador to the United States']],
    ['Kislyak in a year two roles share', kislyak, '2003', ['Ambassador to NATO', 'Deputy Foreign Minister']],
    ['Kislyak on a day in a shared year', kislyak, '2008-05-01', ['Deputy Foreign Minister', 'Ambassador to the United States']],
    ['Kislyak before any role', kislyak, '1990', []],
    ['a year-precision end still held mid-year', yearOnly, '2017-06-07', ['Ambassador to the United States']],
    ['a year-precision end still held on 31 December', yearOnly, '2017-12-31', ['Ambassador to the United States']],
    ['a year-precision end over the next year', yearOnly, '2018-01-01', []],
    ['Sessions on the day he was sworn in', sessions, '2017-02-09', ['Senator for Alabama', 'Attorney General']],
    ['Sessions on the story date', sessions, '2017-06-07', ['Attorney General']],
    ['Sessions during the campaign', sessions, '2016-07-20', ['Senator for Alabama', 'Chair, campaign national-security committee']],
    ['Sessions the day before the committee', sessions, '2016-03-02', ['Senator for Alabama']],
    ['an undated role is always held', undated, '1900', ['Adviser']],
  ])('%s (%s)', (_name, person, day, expected) => {
    expect(titles(rolesAt(person, partialDate(day)))).toEqual(expected);
  });
});

describe('deathAsOf', () => {
  it.each<[string, string | undefined, string, Record<string, unknown>]>([
    ['alive: nothing', undefined, '2024-06-01', {}],
    ['died after the day: since', '2024-12-01', '2024-06-01', { since: partialDate('2024-12-01') }],
    ['died before the day: by', '2024-12-01', '2025-01-02', { by: partialDate('2024-12-01') }],
    ['died on the day: by', '2024-12-01', '2024-12-01', { by: partialDate('2024-12-01') }],
    ['died in the month of the day, day unknown: by (it may have been)', '2024-12', '2024-12-10', { by: partialDate('2024-12') }],
  ])('%s', (_name, died, day, expected) => {
    expect(deathAsOf(died ? { died: partialDate(died) } : {}, partialDate(day))).toEqual(expected);
  });
});

describe('rolesEndedAtDeath', () => {
  it('ends a role still open at the death on its day, and leaves the others and the living as they were', () => {
    const midwife = { died: partialDate('2021-04-16'), roles: [role('Student', '2005', '2008'), role('Midwife', '2011')] };
    expect(rolesEndedAtDeath(midwife).roles).toEqual([role('Student', '2005', '2008'), role('Midwife', '2011', '2021-04-16')]);
    expect(rolesAt(rolesEndedAtDeath(midwife), partialDate('2025-11-19'))).toEqual([]);
    const living = { roles: [role('Midwife', '2011')] };
    expect(rolesEndedAtDeath(living)).toBe(living);
  });
});

describe('changesAfter', () => {
  it.each<[string, { roles: Role[] }, string, string[]]>([
    ['Kislyak leaves after the story date', kislyak, '2017-06-07', ['Ambassador to the United States']],
    ['nothing changes after his last day', kislyak, '2017-07-22', []],
    ['the month he left is not "after"', kislyak, '2017-07', []],
    ['a year-precision end does not count as after a day in that year', yearOnly, '2017-06-07', []],
    ['a year-precision end counts after an earlier year', yearOnly, '2016-12-31', ['Ambassador to the United States']],
    ['roles beginning later count, in the order of the changes', sessions, '2016-01-10', ['Chair, campaign national-security committee', 'Senator for Alabama', 'Attorney General']],
    ['Sessions after his confirmation hearing', sessions, '2017-01-10', ['Senator for Alabama', 'Attorney General']],
    ['Sessions on the story date', sessions, '2017-06-07', []],
    ['an undated role never changes', undated, '2017', []],
  ])('%s (%s)', (_name, person, day, expected) => {
    expect(titles(changesAfter(person, partialDate(day)).map((c) => c.role))).toEqual(expected);
  });

  it('lists the changes in the order they happened, whatever the order of the roles in the file', () => {
    const kaskova = {
      roles: [
        { title: 'Member of Parliament', from: partialDate('2008'), to: partialDate('2015-05') },
        { title: 'President', from: partialDate('2021-03-14') },
        { title: 'Party leader', from: partialDate('2012-09'), to: partialDate('2021-03') },
      ],
    };
    expect(changesAfter(kaskova, partialDate('2010-06-01')).map((c) => `${c.change} ${c.role.title}`)).toEqual(['became Party leader', 'left Member of Parliament', 'became President']);
  });

  it('says of each whether it was taken up or left since', () => {
    expect(changesAfter(sessions, partialDate('2017-01-10')).map((c) => `${c.change} ${c.role.title}`)).toEqual(['left Senator for Alabama', 'became Attorney General']);
  });
});

describe('lastRoleBefore', () => {
  it.each<[string, { roles: Role[] }, string, string | undefined]>([
    ['Kislyak the day after he left', kislyak, '2017-07-23', 'Ambassador to the United States'],
    ['Kislyak on his last day: still held, not before', kislyak, '2017-07-22', undefined],
    ['the latest of several ended roles', kislyak, '2020', 'Ambassador to the United States'],
    ['between two roles', { roles: [role('Senator', '1990', '1995'), role('Governor', '1999')] }, '1997', 'Senator'],
    ['before any role', kislyak, '1990', undefined],
    ['a year-precision end is not before a day in that year', yearOnly, '2017-06-07', undefined],
    ['an undated role never ended', undated, '2017', undefined],
  ])('%s (%s)', (_name, person, day, expected) => {
    expect(lastRoleBefore(person, partialDate(day))?.title).toBe(expected);
  });
});

describe('groupByYearMonth', () => {
  const ev = (id: string, date: string): EventRecord => ({
    kind: 'event',
    id: id as EventId,
    file: `content/events/${id}.md`,
    body: '',
    bodyLine: 1,
    title: id,
    date: partialDate(date),
    people: [],
    summary: id,
    sources: [],
    draft: false,
  });
  const events = sortEvents([
    ev('recusal', '2017-03-02'),
    ev('assessment', '2017-01-06'),
    ev('encounter', '2016-07-20'),
    ev('hearing', '2017-01-10'),
    ev('sometime-2017', '2017'),
    ev('march-month', '2017-03'),
    ev('office-meeting', '2016-09-08'),
    ev('sometime-2018', '2018'),
  ]);
  const groups = groupByYearMonth(events);

  it('groups by year, then month, year-only events first as "Sometime in"', () => {
    expect(groups.map((y) => ({ year: y.year, months: y.months.map((m) => [m.key, m.label, m.events.map((e) => e.id)]) }))).toEqual([
      {
        year: 2016,
        months: [
          ['y2016-m07', 'July', ['encounter']],
          ['y2016-m09', 'September', ['office-meeting']],
        ],
      },
      {
        year: 2017,
        months: [
          ['y2017-m00', 'Sometime in 2017', ['sometime-2017']],
          ['y2017-m01', 'January', ['assessment', 'hearing']],
          ['y2017-m03', 'March', ['march-month', 'recusal']],
        ],
      },
      { year: 2018, months: [['y2018-m00', 'Sometime in 2018', ['sometime-2018']]] },
    ]);
  });

  it.each<[number, string]>([
    [1, 'January'],
    [2, 'February'],
    [6, 'June'],
    [12, 'December'],
  ])('month %i is labelled %s', (month, label) => {
    const [year] = groupByYearMonth([ev('x', `2017-${String(month).padStart(2, '0')}-15`)]);
    expect(year!.months[0]!.label).toBe(label);
    expect(year!.months[0]!.key).toBe(`y2017-m${String(month).padStart(2, '0')}`);
  });

  it('an empty list has no groups', () => {
    expect(groupByYearMonth([])).toEqual([]);
  });
});

describe('normalizeBase / withBase', () => {
  it.each<[string | undefined, string]>([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['///', '/'],
    ['explainer', '/explainer/'],
    ['/explainer', '/explainer/'],
    ['explainer/', '/explainer/'],
    ['/explainer/', '/explainer/'],
    ['//a//', '/a/'],
    [' /news/explainer/ ', '/news/explainer/'],
  ])('normalizeBase(%j) → %s', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['/', 'people/jeff-sessions/', '/people/jeff-sessions/'],
    ['/', '/people/jeff-sessions/', '/people/jeff-sessions/'],
    ['explainer', 'people/jeff-sessions/', '/explainer/people/jeff-sessions/'],
    ['/explainer/', '//events/x/', '/explainer/events/x/'],
    ['//a//', 'stories/s/', '/a/stories/s/'],
    ['/explainer', '', '/explainer/'],
  ])('withBase(%j, %j) → %s', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });

  it.each<[string | undefined, string | undefined, string]>([
    [undefined, undefined, '/'],
    [undefined, 'https://news.example.org', '/'],
    [undefined, 'https://news.example.org/', '/'],
    [undefined, 'https://news.example.org/news', '/news/'],
    [undefined, 'https://news.example.org/news/explainer/', '/news/explainer/'],
    ['/explainer/', 'https://news.example.org/news', '/explainer/'],
    ['/', 'https://news.example.org/news', '/'],
    [undefined, 'not a url', '/'],
  ])('basePathFrom(%j, %j) → %s: BASE_PATH, else the path of SITE_URL', (base, site, expected) => {
    expect(basePathFrom(base, site)).toBe(expected);
  });
});

describe('siteUrlFrom (SITE_URL)', () => {
  it.each<[string | undefined, string]>([
    [undefined, 'http://localhost:4321'],
    ['  ', 'http://localhost:4321'],
    ['https://news.example.org', 'https://news.example.org'],
    [' https://news.example.org/explainer/ ', 'https://news.example.org/explainer/'],
    ['HTTP://news.example.org', 'HTTP://news.example.org'],
  ])('%j → %s', (value, expected) => expect(siteUrlFrom(value)).toBe(expected));

  it.each<[string, RegExp]>([
    ['news.example.org', /^SITE_URL is “news\.example\.org”, with no http:\/\/ or https:\/\/: set it to the whole address, SITE_URL=https:\/\/news\.example\.org$/],
    ['news.example.org/explainer', /SITE_URL=https:\/\/news\.example\.org\/explainer$/],
    ['//news.example.org', /SITE_URL=https:\/\/news\.example\.org$/],
    ['ftp://news.example.org', /^SITE_URL is “ftp:\/\/news\.example\.org”: a site is served over http:\/\/ or https:\/\/, so set it as SITE_URL=https:\/\/news\.example\.org$/],
    ['https://', /which is not a web address/],
  ])('refuses %j, saying what to write', (value, message) => expect(() => siteUrlFrom(value)).toThrow(message));
});

describe('toId', () => {
  it.each<[string, string]>([
    ['Jeff Sessions', 'jeff-sessions'],
    ['Zoë Saldaña', 'zoe-saldana'],
    ['Zoe\u0308 Saldan\u0303a', 'zoe-saldana'],
    ['Crème Brûlée', 'creme-brulee'],
    ['Ångström', 'angstrom'],
    ["O'Brien", 'o-brien'],
    ['Sessions: the rift (2017)', 'sessions-the-rift-2017'],
    ['  --Hello, World!--  ', 'hello-world'],
    ['...leading and trailing junk!!!', 'leading-and-trailing-junk'],
    ['Jeff_Sessions', 'jeff-sessions'],
    ['jeff--sessions', 'jeff-sessions'],
    ['FBI Director', 'fbi-director'],
    ['U.S. Attorney General', 'u-s-attorney-general'],
    ['Trump–Comey', 'trump-comey'],
    ['ﬁnal report', 'final-report'],
    ['Room 101', 'room-101'],
    ['Кисляк', ''],
    ['習近平', ''],
    ['', ''],
    ['!!!', ''],
  ])('toId(%j) → %j', (text, expected) => {
    const id = toId(text);
    expect(id).toBe(expected);
    if (id) expect(isValidId(id)).toBe(true);
  });

  it.each<[string, boolean]>([
    ['jeff-sessions', true],
    ['room-101', true],
    ['a', true],
    ['Jeff-Sessions', false],
    ['jeff--sessions', false],
    ['-jeff', false],
    ['jeff-', false],
    ['jeff sessions', false],
    ['jeff_sessions', false],
    ['zoë', false],
    ['', false],
  ])('isValidId(%j) → %s', (id, expected) => {
    expect(isValidId(id)).toBe(expected);
  });
});
