/** Feeds and sitemap dates: stable item identities, newest first, escaping, lastmod per page. */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { atomFeed, FEED_ITEMS, pageLastmods, rssItems, storyGuid } from '../../src/lib/feeds.ts';
import { parseTimestamp, type Timestamp } from '../../src/lib/dates.ts';
import type { StoryRecord } from '../../src/lib/records.ts';
import type { StoryId } from '../../src/lib/ids.ts';
import type { Graph } from '../../src/lib/graph.ts';

const ctx = { site: 'https://news.example.org', base: '/explainer/' };

function ts(value: string): Timestamp {
  const parsed = parseTimestamp(value);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function story(id: string, published: string, extra: Partial<StoryRecord> = {}): StoryRecord {
  return {
    kind: 'story',
    id: id as StoryId,
    file: `content/stories/${id}.md`,
    body: 'Text.',
    bodyLine: 5,
    title: `Story ${id}`,
    summary: `About ${id}.`,
    published: ts(published),
    tags: [],
    autolink: true,
    draft: false,
    people: [],
    events: [],
    ...extra,
  };
}

describe('item identity', () => {
  it('depends on the id alone: an update, a new title or new text keep the guid', () => {
    const before = story('budget-vote', '2017-06-07');
    const after = { ...before, title: 'Budget passes after all', summary: 'Changed.', body: 'New text.', updated: ts('2018-01-02') };
    expect(storyGuid(after, ctx)).toBe(storyGuid(before, ctx));
    expect(rssItems([after], ctx)[0]!.link).toBe(rssItems([before], ctx)[0]!.link);
    expect(storyGuid(before, ctx)).toBe('https://news.example.org/explainer/stories/budget-vote/');
    // Another story, another guid.
    expect(storyGuid(story('other', '2017-06-07'), ctx)).not.toBe(storyGuid(before, ctx));
  });

  it('keeps the Atom entry id when the story is updated, while <updated> moves', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const before = parser.parse(atomFeed([story('a', '2017-06-07')], ctx)).feed.entry;
    const after = parser.parse(atomFeed([story('a', '2017-06-07', { updated: ts('2017-06-09T08:00:00Z'), title: 'New' })], ctx)).feed.entry;
    expect(after.id).toBe(before.id);
    expect(before.updated).toBe('2017-06-07T12:00:00Z');
    expect(after.updated).toBe('2017-06-09T08:00:00Z');
    expect(after.published).toBe(before.published);
  });
});

describe('RSS items', () => {
  it('lists stories newest first, with summary and publication date', () => {
    const items = rssItems([story('old', '2016-01-01'), story('new', '2017-06-07T09:30:00-04:00'), story('mid', '2017-01-01')], ctx);
    expect(items.map((i) => i.title)).toEqual(['Story new', 'Story mid', 'Story old']);
    expect(items[0]).toMatchObject({ link: 'https://news.example.org/explainer/stories/new/', description: 'About new.' });
    expect(items[0]!.pubDate.toISOString()).toBe('2017-06-07T13:30:00.000Z');
  });

  it('escapes the byline it adds as dc:creator', () => {
    expect(rssItems([story('a', '2017-01-01', { byline: 'Ana <Lima> & Co' })], ctx)[0]!.customData).toBe('<dc:creator>Ana &lt;Lima&gt; &amp; Co</dc:creator>');
  });
});

describe('both feeds', () => {
  it('hold the newest stories only, FEED_ITEMS of them', () => {
    const many = Array.from({ length: FEED_ITEMS + 10 }, (_, i) => story(`s${i}`, `2017-01-01T00:${String(i).padStart(2, '0')}:00Z`));
    const items = rssItems(many, ctx);
    expect(items).toHaveLength(FEED_ITEMS);
    expect(items[0]!.link).toMatch(/\/stories\/s59\/$/);
    const entries = new XMLParser().parse(atomFeed(many, ctx)).feed.entry;
    expect(entries).toHaveLength(FEED_ITEMS);
    expect(entries.at(-1).id).toMatch(/\/stories\/s10\/$/);
  });
});

describe('Atom feed', () => {
  it('is well-formed with hostile text, with feed id, self link and the latest update', () => {
    const xml = atomFeed(
      [story('a', '2017-06-07', { title: 'A <b>bold</b> & "quoted" title\u0007', tags: ['x&y'] }), story('b', '2017-06-08', { updated: ts('2017-07-01') })],
      ctx,
    );
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.id).toBe('https://news.example.org/explainer/');
    expect(feed.updated).toBe('2017-07-01T12:00:00Z');
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe('https://news.example.org/explainer/atom.xml');
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([
      'https://news.example.org/explainer/stories/b/',
      'https://news.example.org/explainer/stories/a/',
    ]);
    expect(xml).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>');
    expect(xml).toContain('<category term="x&amp;y"/>');
  });

  it('marks an entry in another language with it', () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(atomFeed([story('a', '2017-06-07', { lang: 'es' }), story('b', '2017-06-08')], ctx)).feed;
    expect(feed.entry.map((e: Record<string, string>) => e['@_xml:lang'])).toEqual([undefined, 'es']);
  });

  it('stays valid without stories', () => {
    const feed = new XMLParser().parse(atomFeed([], ctx)).feed;
    expect(feed.updated).toBe('1970-01-01T00:00:00Z');
    expect(feed.entry).toBeUndefined();
  });
});

describe('sitemap lastmod', () => {
  const a = story('a', '2017-06-07', { updated: ts('2017-06-20') });
  const b = story('b', '2018-01-01');
  const graph = {
    storiesByDate: [b, a],
    people: new Map([['p', {}]]),
    events: new Map([['e', {}], ['quiet', {}]]),
    personStories: (id: string) => (id === 'p' ? [{ story: a }] : []),
    eventStories: (id: string) => (id === 'e' ? [{ story: a }, { story: b }] : []),
    storyEvents: (id: string) => (id === 'a' ? [{}] : []),
  } as unknown as Pick<Graph, 'storiesByDate' | 'people' | 'events' | 'personStories' | 'eventStories' | 'storyEvents'>;

  it('dates stories by their update, pages that list stories by the latest, and leaves the rest undated', () => {
    const lastmods = pageLastmods(graph);
    expect(lastmods.get('stories/a/')).toBe('2017-06-20T12:00:00Z');
    expect(lastmods.get('stories/b/')).toBe('2018-01-01T12:00:00Z');
    expect(lastmods.get('')).toBe('2018-01-01T12:00:00Z');
    expect(lastmods.get('people/p/')).toBe('2017-06-20T12:00:00Z');
    expect(lastmods.get('events/e/')).toBe('2018-01-01T12:00:00Z');
    expect(lastmods.get('timeline/stories/a/')).toBe('2017-06-20T12:00:00Z');
    expect(lastmods.has('timeline/stories/b/')).toBe(false);
    expect(lastmods.has('events/quiet/')).toBe(false);
    expect(lastmods.has('people/')).toBe(false);
  });
});
