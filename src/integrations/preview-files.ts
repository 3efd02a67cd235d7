/**
 * Writes a build's preview card data into its output, one small JSON file
 * per person and event (see `lib/preview.ts`).
 *
 * Why not a page route: each route costs Astro the same bookkeeping as a
 * page, even when it is reused from the last build. At 4,000 stories the
 * 8,800 previews were a third of all routes; written here they take a
 * fraction of a second.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreviewFile } from '../lib/preview.ts';

/** Writes every preview into `outDir`; returns how many. */
export async function writePreviews(outDir: string, files: readonly PreviewFile[]): Promise<number> {
  for (const folder of new Set(files.map((f) => f.folder))) await mkdir(join(outDir, 'previews', folder), { recursive: true });
  // 64 writes in flight keep the file system's thread pool busy.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map(({ folder, id, preview }) => writeFile(join(outDir, 'previews', folder, `${id}.json`), JSON.stringify(preview))));
  }
  return files.length;
}
