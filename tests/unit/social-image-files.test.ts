/**
 * How a build's social images reach its output: linked from the drawing
 * cache where it can, copied where the output is on another file system,
 * drawn straight into the output where the cache cannot be written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSocialImages } from '../../src/integrations/social-image-files.ts';
import { cachedImageFile, cardImageKey, recordCards, renderSocialImage, type RecordCard } from '../../src/lib/social-image.ts';
import { loadContent } from '../../src/lib/load.ts';

const { content } = loadContent(join(import.meta.dirname, '../fixtures/minimal'));
const cards: RecordCard[] = recordCards(content.stories, content.people, content.events);
const imageOf = (out: string, { folder, id }: RecordCard) => join(out, 'og', folder, `${id}.png`);

const made: string[] = [];
const scratch = (parent = tmpdir()) => {
  const dir = mkdtempSync(join(parent, 'backstory-og-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every card's image is in the output, exactly as drawn. */
async function expectImages(out: string) {
  for (const card of cards) {
    const file = imageOf(out, card);
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file).equals(Buffer.from(await renderSocialImage(card.card))), file).toBe(true);
  }
}

describe('writeSocialImages', () => {
  it('links each image from the cache, drawing those not there yet', async () => {
    const cacheDir = scratch();
    const out = scratch();
    expect(await writeSocialImages(out, cards, cacheDir)).toBe(cards.length);
    await expectImages(out);
    for (const card of cards) {
      // One file under two names: the output's and the cache's.
      expect(statSync(imageOf(out, card)).ino).toBe(statSync(cachedImageFile(cacheDir, cardImageKey(card.card))).ino);
    }
  }, 30_000);

  // /dev/shm is a memory file system on Linux: a link between it and the temporary folder fails.
  const otherDisk = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
  it.skipIf(!otherDisk)('copies the images when the output is on another file system', async () => {
    const cacheDir = scratch();
    const out = scratch('/dev/shm');
    await writeSocialImages(out, cards, cacheDir);
    await expectImages(out);
    for (const card of cards) expect(statSync(imageOf(out, card)).nlink).toBe(1);
  }, 30_000);

  it('draws the images into the output when the cache cannot be written', async () => {
    const blocked = join(scratch(), 'a-file');
    // A cache folder below a file can never be made.
    writeFileSync(blocked, '');
    const out = scratch();
    await writeSocialImages(out, cards, join(blocked, 'cache'));
    await expectImages(out);
  }, 30_000);

  it('draws them without a cache folder at all', async () => {
    const out = scratch();
    await writeSocialImages(out, cards.slice(0, 1), undefined);
    expect(readFileSync(imageOf(out, cards[0]!)).equals(Buffer.from(await renderSocialImage(cards[0]!.card)))).toBe(true);
  }, 30_000);
});
