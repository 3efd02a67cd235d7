/**
 * The frontmatter cache: a second content check reads unchanged frontmatter
 * from the cache instead of parsing it, gives the same records and the same
 * messages (file, line, column) as the first, and parses again whatever
 * changed, whatever the cache holds no plain JSON for, and everything after
 * a version change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContent } from '../../src/lib/check.ts';
import { formatIssue } from '../../src/lib/errors.ts';
import { FRONTMATTER_CACHE_FILE, isPlainJson, openFrontmatterCache } from '../../src/lib/frontmatter-cache.ts';
import { loadContent, splitFrontmatter } from '../../src/lib/load.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/minimal');
const dirs: string[] = [];
/** A copy of the minimal fixture and an empty cache folder. */
function setup(): { dir: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-fm-'));
  cpSync(fixture, join(dir, 'content'), { recursive: true });
  dirs.push(dir);
  return { dir: join(dir, 'content'), cache: join(dir, 'cache') };
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const edit = (dir: string, file: string, change: (s: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
const check = (dir: string, cacheDir: string) => checkContent(dir, { base: '/', drafts: false, projectRoot: dir, cacheDir });
/** The records without their `locate` functions, for comparing. */
const plain = (dir: string, cacheDir: string) => JSON.parse(JSON.stringify(check(dir, cacheDir).content)) as unknown;
const cacheFile = (cache: string) => join(cache, FRONTMATTER_CACHE_FILE);

describe('the frontmatter cache', () => {
  it('gives the same records on the second run, from the cache', () => {
    const { dir, cache } = setup();
    const first = plain(dir, cache);
    const saved = JSON.parse(readFileSync(cacheFile(cache), 'utf8')) as { entries: Record<string, unknown> };
    // One entry per file.
    expect(Object.keys(saved.entries)).toHaveLength(4);
    expect(plain(dir, cache)).toEqual(first);

    // Proof that the second run reads the cache: an entry changed by hand comes back as written.
    const yaml = splitFrontmatter(readFileSync(join(dir, 'people/ana-lima.md'), 'utf8'))!.yaml;
    const cached = openFrontmatterCache(cacheFile(cache));
    expect(cached.lookup(yaml)).toBeDefined();
    for (const [key, value] of Object.entries(saved.entries)) {
      if ((value as { name?: string }).name === 'Ana Lima') saved.entries[key] = { ...(value as object), summary: 'From the cache.' };
    }
    writeFileSync(cacheFile(cache), JSON.stringify(saved));
    const people = check(dir, cache).content.people;
    expect(people.find((p) => p.id === 'ana-lima')!.summary).toBe('From the cache.');
  });

  it('parses frontmatter again once its text changes', () => {
    const { dir, cache } = setup();
    check(dir, cache);
    edit(dir, 'people/ana-lima.md', (s) => s.replace(/^summary: .*$/m, 'summary: Mayor since 2020.'));
    expect(check(dir, cache).content.people.find((p) => p.id === 'ana-lima')!.summary).toBe('Mayor since 2020.');
  });

  it('reports the same errors, at the same lines and columns, when the frontmatter comes from the cache', () => {
    const { dir, cache } = setup();
    // A schema error (a date that is no date) and a graph error (a person who does not exist, found by position).
    edit(dir, 'events/budget-vote.md', (s) => s.replace(/^date: .*$/m, 'date: 2024-13-40'));
    const first = check(dir, cache).errors.map(formatIssue);
    expect(first.join('\n')).toMatch(/events\/budget-vote\.md:\d+:\d+/);
    expect(check(dir, cache).errors.map(formatIssue)).toEqual(first);

    edit(dir, 'events/budget-vote.md', (s) => s.replace(/^date: .*$/m, 'date: 2024-03-12'));
    edit(dir, 'stories/budget-vote.md', (s) => s.replace('  - ana-lima', '  - ana-lina'));
    const unknown = check(dir, cache).errors.map(formatIssue);
    expect(unknown.join('\n')).toMatch(/stories\/budget-vote\.md:\d+:\d+.*ana-lina/);
    expect(check(dir, cache).errors.map(formatIssue)).toEqual(unknown);
  });

  it('is not used from another version, and not kept for what JSON cannot hold', () => {
    const { dir, cache } = setup();
    check(dir, cache);
    const saved = JSON.parse(readFileSync(cacheFile(cache), 'utf8')) as { version: string; entries: Record<string, unknown> };
    for (const key of Object.keys(saved.entries)) saved.entries[key] = { title: 'Stale' };
    writeFileSync(cacheFile(cache), JSON.stringify({ ...saved, version: 'another' }));
    expect(check(dir, cache).content.stories[0]!.title).toBe('Council passes the harbour budget');

    const fresh = openFrontmatterCache(join(cache, 'other.json'));
    fresh.remember('a: .inf', { a: Infinity });
    fresh.remember('b: 1', { b: 1 });
    expect(fresh.lookup('a: .inf')).toBeUndefined();
    fresh.save();
    const reopened = openFrontmatterCache(join(cache, 'other.json'));
    expect(reopened.lookup('a: .inf')).toBeUndefined();
    expect(reopened.lookup('b: 1')).toEqual({ data: { b: 1 } });
  });

  it('keeps only the files of the last run', () => {
    const { dir, cache } = setup();
    check(dir, cache);
    edit(dir, 'people/ana-lima.md', (s) => s.replace(/^summary: .*$/m, 'summary: Edited once.'));
    check(dir, cache);
    edit(dir, 'people/ana-lima.md', (s) => s.replace(/^summary: .*$/m, 'summary: Edited twice.'));
    check(dir, cache);
    expect(Object.keys((JSON.parse(readFileSync(cacheFile(cache), 'utf8')) as { entries: object }).entries)).toHaveLength(4);
  });

  it('gives loadContent without a cache the same records as with one, read from it', () => {
    const { dir, cache } = setup();
    check(dir, cache);
    const withoutCache = loadContent(dir, dir);
    expect(withoutCache.issues).toEqual([]);
    expect(JSON.parse(JSON.stringify(withoutCache.content))).toEqual(plain(dir, cache));
  });
});

describe('isPlainJson', () => {
  it.each<[unknown, boolean]>([
    [null, true],
    ['text', true],
    [2003, true],
    [true, true],
    [{ a: [1, 'b', { c: null }] }, true],
    [Object.assign(Object.create(null), { a: 1 }), true],
    [Infinity, false],
    [Number.NaN, false],
    [new Date(0), false],
    [{ a: new Map() }, false],
    [[1, undefined], false],
    [JSON.parse('{"__proto__": 1}'), false],
  ])('%j → %s', (value, plainJson) => {
    expect(isPlainJson(value)).toBe(plainJson);
  });
});
