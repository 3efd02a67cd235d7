/**
 * A newsroom's years of stories: the home page shows the latest, and every
 * story is on the page of the year it was published, linked from the home
 * page and from each year page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, scratchDir } from './build-site.ts';
import { attributeValues, read } from './dist.ts';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { loadContent } from '../../src/lib/load.ts';
import { HOME_STORIES } from '../../src/lib/archive.ts';

let scratch: string;
let out: string;
let stories: { id: string; year: number }[];

beforeAll(() => {
  scratch = scratchDir('archive');
  const corpus = join(scratch, 'content');
  generateCorpus(corpus, HOME_STORIES + 15);
  stories = loadContent(corpus).content.stories.map((s) => ({ id: s.id, year: s.published.day.year }));
  out = join(scratch, 'dist');
  const result = buildSite({ contentDir: corpus, outDir: out });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The story pages a page's story list links to, in order. */
const listed = (html: string) =>
  attributeValues(html.slice(html.indexOf('<ul class="story-list">'), html.indexOf('</ul>', html.indexOf('<ul class="story-list">'))), 'href').map((href) => /\/stories\/([^/]+)\/$/.exec(href)![1]!);
const yearLinks = (html: string) => attributeValues(html.slice(html.indexOf('<nav class="archive-years"')), 'href').filter((href) => href.includes('/archive/'));

describe('the story archive', () => {
  it('shows only the latest stories on the home page, and links every year', () => {
    const home = read(out, 'index.html');
    const newest = [...stories].sort((a, b) => b.year - a.year);
    expect(listed(home)).toHaveLength(HOME_STORIES);
    // The first story listed is of the latest year.
    expect(stories.find((s) => s.id === listed(home)[0])!.year).toBe(newest[0]!.year);
    const years = [...new Set(stories.map((s) => s.year))].sort((a, b) => b - a);
    expect(years.length).toBeGreaterThan(1);
    expect(yearLinks(home)).toEqual(years.map((year) => `/archive/${year}/`));
  });

  it('lists every story on the page of its year, and nowhere else', () => {
    const seen = new Map<string, number>();
    for (const year of new Set(stories.map((s) => s.year))) {
      const html = read(out, `archive/${year}/index.html`);
      expect(html).toContain(`<h1>Stories from ${year}</h1>`);
      const count = stories.filter((s) => s.year === year).length;
      expect(html).toContain(`content="${count === 1 ? 'The one story' : `All ${count} stories`} published in ${year}, newest first."`);
      // The year's own link is marked as the current page.
      expect(html).toMatch(new RegExp(`href="/archive/${year}/" aria-current="page"`));
      for (const id of listed(html)) seen.set(id, year);
    }
    expect(seen.size).toBe(stories.length);
    for (const { id, year } of stories) expect(seen.get(id), id).toBe(year);
  });

  it('puts the year pages in the sitemap, dated by their latest story', () => {
    const sitemap = read(out, 'sitemap-0.xml');
    for (const year of new Set(stories.map((s) => s.year))) expect(sitemap).toMatch(new RegExp(`<loc>[^<]*/archive/${year}/</loc><lastmod>${year}-`));
  });
});
