/**
 * A build renders its pages from the records the content check assembled;
 * the dev server, and a build without the check, assemble them from Astro's
 * collections. Both paths must make the same site, byte for byte: here under
 * a sub-path, with "Edit this page" links (file paths) and a draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, copyContent, projectRoot, scratchDir, type BuildResult } from './build-site.ts';
import { hashTree } from './dist.ts';

const env = { BASE_PATH: '/news', BACKSTORY_EDIT_URL: 'https://example.com/newsroom/edit/main/' };
let scratch: string;
let content: ReturnType<typeof copyContent>;
let checked: BuildResult;
let collected: BuildResult;

beforeAll(() => {
  scratch = scratchDir('checked-site');
  content = copyContent(join(projectRoot, 'tests/fixtures/minimal'));
  writeFileSync(
    join(content.dir, 'stories/unfinished.md'),
    ['---', 'title: An unfinished story', 'published: 2024-05-02', 'draft: true', 'summary: Not yet for readers.', '---', '', 'Work in progress.', ''].join('\n'),
  );
  checked = buildSite({ contentDir: content.dir, outDir: join(scratch, 'checked'), env });
  collected = buildSite({ contentDir: content.dir, outDir: join(scratch, 'collected'), env: { ...env, BACKSTORY_PRECHECK: '0' } });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  content.cleanup();
});

describe('the records the pages render from', () => {
  it('are the content check’s in a build, and Astro’s collections without the check', () => {
    expect(checked.status, checked.output).toBe(0);
    expect(collected.status, collected.output).toBe(0);
    expect(checked.output).toContain('pages rendered from the records the content check assembled');
    expect(checked.output).not.toContain('no page took the records');
    expect(collected.output).not.toContain('pages rendered from the records the content check assembled');
  });

  it('leave Astro’s content store empty in a build with the check: no page reads it', () => {
    const store = (cache: string) => {
      const file = join(cache, 'data-store.json');
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    };
    const collectedCache = `${collected.outDir}-cache`;
    expect(store(collectedCache)).toContain('budget-vote');
    expect(store(`${checked.outDir}-cache`)).not.toContain('budget-vote');
    // What a build without the check left in the store is dropped by the next build with it.
    const again = buildSite({ contentDir: content.dir, outDir: join(scratch, 'again'), env: { ...env, BACKSTORY_CACHE_DIR: collectedCache } });
    expect(again.status, again.output).toBe(0);
    expect(store(collectedCache)).not.toContain('budget-vote');
  });

  it('make the same site either way', () => {
    const a = hashTree(checked.outDir);
    const b = hashTree(collected.outDir);
    expect([...a.keys()].some((file) => file.includes('unfinished'))).toBe(false);
    expect([...a.keys()].filter((file) => file.endsWith('.html')).length).toBeGreaterThan(10);
    expect(a).toEqual(b);
  });
});
