/**
 * Hard-links Astro's cached pages into a new output, off the main thread
 * (which is checking the content meanwhile, without a turn of its event
 * loop). Started by `cached-pages.ts`; posts the paths it put in place,
 * relative to both folders.
 */
import { copyFile, link, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { inBatches } from './in-batches.ts';

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
async function filesUnder(): Promise<string[]> {
  try {
    const entries = await readdir(from, { recursive: true, withFileTypes: true });
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
async function placeOne(file: string): Promise<boolean> {
  const [source, target] = [join(from, file), join(to, file)];
  // Changed since the last build: not the bytes Astro made. Without its copy Astro renders the page again.
  const changed = finishedAt !== undefined && (await stat(source, { bigint: true }).then((s) => s.mtimeNs > finishedAt, () => true));
  if (changed) {
    await rm(source, { force: true });
    return false;
  }
  try {
    await link(source, target);
    return true;
  } catch {
    try {
      await copyFile(source, target);
      return true;
    } catch {
      await rm(target, { force: true });
      return false;
    }
  }
}

const files = await filesUnder();
// 16 at a time keep the thread pool busy (the main thread, checking content, does not use it).
await inBatches([...new Set(files.map((file) => dirname(join(to, file))))], 16, (folder) => mkdir(folder, { recursive: true }));
const placed = await inBatches(files, 16, placeOne);
parentPort!.postMessage(files.filter((_, i) => placed[i]));
