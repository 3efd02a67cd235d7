/**
 * The content loader reads big folders without running out of file handles
 * (a 10,000-story corpus has 20,000 event files, and opening them all at
 * once failed with EMFILE), and files a file's mistakes for the pages to
 * show instead of storing it. Run in a child process: one under a low
 * open-file limit, each with a problem list of its own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const scratch = mkdtempSync(join(tmpdir(), 'loader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FILES = 2_000;
const LIMIT = 128;

/**
 * Loads the `events` folder under `root` with stand-ins for Astro's loader context; prints
 * how many entries the store holds, the title of `event-00007` if stored, and the problems filed.
 */
const script = (root: string) => `
import { markdownRecords } from ${JSON.stringify(new URL('../../src/loaders/markdown-records.ts', import.meta.url).href)};
import { loaderProblems } from ${JSON.stringify(new URL('../../src/loaders/loader-problems.ts', import.meta.url).href)};
import { pathToFileURL } from 'node:url';
const store = new Map();
const context = {
  store: { get: (id) => store.get(id), set: (entry) => store.set(entry.id, entry), keys: () => [...store.keys()], delete: (id) => store.delete(id) },
  parseData: async ({ data }) => data,
  generateDigest: (source) => String(source.length),
  logger: { error: (message) => console.error(message) },
  config: { root: pathToFileURL(${JSON.stringify(root)} + '/') },
};
await markdownRecords(${JSON.stringify(root)}, 'events').load(context);
console.log(JSON.stringify({ stored: store.size, title: store.get('event-00007')?.data.title, problems: await loaderProblems() }));
`;

/** Runs {@link script} in a child process under a limit of open files. */
function load(root: string, limit = 1024) {
  const run = spawnSync('bash', ['-c', `ulimit -n ${limit} && exec "${process.execPath}" --input-type=module -e "$SCRIPT"`], {
    env: { ...process.env, SCRIPT: script(root) },
    encoding: 'utf8',
  });
  return { ...run, result: run.status === 0 ? (JSON.parse(run.stdout) as { stored: number; title?: string; problems: { file: string; line?: number; message: string }[] }) : undefined };
}

describe('the content loader', () => {
  it(`reads ${FILES.toLocaleString('en')} files under a limit of ${LIMIT} open files`, () => {
    const folder = join(scratch, 'events');
    mkdirSync(folder);
    for (let i = 0; i < FILES; i++) {
      const id = `event-${String(i).padStart(5, '0')}`;
      writeFileSync(join(folder, `${id}.md`), `---\ntitle: Hearing ${i}\ndate: 2020-01-01\nsummary: Hearing ${i} was held.\n---\n\nWhat happened at hearing ${i}.\n`);
    }
    const run = load(scratch, LIMIT);
    expect(run.stderr).not.toMatch(/EMFILE/);
    expect(run.status, run.stderr).toBe(0);
    expect(run.result).toEqual({ stored: FILES, title: 'Hearing 7', problems: [] });
  });

  it('stores no file with a mistake, and files its problems, with file and line, for the pages to show', () => {
    const root = join(scratch, 'mistakes');
    mkdirSync(join(root, 'events'), { recursive: true });
    writeFileSync(join(root, 'events', 'event-00007.md'), '---\ntitle: Hearing 7\ndate: 2020-01-01\nsummary: Held.\n---\n\nWhat happened.\n');
    writeFileSync(join(root, 'events', 'vote.md'), '---\ntitle: The vote\ndat: 2020-01-02\nsummary: Held.\n---\n\nWhat happened.\n');
    const run = load(root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.result!.stored).toBe(1);
    // The content check's messages, not Astro's schema error: line, field and what to fix.
    expect(run.result!.problems).toEqual([
      // The misspelt required field is one problem, the field it stands for named.
      expect.objectContaining({ file: 'events/vote.md', line: 3, message: 'unknown field `dat`', hint: 'did you mean `date`, a required field?' }),
    ]);
    expect(run.stderr).toContain('events/vote.md:3:1: unknown field `dat`');
  });
});
