/**
 * A rebuild reuses pages from the last build, and a reused page is never
 * stale: after editing content, a build that starts from the last build's
 * cache gives the same files, byte for byte, as a build from nothing. The
 * edits reach pages beyond the record edited (a person's summary shows on
 * every story and event page that names them; a new mention adds a quote to
 * a person page and an edge to the maps), so a key that leaves out anything
 * a page shows fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, scratchDir } from './build-site.ts';
import { hashTree, htmlFiles } from './dist.ts';
import { generateCorpus } from '../../scripts/generate-corpus.ts';

let scratch: string;
let content: string;

// Astro's log, without colour codes should a terminal's settings turn them on.
const plain = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');
/** Pages Astro copied from its cache instead of rendering them. */
const reused = (output: string) => plain(output).match(/\((?:restored|cached)\)/g)?.length ?? 0;
/**
 * Routes Astro rendered, each logged with the time it took. Not matched with
 * the path before it: with pages made four at a time, the two halves of a
 * page's line are often apart.
 */
const rendered = (output: string) => plain(output).match(/ \(\+\d+(?:\.\d+)?m?s\)/g)?.length ?? 0;
/** Pages the headers integration read for its policy, and all pages. */
const scanned = (output: string) => /\((\d+) of (\d+) pages scanned/.exec(plain(output))?.slice(1).map(Number) ?? [];

function build(name: string, cache: string, env: Record<string, string> = {}) {
  const result = buildSite({ contentDir: content, outDir: join(scratch, name), env: { BACKSTORY_CACHE_DIR: join(scratch, cache), ...env } });
  expect(result.status, result.output).toBe(0);
  return result;
}

const file = (...parts: string[]) => join(content, ...parts);
const nameOf = (person: string) => /^name: (.+)$/m.exec(readFileSync(file('people', `${person}.md`), 'utf8'))![1]!;

beforeAll(() => {
  scratch = scratchDir('incremental');
  content = join(scratch, 'content');
  generateCorpus(content, 30);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a rebuild after editing content', () => {
  let first: ReturnType<typeof build>;
  let again: ReturnType<typeof build>;
  /** The story deleted between the two builds. */
  let deleted: string;

  beforeAll(() => {
    first = build('first', 'cache');
    const stories = readdirSync(file('stories')).sort();
    const people = readdirSync(file('people')).sort().map((f) => f.replace(/\.md$/, ''));
    // A story gains a mention of someone it did not name: their page gains a quote, the maps an edge.
    const story = stories[0]!;
    const stranger = people.find((p) => !readFileSync(file('stories', story), 'utf8').includes(p) && !readFileSync(file('stories', story), 'utf8').includes(nameOf(p)))!;
    appendFileSync(file('stories', story), `\nThe plan was later backed by [[${stranger}]].\n`);
    // A person's summary changes: it shows on every story and event page that names them.
    const summarised = people[1]!;
    const bio = file('people', `${summarised}.md`);
    writeFileSync(bio, readFileSync(bio, 'utf8').replace(/^summary: .*$/m, 'summary: A summary rewritten between two builds.'));
    // A new event with two people, between others in time: its neighbours' pages change.
    writeFileSync(
      file('events', 'late-addition.md'),
      `---\ntitle: A late addition\ndate: 2012-06-15\npeople:\n  - ${people[2]}\n  - ${people[3]}\nsummary: An event added between two builds.\n---\n${nameOf(people[2]!)} met ${nameOf(people[3]!)}.\n`,
    );
    // A story goes: the pages that listed it must stop listing it.
    deleted = stories[stories.length - 1]!.replace(/\.md$/, '');
    rmSync(file('stories', `${deleted}.md`));
    again = build('again', 'cache');
  });

  it('reuses the pages whose content did not change', () => {
    expect(reused(first.output)).toBe(0);
    // The counts read the log: a cold build renders every page of the corpus.
    expect(rendered(first.output)).toBeGreaterThan(100);
    expect(reused(again.output)).toBeGreaterThan(90);
    // The edits reach many pages (a summary shows on every page that names the person; the deleted
    // story no longer covers its events on the timelines), and routes without a cache key (lists,
    // feeds) are always rendered: about 80 routes against 100 reused.
    expect(rendered(again.output)).toBeLessThan(reused(again.output));
  });

  it('links the pages of the last build in before Astro makes any, and removes those it no longer makes', () => {
    // Nothing to link into the first build; then every page Astro kept, and the deleted story's pages go again.
    expect(plain(first.output)).not.toMatch(/pages of the last build linked in/);
    const linked = Number(/(\d+) pages of the last build linked in/.exec(plain(again.output))?.[1]);
    expect(linked).toBeGreaterThan(100);
    const [kept, renderedAgain, removed] = /(\d+) reused, (\d+) rendered again, (\d+) removed/.exec(plain(again.output))!.slice(1).map(Number);
    expect(kept! + renderedAgain! + removed!).toBe(linked);
    expect(kept).toBe(reused(again.output));
    // The story's page and its timeline.
    expect(removed).toBe(2);
    expect(existsSync(join(scratch, 'again', 'stories', deleted, 'index.html'))).toBe(false);
    expect(existsSync(join(scratch, 'again', 'stories', deleted))).toBe(false);
    // A reused page shares its file with the cache; a page rendered again has a file of its own.
    const stories = readdirSync(join(scratch, 'again', 'stories'));
    const links = stories.filter((id) => statSync(join(scratch, 'again', 'stories', id, 'index.html')).nlink > 1);
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThan(stories.length);
  });

  it('scans for the security policy only the pages that changed', () => {
    const [cold, all] = scanned(first.output);
    expect(cold).toBeGreaterThan(100);
    expect(cold).toBe(all);
    const [warm, now] = scanned(again.output);
    expect(warm).toBeGreaterThan(0);
    expect(warm).toBeLessThan(now! / 2);
  });

  it('links each social image from the drawing cache instead of writing it again', () => {
    const folder = join(scratch, 'again', 'og', 'stories');
    const images = readdirSync(folder);
    expect(images.length).toBeGreaterThan(20);
    // A copy has one name; a link shares its file with the cache.
    for (const image of images) expect(statSync(join(folder, image)).nlink, image).toBeGreaterThan(1);
  });

  it('links each preview from the cache, which keeps only the previews of the last build', () => {
    const folder = join(scratch, 'again', 'previews', 'people');
    const previews = readdirSync(folder);
    expect(previews.length).toBeGreaterThan(5);
    for (const preview of previews) expect(statSync(join(folder, preview)).nlink, preview).toBeGreaterThan(1);
    // The rewritten summary made a new file; the old one went from the cache (the first output still links it).
    const all = readdirSync(join(scratch, 'again', 'previews', 'events')).length + previews.length;
    expect(readdirSync(join(scratch, 'cache', 'previews')).length).toBeLessThanOrEqual(all);
  });

  it('gives the same files as a build from nothing', () => {
    build('cold', 'cold-cache');
    const incremental = hashTree(join(scratch, 'again'));
    const cold = hashTree(join(scratch, 'cold'));
    const differ = [...new Set([...incremental.keys(), ...cold.keys()])].filter((path) => incremental.get(path) !== cold.get(path));
    expect(differ).toEqual([]);
  });

  it('leaves the last build\u2019s output as it was while the next one renders pages again', () => {
    // The pages of `again` are links into the cache; the next build renders some of them again.
    const before = hashTree(join(scratch, 'again'));
    const stories = readdirSync(file('stories')).sort();
    appendFileSync(file('stories', stories[1]!), '\nA third build adds this sentence.\n');
    const people = readdirSync(file('people')).sort();
    const bio = file('people', people[4]!);
    writeFileSync(bio, readFileSync(bio, 'utf8').replace(/^summary: .*$/m, 'summary: Rewritten again for the third build.'));
    const third = build('third', 'cache');
    const after = hashTree(join(scratch, 'again'));
    expect([...after].filter(([path, hash]) => before.get(path) !== hash)).toEqual([]);
    expect(Number(/(\d+) rendered again/.exec(plain(third.output))?.[1])).toBeGreaterThan(0);
    // Pages it reused are the files the last scan digested: the policy scan reads only the pages
    // rendered again. That holds for `again` too, whose output links the copies Astro wrote beside
    // the first build's pages (a build from nothing reads every page).
    const read = (output: string) => Number(/pages scanned, .*?; (\d+) read/.exec(plain(output))?.[1]);
    expect(read(first.output)).toBe(scanned(first.output)[1]);
    for (const rebuild of [again, third]) {
      expect(read(rebuild.output)).toBeGreaterThan(0);
      expect(read(rebuild.output)).toBeLessThanOrEqual(rendered(rebuild.output));
    }
    // And the third build is right: the same files as a build from nothing.
    build('cold-third', 'cold-third-cache');
    const incremental = hashTree(join(scratch, 'third'));
    const cold = hashTree(join(scratch, 'cold-third'));
    expect([...new Set([...incremental.keys(), ...cold.keys()])].filter((path) => incremental.get(path) !== cold.get(path))).toEqual([]);
  });

  it('does not reuse a page changed in place after its build, through the output served', () => {
    // The pages of `third` are links into the cache: a deploy step rewriting one in place changes the cache's copy too.
    // Any page the third build reused will do: which ones the edits spared depends on the corpus.
    const linked = htmlFiles(join(scratch, 'third')).find((path) => statSync(join(scratch, 'third', path)).nlink > 1);
    expect(linked, 'a page of the third build linked from the cache').toBeDefined();
    const page = join(scratch, 'third', linked!);
    const original = readFileSync(page, 'utf8');
    appendFileSync(page, '<!-- rewritten by a deploy step -->');
    build('fourth', 'cache');
    expect(readFileSync(join(scratch, 'fourth', linked!), 'utf8')).toBe(original);
  });
});

describe('rebuilds under a sub-path', () => {
  it('render pages again into new files there too, leaving the last output as it was', () => {
    const env = { BASE_PATH: '/explainer/' };
    build('sub-first', 'sub-cache', env);
    build('sub-again', 'sub-cache', env);
    const before = hashTree(join(scratch, 'sub-again'));
    const stories = readdirSync(file('stories')).sort();
    appendFileSync(file('stories', stories[2]!), '\nA build under a sub-path adds this sentence.\n');
    const third = build('sub-third', 'sub-cache', env);
    const after = hashTree(join(scratch, 'sub-again'));
    expect([...after].filter(([path, hash]) => before.get(path) !== hash)).toEqual([]);
    // The story's page among them, found by its address under the base.
    expect(Number(/(\d+) rendered again/.exec(plain(third.output))?.[1])).toBeGreaterThan(0);
    expect(readFileSync(join(scratch, 'sub-third', 'stories', stories[2]!.replace(/\.md$/, ''), 'index.html'), 'utf8')).toContain('A build under a sub-path adds this sentence.');
  });
});
