/**
 * Each body is parsed once: its mentions and its HTML come from the same
 * tree, are kept in memory for the process and on disk for the next build,
 * and a different renderer version or link index never serves an old body.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { extractMentions, releaseExtractions, saveExtractions, type Renderer } from '../../src/lib/extract.ts';
import { linkMentions, MAX_QUOTE } from '../../src/lib/mentions.ts';
import { LinkIndex } from '../../src/lib/resolve.ts';
import { renderer as siteRenderer } from '../../src/markdown/render.ts';
import type { Target } from '../../src/lib/records.ts';
import type { PersonId } from '../../src/lib/ids.ts';

const people = [{ id: 'ada-lind' as PersonId, name: 'Ada Lind', aliases: ['Lind'], file: 'content/people/ada-lind.md' }];
const index = new LinkIndex(people, []);
const href = (target: Target) => `/people/${target.id}/`;
const cacheDir = mkdtempSync(join(tmpdir(), 'render-once-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The site's renderer, counting its calls. */
function counting(version = siteRenderer.version): Renderer & { calls: number } {
  const r = { calls: 0, version, render: (tree: Parameters<Renderer['render']>[0]) => (r.calls++, siteRenderer.render(tree)) };
  return r;
}

let n = 0;
/** A body no other test has rendered in this process. */
const fresh = () => ({ file: 'content/stories/s.md', bodyLine: 5, body: `Ada Lind spoke ${++n} times. "Lind" said so.` });

describe('rendering a body once', () => {
  it('gives mentions and HTML from one parse, links and typography included', () => {
    const renderer = counting();
    const result = extractMentions(fresh(), { index, href, renderer });
    expect(renderer.calls).toBe(1);
    expect(result.mentions.map((m) => [m.target.id, m.line])).toEqual([['ada-lind', 5]]);
    expect(result.html).toMatch(/<p id="p-ada-lind-spoke-\d+-times"><a [^>]*href="\/people\/ada-lind\/"[^>]*>Ada Lind<\/a> spoke \d+ times\. “Lind” said so\.<\/p>/);
  });

  it('renders a body again only for another renderer version', () => {
    const record = fresh();
    const first = counting();
    extractMentions(record, { index, href, renderer: first });
    extractMentions(record, { index, href, renderer: first });
    expect(first.calls).toBe(1);
    const next = counting(first.version + 1);
    extractMentions(record, { index, href, renderer: next });
    expect(next.calls).toBe(1);
  });

  it('does not render for the content check, which only needs mentions', () => {
    expect(extractMentions(fresh(), { index, href }).html).toBeUndefined();
  });

  it('keeps bodies on disk for the next build, by digest of the body, the links and the code', () => {
    const record = fresh();
    const before = counting();
    const html = extractMentions(record, { index, href, renderer: before, cacheDir }).html;
    saveExtractions(cacheDir);
    releaseExtractions(); // as a new build process would start
    const after = counting();
    expect(extractMentions(record, { index, href, renderer: after, cacheDir }).html).toBe(html);
    expect(after.calls).toBe(0);
    // One file for all bodies, named by the code's digest.
    expect(readdirSync(join(cacheDir, 'bodies'))).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.ndjson$/)]);

    // A new alias changes the link index: the body is linked and rendered afresh.
    releaseExtractions();
    const renamed = new LinkIndex([{ ...people[0]!, aliases: ['Lind', 'Spoke'] }], []);
    const relinked = counting();
    extractMentions(record, { index: renamed, href, renderer: relinked, cacheDir });
    expect(relinked.calls).toBe(1);
    releaseExtractions();
  });

  it('keeps only the bodies of the last run on disk, so edits do not pile up', () => {
    const [gone, kept] = [fresh(), fresh()];
    const renderer = counting();
    extractMentions(gone, { index, href, renderer, cacheDir });
    extractMentions(kept, { index, href, renderer, cacheDir });
    saveExtractions(cacheDir);
    releaseExtractions();
    // The next run reads only `kept`: the pack it leaves holds that body alone.
    extractMentions(kept, { index, href, renderer, cacheDir });
    saveExtractions(cacheDir);
    releaseExtractions();
    const file = readdirSync(join(cacheDir, 'bodies'))[0]!;
    expect(readFileSync(join(cacheDir, 'bodies', file), 'utf8').trim().split('\n')).toHaveLength(1);
    const again = counting();
    extractMentions(kept, { index, href, renderer: again, cacheDir });
    extractMentions(gone, { index, href, renderer: again, cacheDir });
    expect(again.calls).toBe(1);
    releaseExtractions();
  });

  it('appends a new body to the pack, and writes the pack anew once a quarter of it is unused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-once-append-'));
    try {
      const renderer = counting();
      const lines = () => readFileSync(join(dir, 'bodies', readdirSync(join(dir, 'bodies'))[0]!), 'utf8').trim().split('\n');
      const bodies = Array.from({ length: 8 }, fresh);
      for (const body of bodies) extractMentions(body, { index, href, renderer, cacheDir: dir });
      saveExtractions(dir);
      releaseExtractions();
      expect(lines()).toHaveLength(8);
      // One body edited: the run uses 7 of the 8 and adds one; the line is appended.
      const run = [...bodies.slice(1), fresh()];
      for (const body of run) extractMentions(body, { index, href, renderer, cacheDir: dir });
      saveExtractions(dir);
      releaseExtractions();
      expect(lines()).toHaveLength(9);
      // Read back, every body of the run is there; nothing is rendered again.
      const again = counting();
      for (const body of run) extractMentions(body, { index, href, renderer: again, cacheDir: dir });
      expect(again.calls).toBe(0);
      releaseExtractions();
      // A damaged last line (an append cut short) costs that body alone.
      appendFileSync(join(dir, 'bodies', readdirSync(join(dir, 'bodies'))[0]!), '["abc", {"mentions": [');
      for (const body of run) extractMentions(body, { index, href, renderer: again, cacheDir: dir });
      expect(again.calls).toBe(0);
      // The next append starts on a line of its own: the body it adds is read back, not rendered again.
      const added = fresh();
      for (const body of [...run, added]) extractMentions(body, { index, href, renderer, cacheDir: dir });
      saveExtractions(dir);
      releaseExtractions();
      const afterDamage = counting();
      extractMentions(added, { index, href, renderer: afterDamage, cacheDir: dir });
      expect(afterDamage.calls).toBe(0);
      releaseExtractions();
      // Three more bodies go, and the one added: 5 of the 10 in the pack are unused, more than a quarter, so it is written anew.
      const fewer = run.slice(3);
      for (const body of fewer) extractMentions(body, { index, href, renderer, cacheDir: dir });
      saveExtractions(dir);
      releaseExtractions();
      expect(lines()).toHaveLength(fewer.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works without a writable cache folder', () => {
    const renderer = counting();
    const result = extractMentions(fresh(), { index, href, renderer, cacheDir: '/dev/null/not-a-folder' });
    expect(result.html).toContain('Ada Lind');
    expect(existsSync('/dev/null/not-a-folder')).toBe(false);
  });
});

