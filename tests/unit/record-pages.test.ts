/**
 * The list of record pages the content check leaves for `npm run build`:
 * one page per published record, the body flag exact, and a list made for
 * another output never taken for this one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent } from '../../src/lib/load.ts';
import { withoutDrafts } from '../../src/lib/drafts.ts';
import { readRecordPages, recordPages, writeRecordPages } from '../../src/integrations/record-pages.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/minimal');
const cache = mkdtempSync(join(tmpdir(), 'backstory-record-pages-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const content = withoutDrafts(loadContent(fixture).content);

describe('recordPages', () => {
  it('lists every published record once, in its folder, with whether it has a body', () => {
    expect(recordPages(content)).toEqual([
      { folder: 'stories', id: 'budget-vote', body: true },
      { folder: 'people', id: 'ana-lima', body: true },
      { folder: 'people', id: 'zoe-brandt', body: true },
      { folder: 'events', id: 'budget-vote', body: true },
    ]);
  });

  it('counts a body of blank lines as none', () => {
    const blank = { ...content, people: content.people.map((p) => (p.id === 'ana-lima' ? { ...p, body: '  \n\n' } : p)) };
    expect(recordPages(blank).find((p) => p.id === 'ana-lima')).toEqual({ folder: 'people', id: 'ana-lima', body: false });
  });
});

describe('the list in the cache folder', () => {
  const pages = recordPages(content);

  it('is read back for the output it was written for, however its path is spelled', () => {
    writeRecordPages(cache, '/srv/site/dist.build-1-abcdef', pages);
    expect(readRecordPages(cache, '/srv/site/./dist.build-1-abcdef/')).toEqual(pages);
  });

  it('is not taken for another build’s output', () => {
    writeRecordPages(cache, '/srv/site/dist.build-1-abcdef', pages);
    expect(readRecordPages(cache, '/srv/site/dist.build-2-ghijkl')).toBeUndefined();
  });

  it('is missing when unreadable or absent', () => {
    expect(readRecordPages(join(cache, 'nowhere'), '/srv/site/dist')).toBeUndefined();
    writeFileSync(join(cache, 'record-pages.json'), '{"outDir": "/srv/site/dist", "pag');
    expect(readRecordPages(cache, '/srv/site/dist')).toBeUndefined();
  });
});
