/**
 * Puts a build's social images into its output, `og/<folder>/<id>.png`, as
 * hard links to the drawing cache: one directory entry each, no bytes written.
 *
 * Why not a page route: Astro writes a route's body into the output and a
 * second copy into its incremental cache, and copies that back into every
 * later build. At 4,000 stories that is 12,800 images (about 600 MB) written
 * twice on top of the drawing, and copied again by every rebuild. The cache
 * already holds each image, under the digest of its card, and never rewrites
 * a file in place (a changed card is a new file), so a link is as good as a
 * copy. Where linking is not possible (the output on another disk, a file
 * system without links), the image is copied; where the cache cannot be
 * written, it is drawn straight into the output.
 *
 * The drawing workers may still be busy: this thread draws from the end of
 * the list while they take jobs from the start, and waits for any image a
 * worker is drawing (see `lib/image-jobs.ts`).
 */
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inBatches } from './in-batches.ts';
import { cachedImageFile, cardImageKey, renderSocialImage, type RecordCard } from '../lib/social-image.ts';

/** Links (or copies) one image into place, drawing it first if no worker has. */
async function place({ card }: RecordCard, file: string, cacheDir: string | undefined): Promise<void> {
  const cached = cacheDir && cachedImageFile(cacheDir, cardImageKey(card));
  if (!cached || !existsSync(cached)) {
    const png = await renderSocialImage(card, { cacheDir });
    // Still not in the cache: it could not be written there.
    if (!cached || !existsSync(cached)) return writeFile(file, png);
  }
  try {
    await link(cached, file);
  } catch {
    await copyFile(cached, file);
  }
}

/** Writes the image of every card into `outDir`; returns how many. */
export async function writeSocialImages(outDir: string, cards: readonly RecordCard[], cacheDir: string | undefined): Promise<number> {
  for (const folder of new Set(cards.map((c) => c.folder))) await mkdir(join(outDir, 'og', folder), { recursive: true });
  // From the end: the workers take jobs from the start, so the two seldom wait on each other.
  const order = [...cards].reverse();
  // Four at a time, as Astro renders pages: each drawing holds a few megabytes of pixels.
  await inBatches(order, 4, (c) => place(c, join(outDir, 'og', c.folder, `${c.id}.png`), cacheDir));
  return cards.length;
}
