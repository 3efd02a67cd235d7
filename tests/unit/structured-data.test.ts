/** JSON-LD builders: dates with time zones, authors, corrections, people and events at their precision. */
import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  authorsOf,
  breadcrumbList,
  currentRole,
  editorNotes,
  eventLd,
  jsonLdScript,
  newsArticle,
  personLd,
} from '../../src/lib/structured-data.ts';
import { isoDateTime, partialDate, parseTimestamp, type Timestamp } from '../../src/lib/dates.ts';
import type { EventRecord, PersonRecord, StoryRecord } from '../../src/lib/records.ts';
import type { EventId, PersonId, StoryId } from '../../src/lib/ids.ts';

const ctx = { site: 'https://news.example.org', base: '/explainer/' };

function ts(value: string): Timestamp {
  const parsed = parseTimestamp(value);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

const body = `Sessions was removed from an inquiry.[^recusal] It was [[comey-fired|the firing]].[^firing]

[^recusal]: Sessions was not removed: he [[sessions-recusal|recused himself]] on
    2 March 2017, after *The Washington Post* reported [[sergey-kislyak]]'s contacts.

[^firing]: See [the record](https://example.com) of [[Comey's dismissal]].
`;

const story: StoryRecord = {
  kind: 'story',
  id: 'budget-vote' as StoryId,
  file: 'content/stories/budget-vote.md',
  body,
  bodyLine: 8,
  title: 'Council passes the budget',
  summary: 'The council passed the harbour budget.',
  published: ts('2017-06-07'),
  tags: ['budget'],
  autolink: true,
  draft: false,
  people: [],
  events: [],
};

function person(roles: PersonRecord['roles'], aliases: string[] = []): PersonRecord {
  return { kind: 'person', id: 'ana-lima' as PersonId, file: 'content/people/ana-lima.md', body: '', bodyLine: 5, name: 'Ana Lima', aliases, summary: 'Mayor.', roles, autolink: true, draft: false };
}

const role = (title: string, from?: string, to?: string) => ({ title, ...(from ? { from: partialDate(from) } : {}), ...(to ? { to: partialDate(to) } : {}) });

describe('dates with a time zone', () => {
  it('puts a plain day at noon UTC, so every zone from UTC−11 to UTC+11 reads the same day', () => {
    expect(isoDateTime(ts('2017-06-07'))).toBe('2017-06-07T12:00:00Z');
    for (const offset of [-11, 11]) {
      const local = new Date(new Date(isoDateTime(ts('2017-06-07'))).getTime() + offset * 3_600_000);
      expect(local.getUTCDate()).toBe(7);
    }
  });

  it('keeps a written zone and completes seconds', () => {
    expect(isoDateTime(ts('2017-06-07T09:30:00-04:00'))).toBe('2017-06-07T09:30:00-04:00');
    expect(isoDateTime(ts('2017-06-07T09:30-0400'))).toBe('2017-06-07T09:30:00-04:00');
    expect(isoDateTime(ts('2017-06-07 09:30:15Z'))).toBe('2017-06-07T09:30:15Z');
    expect(() => isoDateTime({ iso: '2017-06-07T09:30' })).toThrow(/Not an ISO timestamp/);
    for (const value of ['2017-06-07', '2017-06-07T09:30:00-04:00', '2017-06-07T09:30Z']) {
      expect(Number.isNaN(new Date(isoDateTime(ts(value))).getTime()), value).toBe(false);
    }
  });
});

describe('NewsArticle', () => {
  const notes = editorNotes(body, (id) => ({ 'sergey-kislyak': 'Sergey Kislyak' })[id]);

  it('has the required properties, absolute URLs below the base, and dates with zones', () => {
    const ld = newsArticle({ story: { ...story, updated: ts('2017-06-09T10:00:00+02:00') }, image: 'og/stories/budget-vote.png', notes }, ctx);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Council passes the budget',
      datePublished: '2017-06-07T12:00:00Z',
      dateModified: '2017-06-09T10:00:00+02:00',
      image: ['https://news.example.org/explainer/og/stories/budget-vote.png'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.org/explainer/stories/budget-vote/' },
      publisher: { '@type': 'Organization', name: 'Backstory', logo: { '@type': 'ImageObject', url: 'https://news.example.org/explainer/og/logo.png' } },
    });
  });

  it('takes dateModified from published when the story was never updated', () => {
    expect(newsArticle({ story, image: 'x.png' }, ctx).dateModified).toBe('2017-06-07T12:00:00Z');
  });

  it('turns each editor’s note into a CorrectionComment in plain words', () => {
    expect(notes.map((n) => n.id)).toEqual(['recusal', 'firing']);
    expect(notes[0]!.text).toBe("Sessions was not removed: he recused himself on 2 March 2017, after The Washington Post reported Sergey Kislyak's contacts.");
    // A link keeps its words; a [[name]] not known as an id stays as written.
    expect(notes[1]!.text).toBe("See the record of Comey's dismissal.");
    const ld = newsArticle({ story, image: 'x.png', notes }, ctx);
    expect(ld.correction).toEqual(notes.map((n) => ({ '@type': 'CorrectionComment', text: n.text })));
    expect(newsArticle({ story, image: 'x.png' }, ctx)).not.toHaveProperty('correction');
  });

  it('credits named people, and a desk or no byline to the publication', () => {
    expect(authorsOf({ byline: 'Jane Doe and John Roe' }, ctx)).toEqual([{ '@type': 'Person', name: 'Jane Doe' }, { '@type': 'Person', name: 'John Roe' }]);
    expect(authorsOf({ byline: 'By Ana Lima' }, ctx)).toEqual([{ '@type': 'Person', name: 'Ana Lima' }]);
    expect(authorsOf({ byline: 'Staff writer', source: { name: 'Example Times', url: 'https://example.com/a/b' } }, ctx)).toEqual([
      { '@type': 'Organization', name: 'Example Times', url: 'https://example.com' },
    ]);
    expect(authorsOf({}, ctx)).toEqual([expect.objectContaining({ '@type': 'Organization', name: 'Backstory' })]);
  });
});