describe('bounded work on hostile bodies', () => {
  const parse = (md: string) => remark().use(remarkGfm).parse(md);

  it('quotes at most a window of a run-on sentence around each mention', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`);
    words.splice(1000, 0, 'Ada Lind');
    const body = `${words.join(' ')}.`;
    const { mentions } = linkMentions(parse(body), { index, href, source: body, autolink: true });
    const [m] = mentions;
    expect(m!.sentence.length).toBeLessThanOrEqual(MAX_QUOTE + 2);
    expect(m!.sentence.slice(m!.start, m!.end)).toBe('Ada Lind');
    expect(m!.sentence.startsWith('…') && m!.sentence.endsWith('…')).toBe(true);
  });

  it('keeps short sentences whole', () => {
    const body = 'First. Then Ada Lind spoke. Last.';
    const [m] = linkMentions(parse(body), { index, href, source: body, autolink: true }).mentions;
    expect(m!.sentence).toBe('Then Ada Lind spoke.');
  });

  it('numbers thousands of identical paragraphs in linear time', () => {
    const body = Array.from({ length: 5000 }, () => 'The same words again.').join('\n\n');
    const tree = parse(body);
    const started = performance.now();
    linkMentions(tree, { index, href, source: body });
    const ids = tree.children.map((p) => (p.data as { hProperties: { id: string } }).hProperties.id);
    expect(new Set(ids).size).toBe(5000);
    expect(ids.slice(0, 3)).toEqual(['p-the-same-words-again', 'p-the-same-words-again-2', 'p-the-same-words-again-3']);
    expect(ids.at(-1)).toBe('p-the-same-words-again-5000');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
