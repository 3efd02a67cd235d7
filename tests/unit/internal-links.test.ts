/** Links in a body to the site's own pages: those that lead nowhere are told apart from those that lead somewhere. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokenLinks, type SitePages } from '../../src/lib/internal-links.ts';

const publicDir = mkdtempSync(join(tmpdir(), 'links-public-'));
mkdirSync(join(publicDir, 'files'));
writeFileSync(join(publicDir, 'files/report.pdf'), '%PDF');
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

const pages = (base = '/'): SitePages => ({
  stories: new Set(['marina-opens', 'doyle-elected-mayor']),
  people: new Set(['margaret-doyle']),
  events: new Set(['ferry-works']),
  base,
  publicDir,
  heldBack: new Map([
    ['stories/port-sale-explained/', { file: 'content/stories/port-sale-explained.md', draft: false, published: { iso: '2026-12-20' } }],
    ['people/new-chief/', { file: 'content/people/new-chief.md', draft: true }],
  ]),
});

const at = (url: string) => ({ url, line: 3, column: 1 });

describe('brokenLinks', () => {
  it.each<[string, string, string?]>([
    ['a story', '/stories/marina-opens/'],
    ['a story without its last slash', '/stories/marina-opens'],
    ['a paragraph of a story', '/stories/marina-opens/#p-the-vote'],
    ['a person, and their stories of a year', '/people/margaret-doyle/stories/2004/'],
    ['an event', '/events/ferry-works/'],
    ['a letter of the people index', '/people/a-z/d/'],
    ['a section of the site', '/timeline/2010/'],
    ['the home page', '/'],
    ['this page', '#notes'],
    ['a search', '/search/?q=harbour'],
    ['a file in public/', '/files/report.pdf'],
    ['a link with the base already', '/news/stories/marina-opens/', '/news/'],
    ['a path from the page that leads to a page', '../marina-opens/'],
  ])('leaves %s alone', (_name, url, base) => {
    expect(brokenLinks([at(url)], pages(base), 'stories/doyle-elected-mayor/')).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ['a mistyped story id', '/stories/doyle-elected-mayer/', 'the link "/stories/doyle-elected-mayer/" leads to no page: no published story has the id "doyle-elected-mayer"', 'did you mean `/stories/doyle-elected-mayor/`?'],
    ['a person no one has', '/people/zed-nobody/', 'the link "/people/zed-nobody/" leads to no page: no published person has the id "zed-nobody"', 'check the id, or link with [[…]] to a person or event'],
    ['the Markdown file', '/stories/marina-opens.md', 'the link "/stories/marina-opens.md" leads to no page', 'link to the page: /stories/marina-opens/'],
    ['a path from the page', 'stories/marina-opens/', 'the link "stories/marina-opens/" is a path from the page: it leads to /stories/doyle-elected-mayor/stories/marina-opens/, where nothing is', 'write it from the root, as /stories/marina-opens/'],
    ['a path up from the page to a story no one has', '../marina-closes/', 'the link "../marina-closes/" is a path from the page: it leads to /stories/marina-closes/, where nothing is', 'did you mean `/stories/marina-opens/`?'],
    ['something below a record’s page', '/people/margaret-doyle/photos/', 'the link "/people/margaret-doyle/photos/" leads to no page', 'link to the page: /people/margaret-doyle/'],
    ['a story scheduled for later', '/stories/port-sale-explained/', 'the link "/stories/port-sale-explained/" leads to a story scheduled for 2026-12-20, not yet published', 'remove the link until that story is out, or publish it now: change `published` in content/stories/port-sale-explained.md'],
    ['a draft', '/people/new-chief/', 'the link "/people/new-chief/" leads to a draft, left out of the site', 'publish the draft first, deleting `draft: true` in content/people/new-chief.md, or unlink it'],
    ['a mistyped section', '/archve/', 'the link "/archve/" leads to no page of the site', 'did you mean `/archive/`?'],
    ['a file missing from public/', '/files/budget.pdf', 'the link "/files/budget.pdf" leads to no page of the site', 'correct the path, or put the file in public/files/budget.pdf'],
  ])('reports %s at its line, with what to write', (_name, url, message, hint) => {
    expect(brokenLinks([at(url)], pages(), 'stories/doyle-elected-mayor/')).toEqual([{ ...at(url), message, hint }]);
  });
});
