/**
 * Nothing lost: `scripts/build.ts` (what `npm run build` and `npm start` run)
 * replaces the output only with a complete build. A failed build leaves the
 * previous output byte for byte as it was, and no temporary folder behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builderEnv, copyContent, projectRoot, scratchDir } from './build-site.ts';
import { hashTree } from './dist.ts';
import { checkPages, recordPagesOf, tempPrefix } from '../../scripts/build.ts';
import { scanPages } from '../../src/integrations/headers.ts';

const fixture = join(projectRoot, 'tests/fixtures/minimal');

let scratch: string;
let content: { dir: string; cleanup: () => void };
let outDir: string;

function build(env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/build.ts')], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...builderEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      BACKSTORY_OUT_DIR: outDir,
      BACKSTORY_CACHE_DIR: join(scratch, 'cache'),
      BACKSTORY_CONTENT_DIR: content.dir,
      ...env,
    },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** What sits beside the output: only the output itself and the cache, never a temporary folder. */
const beside = () => readdirSync(scratch).sort();

beforeAll(() => {
  scratch = scratchDir('atomic');
  content = copyContent(fixture);
  outDir = join(scratch, 'dist');
});

afterAll(() => {
  content?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('scripts/build.ts', () => {
  let before: Map<string, string>;

  it('builds into a temporary folder and swaps it in, clearing what a killed build left', () => {
    // A process id above any kernel's pid_max: that build is certainly gone.
    mkdirSync(`${outDir}.build-4194305-abcdef`);
    writeFileSync(`${outDir}.build-4194305-abcdef/index.html`, 'half a page');
    const result = build();
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(`${outDir} replaced`);
    // The record pages are checked by the digests the security-policy scan took of this very output.
    // Against the list the content check left for this very output, without loading the content again.
    expect(result.output).toMatch(/record pages checked: 4 complete, as listed by the content check \(4 read, .*; digests from the security-policy scan\)/);
    before = hashTree(outDir);
    expect([...before.keys()]).toEqual(expect.arrayContaining(['index.html', 'stories/budget-vote/index.html', 'people/ana-lima/index.html', 'events/budget-vote/index.html']));
    expect(beside()).toEqual(['cache', 'dist']);
    // Readable by a web server running as another user: the folder has the permissions of any folder made now, not a temporary folder's.
    const probe = join(scratch, 'probe');
    mkdirSync(probe);
    const usual = statSync(probe).mode & 0o777;
    rmSync(probe, { recursive: true });
    expect((statSync(outDir).mode & 0o777).toString(8)).toBe(usual.toString(8));
    // The search index is written after Astro has exited, into the same output, before the swap.
    expect(result.output).toMatch(/search index: 4 pages in \d+ ms/);
    expect(JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(4);
  });

  it('leaves the output exactly as it was when the content is broken', () => {
    const story = join(content.dir, 'stories/budget-vote.md');
    const source = readFileSync(story, 'utf8');
    writeFileSync(story, source.replace('[[Ana Lima]]', '[[Ana Lina]]'));
    try {
      const result = build();
      expect(result.status).not.toBe(0);
      // Astro's own message, then ours.
      expect(result.output).toMatch(/stories\/budget-vote\.md:10:7: no person or event is called "Ana Lina"/);
      expect(result.output).toContain(`build failed (exit code ${result.status}): ${outDir} left as it was`);
      expect(hashTree(outDir)).toEqual(before);
      expect(beside()).toEqual(['cache', 'dist']);
    } finally {
      writeFileSync(story, source);
    }
  });

  it('leaves no half-written folder when Astro fails while writing pages', () => {
    const story = join(content.dir, 'stories/budget-vote.md');
    const source = readFileSync(story, 'utf8');
    writeFileSync(story, source.replace('[[Ana Lima]]', '[[Ana Lina]]'));
    try {
      // Without the content check first, the failure comes from the Markdown plugin, mid-build.
      const result = build({ BACKSTORY_PRECHECK: '0' });
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/no person or event is called "Ana Lina"/);
      expect(hashTree(outDir)).toEqual(before);
      expect(beside()).toEqual(['cache', 'dist']);
    } finally {
      writeFileSync(story, source);
    }
  });

  it('refuses a build whose Astro process ended before its last step, even with exit code 0', () => {
    // What Node does when a build has nothing left to wait for: it ends the process, code 0,
    // whatever is still pending. Here the process ends as the social images are being placed.
    const preload = join(scratch, 'end-early.mjs');
    writeFileSync(
      preload,
      `import fs from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const mkdir = fs.promises.mkdir;
      fs.promises.mkdir = (path, ...rest) => (String(path).includes('/og/') ? process.exit(0) : mkdir(path, ...rest));
      syncBuiltinESMExports();`,
    );
    try {
      const result = build({ NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` });
      expect(result.status).toBe(1);
      expect(result.output).toContain(`build failed: Astro ended before its last step (no _headers was written): ${outDir} left as it was`);
      expect(hashTree(outDir)).toEqual(before);
      expect(beside()).toEqual(['cache', 'dist', 'end-early.mjs']);
    } finally {
      rmSync(preload);
    }
  });

  it('replaces the previous output with the next good build, and deletes the old one during the build after', () => {
    const story = join(content.dir, 'stories/budget-vote.md');
    const source = readFileSync(story, 'utf8');
    const retired = join(scratch, 'cache/replaced-outputs');
    writeFileSync(story, source.replace('title: Council passes the harbour budget', 'title: Council passes the revised harbour budget'));
    try {
      const result = build();
      expect(result.status, result.output).toBe(0);
      expect(result.output).toContain(`${outDir} replaced in`);
      expect(result.output).toContain('(the next build deletes the previous output from the cache)');
      // The unchanged pages' search-index files are the previous output's, linked (that output stays whole: below).
      expect(result.output).toMatch(/search index: 4 pages in \d+ ms \([1-9]\d* of its files reused from the last build\)/);
      expect(readFileSync(join(outDir, 'stories/budget-vote/index.html'), 'utf8')).toContain('<h1>Council passes the revised harbour budget</h1>');
      expect(beside()).toEqual(['cache', 'dist']);
      // The previous output, whole, waits in the cache.
      const [first, ...others] = readdirSync(retired);
      expect(others).toEqual([]);
      expect(hashTree(join(retired, first!))).toEqual(before);
    } finally {
      writeFileSync(story, source);
    }
    // The next build deletes it, and leaves the output it replaces in its place.
    const revised = hashTree(outDir);
    const result = build();
    expect(result.status, result.output).toBe(0);
    const [left, ...others] = readdirSync(retired);
    expect(others).toEqual([]);
    expect(hashTree(join(retired, left!))).toEqual(revised);
    // Search index included: an index made partly of reused files is the one a build from nothing wrote.
    expect(hashTree(outDir)).toEqual(before);
  });

  it('deletes the previous output at once when it cannot wait in the cache', () => {
    const retired = join(scratch, 'cache/replaced-outputs');
    rmSync(retired, { recursive: true });
    // A file where the folder would go: the old output cannot be moved there.
    writeFileSync(retired, '');
    try {
      const result = build();
      expect(result.status, result.output).toBe(0);
      expect(result.output).not.toContain('the next build deletes');
      expect(beside()).toEqual(['cache', 'dist']);
      expect(hashTree(outDir)).toEqual(before);
    } finally {
      rmSync(retired);
    }
  });

  it('keeps the compiled modules for the next build, and empties them once they pile up', () => {
    const compiled = join(scratch, 'cache/compiled-modules');
    const files = () => readdirSync(compiled, { recursive: true }).length;
    expect(files()).toBeGreaterThan(100);
    // What thousands of builds would leave: page-bundle modules no build loads again.
    const piled = join(compiled, 'piled');
    mkdirSync(piled);
    for (let i = 0; i < 4_000; i++) writeFileSync(join(piled, String(i)), '');
    const result = build();
    expect(result.status, result.output).toBe(0);
    expect(existsSync(piled)).toBe(false);
    expect(files()).toBeGreaterThan(100);
    expect(files()).toBeLessThan(4_000);
  });
});

describe('tempPrefix: where Astro builds before the swap', () => {
  it.each([
    ['inside the project', '/srv/site/dist', '/srv/site/dist.build-'],
    ['elsewhere', '/var/www/news', '/var/www/news.build-'],
    // Astro takes a path that starts with the project's for one inside it, and runs the pages' code there, without the packages.
    ['beside the project, with a name that starts the same', '/srv/site-dist', '/srv/.site-dist.build-'],
  ])('%s', (_name, outDir, prefix) => {
    expect(tempPrefix(outDir, '/srv/site')).toBe(prefix);
  });
});

describe('checkPages: no page is published with an empty or partial body', () => {
  let copy: string;

  beforeAll(() => {
    copy = join(scratch, 'checked');
    cpSync(outDir, copy, { recursive: true });
  });

  const edit = (file: string, change: (html: string) => string) => {
    const path = join(copy, file);
    const html = readFileSync(path, 'utf8');
    writeFileSync(path, change(html));
    return () => writeFileSync(path, html);
  };
  const remove = (file: string) => {
    const path = join(copy, file);
    const bytes = readFileSync(path);
    rmSync(path);
    return () => writeFileSync(path, bytes);
  };

  it('passes a complete build', async () => {
    expect(await checkPages(copy, await recordPagesOf(content.dir))).toEqual([]);
  });

  it.each([
    [
      'an empty story body',
      'stories/budget-vote/index.html',
      (html: string) => html.replace(/(<div class="story-body">)[\s\S]*?(<\/div>)/, '$1$2'),
      'stories/budget-vote/index.html: the body is empty, though stories/budget-vote.md has one',
    ],
    [
      'an empty person body',
      'people/ana-lima/index.html',
      (html: string) => html.replace(/(<div class="record-body"[^>]*>)[\s\S]*?(<\/div>)/, '$1$2'),
      'people/ana-lima/index.html: the body is empty, though people/ana-lima.md has one',
    ],
    ['a page cut short', 'events/budget-vote/index.html', (html: string) => html.slice(0, html.length / 2), 'events/budget-vote/index.html: cut short (the page does not end with </html>)'],
    ['an empty <main>', 'people/zoe-brandt/index.html', (html: string) => html.replace(/(<main[^>]*>)[\s\S]*(<\/main>)/, '$1$2'), 'people/zoe-brandt/index.html: the main content is empty'],
  ])('refuses %s', async (_name, file, change, expected) => {
    const restore = edit(file, change);
    try {
      expect(await checkPages(copy, await recordPagesOf(content.dir))).toEqual([expected]);
    } finally {
      restore();
    }
  });

  it('remembers the pages that passed, and checks again any page whose bytes changed', async () => {
    const passed = new Set<string>();
    expect(await checkPages(copy, await recordPagesOf(content.dir), { passed })).toEqual([]);
    expect(passed.size).toBe(4);
    const restore = edit('stories/budget-vote/index.html', (html) => html.replace(/(<div class="story-body">)[\s\S]*?(<\/div>)/, '$1$2'));
    try {
      const broken = 'stories/budget-vote/index.html: the body is empty, though stories/budget-vote.md has one';
      expect(await checkPages(copy, await recordPagesOf(content.dir), { known: passed })).toEqual([broken]);
      const again = new Set<string>();
      await checkPages(copy, await recordPagesOf(content.dir), { known: passed, passed: again });
      expect(again.size).toBe(3);
    } finally {
      restore();
    }
  });

  it('takes page digests from the security-policy scan of the same output, reading only pages it must parse', async () => {
    const digests = new Map<string, string>();
    scanPages(['stories/budget-vote', 'people/ana-lima', 'people/zoe-brandt', 'events/budget-vote'].map((page) => {
      const file = `${page}/index.html`;
      return [file, readFileSync(join(copy, file))] as const;
    }), { digests });
    const passed = new Set<string>();
    expect(await checkPages(copy, await recordPagesOf(content.dir), { passed })).toEqual([]);
    // The same keys whether the check digests a page itself or is given the scan's digest.
    const given = new Set<string>();
    expect(await checkPages(copy, await recordPagesOf(content.dir), { known: passed, passed: given, digests })).toEqual([]);
    expect(given).toEqual(passed);
    // A page the scan digested differently is parsed: here it has lost its body.
    const restore = edit('stories/budget-vote/index.html', (html) => html.replace(/(<div class="story-body">)[\s\S]*?(<\/div>)/, '$1$2'));
    try {
      digests.set('stories/budget-vote/index.html', 'changed');
      expect(await checkPages(copy, await recordPagesOf(content.dir), { known: passed, digests })).toEqual(['stories/budget-vote/index.html: the body is empty, though stories/budget-vote.md has one']);
    } finally {
      restore();
    }
  });

  it('refuses a page without its social image', async () => {
    const restore = remove('og/people/ana-lima.png');
    try {
      expect(await checkPages(copy, await recordPagesOf(content.dir))).toEqual(['og/people/ana-lima.png: missing (the social image of people/ana-lima/index.html)']);
    } finally {
      restore();
    }
  });

  it('refuses a missing page', async () => {
    const restore = remove('events/budget-vote/index.html');
    try {
      expect(await checkPages(copy, await recordPagesOf(content.dir))).toEqual(['events/budget-vote/index.html: missing']);
    } finally {
      restore();
    }
  });
});
