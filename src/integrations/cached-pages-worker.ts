/**
 * Hard-links Astro's cached pages into a new output, off the main thread
 * (which is checking the content meanwhile, without a turn of its event
 * loop). Started by `cached-pages.ts`; posts the paths it put in place,
 * relative to both folders.
 *
 * Every file call here is synchronous: this thread has nothing else to do,
 * and Node's thread pool, which asynchronous calls go through, is shared by
 * the whole process. Linking 4,400 pages 16 calls at a time through it held
 * up the main thread's own file reads (Astro loading its modules once the
 * content was checked) by 0.4–0.9 s in a 1,000-story rebuild.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** What `cached-pages.ts` hands the worker. */
export interface LinkWorkerData {
  /** Astro's copies of the last build's pages. */
  from: string;
  /** The new, empty output. */
  to: string;
  /**
   * When the last build finished with them (nanoseconds, as file times): a
   * copy changed since was changed in place through a link, in the output
   * being served (a deploy step rewriting pages, say).
   */
  finishedAt?: bigint;
}

const { from, to, finishedAt } = workerData as LinkWorkerData;

/** Every file under `from`, as a path relative to it. */
function filesUnder(): string[] {
  try {
    const entries = readdirSync(from, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => relative(from, join(entry.parentPath, entry.name)));
  } catch {
    return []; // no cache yet
  }
}

/**
 * Links one page, or copies it where a link cannot be made (another disk).
 * What fails is removed, whole or not: Astro then restores or renders that
 * page itself.
 */
function placeOne(file: string): boolean {
  const [source, target] = [join(from, file), join(to, file)];
  // Changed since the last build: not the bytes Astro made. Without its copy Astro renders the page again.
  const modified = finishedAt === undefined ? undefined : statSync(source, { bigint: true, throwIfNoEntry: false })?.mtimeNs;
  if (finishedAt !== undefined && (modified === undefined || modified > finishedAt)) {
    rmSync(source, { force: true });
    return false;
  }
  try {
    linkSync(source, target);
    return true;
  } catch {
    try {
      copyFileSync(source, target);
      return true;
    } catch {
      rmSync(target, { force: true });
      return false;
    }
  }
}

const files = filesUnder();
for (const folder of new Set(files.map((file) => dirname(join(to, file))))) mkdirSync(folder, { recursive: true });
parentPort!.postMessage(files.filter(placeOne));
