/**
 * Writes a build's preview card data into its output, one small JSON file
 * per person and event (see `lib/preview.ts`).
 *
 * Why not a page route: each route costs Astro the same bookkeeping as a
 * page, even when it is reused from the last build. At 4,000 stories the
 * 8,800 previews were a third of all routes; written here they take a
 * fraction of a second.
 *
 * With a cache folder, each file is kept there under the digest of its
 * bytes and hard-linked into the output, as the social images are (see
 * `social-image-files.ts`): a rebuild writes only the previews that changed,
 * and a link is a directory entry, not a new file. A cached file is never
 * written again once in place (new bytes are a new name), so the output
 * being served, which links the same files, cannot change under a reader.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { digestOf } from '../lib/digest.ts';
import { inBatches } from './in-batches.ts';
import type { PreviewFile } from '../lib/preview.ts';

/** The previews' folder in the cache. */
const CACHE_FOLDER = 'previews';

/** Numbers this process's partial files: two previews may have the same bytes. */
let partials = 0;

/** Puts `json` in the cache under `cached` unless it is there; whole or not at all (a rename). */
async function keep(cached: string, json: string): Promise<void> {
  if (existsSync(cached)) return;
  const partial = `${cached}.${process.pid}-${partials++}.partial`;
  await writeFile(partial, json);
  await rename(partial, cached);
}

/** Links the cached file into place; writes the bytes there instead if that cannot be done. */
async function place(file: string, json: string, cached: string | undefined): Promise<void> {
  if (cached) {
    try {
      await keep(cached, json);
      await link(cached, file);
      return;
    } catch {
      // The cache cannot be written, or the output is on another disk: the file is written itself.
    }
  }
  await writeFile(file, json);
}

/** Deletes the cache's previews that this build did not use (other outputs keep their own links to them). */
async function pruneCache(folder: string, used: ReadonlySet<string>): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  await inBatches(
    names.filter((name) => !used.has(name)),
    64,
    (name) => unlink(join(folder, name)).catch(() => {}),
  );
}

/** Writes every preview into `outDir` (linked from `cacheDir` when given); returns how many. */
export async function writePreviews(outDir: string, files: readonly PreviewFile[], cacheDir?: string): Promise<number> {
  for (const folder of new Set(files.map((f) => f.folder))) await mkdir(join(outDir, 'previews', folder), { recursive: true });
  const cache = cacheDir && join(cacheDir, CACHE_FOLDER);
  if (cache) await mkdir(cache, { recursive: true }).catch(() => {});
  const used = new Set<string>();
  // 64 in flight keep the file system's thread pool busy.
  await inBatches(files, 64, ({ folder, id, preview }) => {
    const json = JSON.stringify(preview);
    const name = `${digestOf(json)}.json`;
    used.add(name);
    return place(join(outDir, 'previews', folder, `${id}.json`), json, cache && join(cache, name));
  });
  if (cache) await pruneCache(cache, used);
  return files.length;
}
