/**
 * A rebuild's search index lends the unchanged files of the last one
 * (`reuseIndexFiles`), and what comes out is the index a build from nothing
 * writes, file for file and byte for byte, while the last build's index (the
 * site still being served) is left untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from './build-site.ts';
import { hashTree } from './dist.ts';
import { writeSearchIndex } from '../../src/integrations/search-index.ts';

let scratch: string;

/** A record page as the site writes it: only the article is indexed. */
const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Stories People Events</nav>` +
  `<main><article data-pagefind-body data-pagefind-meta="kind:Story"><h1>${title}</h1><p>${text}</p></article></main></body></html>`;

/** Writes a site of record pages (`stories/budget-vote` → its `index.html`) into a new folder. */
function site(name: string, pages: Record<string, string>): string {
  const out = join(scratch, name);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(out, path), { recursive: true });
    writeFileSync(join(out, path, 'index.html'), html);
  }
  return out;
}

const first = {
  'stories/budget-vote': page('The budget vote', 'The council passed the budget after a long night of amendments.'),
  'stories/harbour-plan': page('The harbour plan', 'The harbour plan was redrawn to spare the old fish market.'),
  'people/ana-lima': page('Ana Lima', 'Ana Lima chairs the finance committee of the council.'),
  'events/bridge-opening': page('The bridge opens', 'The new bridge opened to traffic in the spring.'),
};
// One page edited, one gone, one new; the rest as they were.
const second = {
  'stories/budget-vote': first['stories/budget-vote'],
  'stories/harbour-plan': page('The harbour plan', 'The harbour plan was redrawn again, and the fish market will move after all.'),
  'events/bridge-opening': first['events/bridge-opening'],
  'people/rui-costa': page('Rui Costa', 'Rui Costa leads the opposition on the council.'),
};

beforeAll(() => {
  scratch = scratchDir('search-index');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the search index of a rebuild', () => {
  let last: string;
  let lastIndex: Map<string, string>;
  let next: string;
  let line: string;

  beforeAll(async () => {
    last = site('last', first);
    await writeSearchIndex(last);
    lastIndex = hashTree(join(last, 'pagefind'));
    next = site('next', second);
    line = await writeSearchIndex(next, last);
  });

  it('is the index a build from nothing writes, file for file', async () => {
    const fresh = site('fresh', second);
    expect(await writeSearchIndex(fresh)).toMatch(/^search index: 4 pages in \d+ ms$/);
    expect(hashTree(join(next, 'pagefind'))).toEqual(hashTree(join(fresh, 'pagefind')));
  });

  it('shares the unchanged pages’ files with the last index and leaves that index as it was', () => {
    expect(line).toMatch(/^search index: 4 pages in \d+ ms \((\d+) of its files reused from the last build\)$/);
    const shared = readdirSync(join(next, 'pagefind/fragment')).filter((name) => lastIndex.has(`fragment/${name}`));
    // The budget vote and the bridge are unchanged; their fragments are the same files.
    expect(shared).toHaveLength(2);
    for (const name of shared) {
      expect(statSync(join(next, 'pagefind/fragment', name)).ino).toBe(statSync(join(last, 'pagefind/fragment', name)).ino);
    }
    expect(Number(/\((\d+) of its files/.exec(line)![1])).toBeGreaterThanOrEqual(shared.length);
    expect(hashTree(join(last, 'pagefind'))).toEqual(lastIndex);
  });

  it('keeps none of the last index’s files that the new one does not use', () => {
    const files = [...hashTree(join(next, 'pagefind')).keys()];
    // The edited and the deleted page's old fragments are gone; one fragment per page remains.
    expect(files.filter((f) => f.startsWith('fragment/'))).toHaveLength(4);
    expect(files.filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
  });

  it('reuses nothing from an index another version of Pagefind wrote', async () => {
    const older = join(scratch, 'older');
    cpSync(last, older, { recursive: true });
    const entry = join(older, 'pagefind/pagefind-entry.json');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace(/"version":"[^"]+"/, '"version":"0.0.1"'));
    const again = site('again', second);
    expect(await writeSearchIndex(again, older)).toMatch(/^search index: 4 pages in \d+ ms$/);
    expect(hashTree(join(again, 'pagefind'))).toEqual(hashTree(join(next, 'pagefind')));
    for (const name of readdirSync(join(again, 'pagefind/fragment'))) expect(statSync(join(again, 'pagefind/fragment', name)).nlink).toBe(1);
  });

  it('writes everything itself when the last output has no index', async () => {
    const bare = site('bare', first);
    const again = site('again-bare', second);
    expect(await writeSearchIndex(again, bare)).toMatch(/^search index: 4 pages in \d+ ms$/);
    expect(hashTree(join(again, 'pagefind'))).toEqual(hashTree(join(next, 'pagefind')));
  });
});