describe('Person', () => {
  it('names the current role, else the one that ended last', () => {
    expect(currentRole(person([role('Senator', '1997', '2017-02'), role('Attorney General', '2017-02-09')]))).toBe('Attorney General');
    expect(currentRole(person([role('Senator', '1997', '2017-02'), role('Attorney General', '2017-02-09', '2018-11-07')]))).toBe('Attorney General');
    expect(currentRole(person([role('Attorney General', '2017-02-09', '2018-11-07'), role('Senator', '1997', '2017-02')]))).toBe('Attorney General');
    expect(currentRole(person([]))).toBeUndefined();
  });

  it('lists aliases as alternate names', () => {
    const ld = personLd({ person: person([role('Mayor', '2020')], ['Lima', 'Mayor Lima']), image: 'og/people/ana-lima.png' }, ctx);
    expect(ld).toMatchObject({ '@type': 'Person', name: 'Ana Lima', alternateName: ['Lima', 'Mayor Lima'], jobTitle: 'Mayor', description: 'Mayor.', url: 'https://news.example.org/explainer/people/ana-lima/' });
    expect(personLd({ person: person([]), image: 'x.png' }, ctx)).not.toHaveProperty('alternateName');
  });
});

describe('Event', () => {
  const event: EventRecord = {
    kind: 'event',
    id: 'convention' as EventId,
    file: 'content/events/convention.md',
    body: '',
    bodyLine: 5,
    title: 'Convention week',
    date: partialDate('2016-07'),
    end: partialDate('2016-08-02'),
    people: ['ana-lima' as PersonId],
    summary: 'They met.',
    sources: [],
    draft: false,
  };
  const people = [
    { kind: 'person' as const, id: 'ana-lima' as PersonId, name: 'Ana Lima' },
    { kind: 'person' as const, id: 'bo-chen' as PersonId, name: 'Bo Chen' },
  ];

  it('keeps the dates at their precision and separates who took part from who is mentioned', () => {
    const ld = eventLd({ event, image: 'og/events/convention.png', people }, ctx);
    expect(ld).toMatchObject({ '@type': 'Event', name: 'Convention week', startDate: '2016-07', endDate: '2016-08-02', description: 'They met.' });
    expect(ld.attendee).toEqual([{ '@type': 'Person', name: 'Ana Lima', url: 'https://news.example.org/explainer/people/ana-lima/' }]);
    expect(ld.about).toEqual([{ '@type': 'Person', name: 'Bo Chen', url: 'https://news.example.org/explainer/people/bo-chen/' }]);
    expect(eventLd({ event: { ...event, end: undefined, date: partialDate('2016') }, image: 'x.png', people: [] }, ctx)).not.toHaveProperty('endDate');
  });
});

describe('breadcrumbs and serialisation', () => {
  it('numbers the trail from 1 with absolute URLs', () => {
    expect(breadcrumbList([{ name: 'Home', path: '' }, { name: 'People', path: 'people/' }], ctx).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example.org/explainer/' },
      { '@type': 'ListItem', position: 2, name: 'People', item: 'https://news.example.org/explainer/people/' },
    ]);
    expect(absoluteUrl({ site: 'https://news.example.org/', base: '/' }, 'a/')).toBe('https://news.example.org/a/');
  });

  it('cannot end its <script> early, and still parses to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> <!-- & \u2028' };
    const text = jsonLdScript(data);
    expect(text).not.toMatch(/<|>|&/);
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(data);
  });
});
