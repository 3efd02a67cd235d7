/**
 * The record pages a finished build must hold: one per published story,
 * person and event, with its body when the record has one. The content check
 * at the start of a build lists them for the output it builds, so that
 * `npm run build` can check the pages without loading the content again
 * (1.7 s at 4,000 stories, on the CPU that Pagefind is indexing with).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ContentSet } from '../lib/records.ts';
import { hasText } from '../lib/unfinished.ts';

/** A published record's page. */
export interface RecordPage {
  /** The record's folder, which is also its pages' folder: `stories`, `people` or `events`. */
  folder: 'stories' | 'people' | 'events';
  /** The record's id, the name of its page's folder. */
  id: string;
  /** Whether the record has a body, which its page must then show. */
  body: boolean;
}

/** The file in the cache folder that lists the pages of the output being built. */
const RECORD_PAGES_FILE = 'record-pages.json';

/** The pages of the given (published) records. */
export function recordPages(content: ContentSet): RecordPage[] {
  const pages = (folder: RecordPage['folder'], records: readonly { id: string; body: string }[]) =>
    records.map(({ id, body }) => ({ folder, id, body: hasText(body) }));
  return [...pages('stories', content.stories), ...pages('people', content.people), ...pages('events', content.events)];
}

/** Lists the record pages that the build into `outDir` is to write. */
export function writeRecordPages(cacheDir: string, outDir: string, pages: readonly RecordPage[]): void {
  const file = join(cacheDir, RECORD_PAGES_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ outDir: resolve(outDir), pages }));
}

/** The record pages listed for the build into `outDir`; `undefined` when the list is for another build or missing. */
export function readRecordPages(cacheDir: string, outDir: string): RecordPage[] | undefined {
  try {
    const listed = JSON.parse(readFileSync(join(cacheDir, RECORD_PAGES_FILE), 'utf8')) as { outDir: string; pages: RecordPage[] };
    return listed.outDir === resolve(outDir) ? listed.pages : undefined;
  } catch {
    return undefined;
  }
}
