/** The sitemap files: every path once, sorted, under the site's base, dated where a date is known, split by size. */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { SITEMAP_INDEX, sitemapFiles } from '../../src/lib/sitemap.ts';

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
type Url = { loc: string; lastmod?: string };
const urls = (file: string | undefined) => xml.parse(file!).urlset.url as Url[];
const index = (files: Map<string, string>) => xml.parse(files.get(SITEMAP_INDEX)!).sitemapindex.sitemap as Url[];

describe('sitemapFiles', () => {
  const lastmods = new Map([
    ['', '2018-01-01T12:00:00Z'],
    ['stories/a/', '2017-06-20T12:00:00Z'],
    // A zone other than UTC: written as the same instant in UTC.
    ['stories/b/', '2018-03-01T09:30:00+02:00'],
  ]);

  it.each([
    ['at the root of a host', 'https://news.example.org/', 'https://news.example.org/stories/a/', 'https://news.example.org/sitemap-0.xml'],
    ['under a sub-path', 'https://news.example.org/explainer/', 'https://news.example.org/explainer/stories/a/', 'https://news.example.org/explainer/sitemap-0.xml'],
  ])('lists every page %s, sorted, once, with its date if it has one', (_, root, storyUrl, fileUrl) => {
    const files = sitemapFiles(['stories/b/', 'people/', '', 'stories/a/', 'stories/a/'], lastmods, root);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', SITEMAP_INDEX]);
    expect(urls(files.get('sitemap-0.xml'))).toEqual([
      { loc: root, lastmod: '2018-01-01T12:00:00.000Z' },
      { loc: new URL('people/', root).href },
      { loc: storyUrl, lastmod: '2017-06-20T12:00:00.000Z' },
      { loc: new URL('stories/b/', root).href, lastmod: '2018-03-01T07:30:00.000Z' },
    ]);
    // The index dates the file by its newest page.
    expect(index(files)).toEqual([{ loc: fileUrl, lastmod: '2018-03-01T07:30:00.000Z' }]);
  });

  it('splits a large site into files the protocol allows, each dated by its own pages', () => {
    const paths = Array.from({ length: 5 }, (_, i) => `events/e${i}/`);
    const files = sitemapFiles(paths, new Map([['events/e0/', '2019-01-01T12:00:00Z']]), 'https://x.example/', 2);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', SITEMAP_INDEX]);
    expect([0, 1, 2].map((n) => urls(files.get(`sitemap-${n}.xml`)).map((u) => u.loc))).toEqual([
      ['https://x.example/events/e0/', 'https://x.example/events/e1/'],
      ['https://x.example/events/e2/', 'https://x.example/events/e3/'],
      ['https://x.example/events/e4/'],
    ]);
    expect(index(files)).toEqual([
      { loc: 'https://x.example/sitemap-0.xml', lastmod: '2019-01-01T12:00:00.000Z' },
      { loc: 'https://x.example/sitemap-1.xml' },
      { loc: 'https://x.example/sitemap-2.xml' },
    ]);
  });

  it('writes URLs a crawler can read: non-ASCII percent-encoded, XML characters escaped', () => {
    const files = sitemapFiles(['tags/łódź/', 'search/?q=a&b'], new Map(), 'https://x.example/');
    const file = files.get('sitemap-0.xml')!;
    expect(file).toContain('<loc>https://x.example/search/?q=a&amp;b</loc>');
    expect(urls(file).map((u) => u.loc)).toEqual(['https://x.example/search/?q=a&b', 'https://x.example/tags/%C5%82%C3%B3d%C5%BA/']);
  });
});
