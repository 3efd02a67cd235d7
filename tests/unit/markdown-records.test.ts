/**
 * The content loader reads big folders without running out of file handles:
 * a 10,000-story corpus has 20,000 event files, and opening them all at once
 * failed with EMFILE. Run in a child process under a low open-file limit.
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

/** Loads the folder with stand-ins for Astro's loader context; prints how many entries the store holds. */
const script = (folder: string) => `
import { markdownRecords } from ${JSON.stringify(new URL('../../src/loaders/markdown-records.ts', import.meta.url).href)};
import { pathToFileURL } from 'node:url';
const store = new Map();
const context = {
  store: { get: (id) => store.get(id), set: (entry) => store.set(entry.id, entry), keys: () => [...store.keys()], delete: (id) => store.delete(id) },
  parseData: async ({ data }) => data,
  generateDigest: (source) => String(source.length),
  logger: { error: (message) => console.error(message) },
  config: { root: pathToFileURL(${JSON.stringify(scratch)} + '/') },
};
await markdownRecords(${JSON.stringify(folder)}).load(context);
console.log(store.size, store.get('event-00007').data.title);
`;

describe('the content loader', () => {
  it(`reads ${FILES.toLocaleString('en')} files under a limit of ${LIMIT} open files`, () => {
    const folder = join(scratch, 'events');
    mkdirSync(folder);
    for (let i = 0; i < FILES; i++) {
      const id = `event-${String(i).padStart(5, '0')}`;
      writeFileSync(join(folder, `${id}.md`), `---\ntitle: Hearing ${i}\ndate: 2020-01-01\n---\n\nWhat happened at hearing ${i}.\n`);
    }
    const run = spawnSync('bash', ['-c', `ulimit -n ${LIMIT} && exec "${process.execPath}" --input-type=module -e "$SCRIPT"`], {
      env: { ...process.env, SCRIPT: script(folder) },
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/EMFILE/);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(`${FILES} Hearing 7`);
  });
});
