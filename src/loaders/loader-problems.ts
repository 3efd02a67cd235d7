/**
 * What the content loader found wrong with files, for the pages to show.
 *
 * The loader runs apart from the pages: a problem it only logged reached the
 * terminal, while the dev server went on serving the file's last good
 * version (or, at start-up, stopped with a stack trace). So it files each
 * file's problems here, and the site data (`src/data/site.ts`) throws them
 * as a `ContentError`: the dev server shows them over the page, with file
 * and line, and a build without the content check fails on them. The loader
 * and the pages run in one process and meet on `globalThis`, as the checked
 * site does (`src/integrations/checked-site.ts`).
 */
import type { ContentIssue } from '../lib/errors.ts';

const LOADER_PROBLEMS = Symbol.for('backstory.loader-problems');

interface LoaderProblems {
  /** Each file's problems, by the file's path; a file without problems has no entry. */
  byFile: Map<string, ContentIssue[]>;
  /** Files being read again after a change: the pages wait for them, so a reload never shows the last state. */
  reading: Set<Promise<void>>;
}

function registry(): LoaderProblems {
  const holder = globalThis as typeof globalThis & { [LOADER_PROBLEMS]?: LoaderProblems };
  return (holder[LOADER_PROBLEMS] ??= { byFile: new Map(), reading: new Set() });
}

/** Files `file`'s problems; none clears what was filed for it before. */
export function fileProblems(file: string, issues: readonly ContentIssue[]): void {
  if (issues.length > 0) registry().byFile.set(file, [...issues]);
  else registry().byFile.delete(file);
}

/** Forgets what was filed for the files of a folder, before it is read whole again. */
export function forgetProblemsIn(folder: string): void {
  const { byFile } = registry();
  for (const file of byFile.keys()) if (file.startsWith(`${folder}/`)) byFile.delete(file);
}

/** Notes a file being read again; the pages wait for it (see {@link loaderProblems}). */
export function readingFile(reading: Promise<void>): void {
  const { reading: all } = registry();
  const tracked = reading.finally(() => all.delete(tracked));
  all.add(tracked);
}

/** Every problem filed, by file, once the files being read again are read. */
export async function loaderProblems(): Promise<ContentIssue[]> {
  const { byFile, reading } = registry();
  while (reading.size > 0) await Promise.allSettled([...reading]);
  return [...byFile.keys()].sort().flatMap((file) => byFile.get(file)!);
}
