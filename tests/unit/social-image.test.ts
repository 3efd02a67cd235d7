/**
 * Drawing social cards: the size and format social sites ask for, text that
 * never runs into the footer however long it is, any characters in titles
 * (markup characters are text), and a logo with transparent corners.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cachedImageFile, cardImageKey, drawCard, personCard, renderLogo, renderSocialImage, SITE_CARD, type SocialCard } from '../../src/lib/social-image.ts';
import { partialDate } from '../../src/lib/dates.ts';

const PAPER = [0xfd, 0xfc, 0xf8];

async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x + 1) * info.channels)];
  /** Whether every pixel of the rows from `top` to `bottom` (exclusive) is paper. */
  const blank = (top: number, bottom: number) => {
    for (let y = top; y < bottom; y++) for (let x = 0; x < info.width; x++) if (at(x, y).some((v, i) => v !== PAPER[i])) return false;
    return true;
  };
  return { info, at, blank };
}

const story: SocialCard = { kind: 'Story', title: 'Budget vote delayed', meta: '7 June 2017', text: 'The council put off the vote.' };

describe('a social card', () => {
  it('is a 1200×630 PNG without transparency', async () => {
    const meta = await sharp(await renderSocialImage(story)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1200, height: 630, channels: 3, hasAlpha: false });
  });

  it('keeps the longest title and sentence clear of the footer, and the margins clear', async () => {
    const long: SocialCard = { kind: 'Event', title: 'W'.repeat(40) + ' ' + 'Wide words '.repeat(20), meta: 'M'.repeat(80), text: 'Mmm '.repeat(60) };
    // A title of wide letters runs taller than the text area; a run with no break opportunity is wider than a line.
    const tall: SocialCard = { kind: 'Story', title: 'W'.repeat(119), meta: 'A role long enough to run past the margin on a single line of the label', text: 'Short.' };
    const unbroken: SocialCard = { kind: 'Event', title: 'Short', text: 'ᄀ'.repeat(140) };
    for (const card of [long, { ...long, text: undefined }, SITE_CARD, tall, unbroken]) {
      const { blank, at } = await pixels(await renderSocialImage(card));
      // Between the text area and the rule above the footer.
      expect(blank(491, 515), card.title.slice(0, 20)).toBe(true);
      // The right margin, all the way down.
      for (let y = 30; y < 630; y += 7) for (const x of [1135, 1190]) expect(at(x, y), `${card.title.slice(0, 10)} x=${x} y=${y}`).toEqual(PAPER);
    }
  });

  it('draws markup characters as text', async () => {
    const plain = await renderSocialImage({ ...story, title: 'Fish and chips' });
    const marked = await renderSocialImage({ ...story, title: 'Fish & <b>chips</b>', text: 'A & B < C > D' });
    expect((await sharp(marked).metadata()).width).toBe(1200);
    expect(Buffer.from(marked).equals(Buffer.from(plain))).toBe(false);
  });

  it('draws names in other scripts', async () => {
    for (const title of ['Łucja Ğündüz-Šimić', 'Вадим Петров', 'Αλέξης Τσίπρας', 'Nguyễn Thị Ánh', 'محمد بن سلمان']) {
      const { blank } = await pixels(await renderSocialImage({ kind: 'Person', title }));
      // Ink in the title area.
      expect(blank(126, 491), title).toBe(false);
    }
  });

  it('looks the same drawn with a palette as in full colour (which it falls back to for a colour glyph)', async () => {
    for (const card of [story, SITE_CARD, { kind: 'Event', title: 'Vote on the “harbour” budget', meta: '2019', text: 'Ελένη Παππά and Łucja Ğündüz' } as SocialCard]) {
      const withPalette = await sharp(await drawCard(card)).metadata();
      expect(withPalette.isPalette, card.title).toBe(true);
      const a = await pixels(await drawCard(card));
      const b = await pixels(await drawCard(card, false));
      let worst = 0;
      for (let y = 0; y < 630; y++) for (let x = 0; x < 1200; x++) a.at(x, y).forEach((v, c) => (worst = Math.max(worst, Math.abs(v - b.at(x, y)[c]!))));
      // Coverage in 64 steps, and the edges in their ink: a few levels at most, invisible.
      expect(worst, card.title).toBeLessThanOrEqual(12);
      expect(worst, card.title).toBeGreaterThan(0);
    }
  });

  it('draws a card the same whatever card was drawn before it (its buffers are reused)', async () => {
    const event: SocialCard = { kind: 'Event', title: 'A much longer title that wraps onto a second line of the card', meta: 'May 2019', text: 'Something else.' };
    const first = await drawCard(story);
    await drawCard(event);
    expect(await drawCard(story)).toEqual(first);
    const drawnAlone = await drawCard(event);
    await drawCard(SITE_CARD);
    expect(await drawCard(event)).toEqual(drawnAlone);
  });

  it('reads a drawn image from the cache, unless it is known to be missing there', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'backstory-cards-'));
    try {
      const file = cachedImageFile(cacheDir, cardImageKey(story));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, 'kept');
      expect(Buffer.from(await renderSocialImage(story, { cacheDir })).toString()).toBe('kept');
      const drawn = await renderSocialImage(story, { cacheDir, missing: true });
      expect(drawn).toEqual(await drawCard(story));
      // What was drawn is kept in the cache in its place.
      expect(new Uint8Array(readFileSync(file))).toEqual(drawn);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('has a key of its own: another title, another key; the same card, the same key', () => {
    expect(cardImageKey(story)).toBe(cardImageKey({ ...story }));
    expect(cardImageKey({ ...story, title: 'Budget vote held' })).not.toBe(cardImageKey(story));
  });
});

describe('a person’s card', () => {
  const role = (title: string, from?: string, to?: string) => ({ title, ...(from ? { from: partialDate(from) } : {}), ...(to ? { to: partialDate(to) } : {}) });

  it.each<[string, ReturnType<typeof role>[], string | undefined]>([
    ['the role held now', [role('Mayor', '2019-01-01'), role('Councillor', '2010', '2018')], 'Mayor'],
    ['a role that has ended says until when', [role('Lead engineer, harbour wall review', '2021', '2023-09-30')], 'Lead engineer, harbour wall review (until 2023)'],
    ['the role that ended last', [role('Councillor', '2010', '2014'), role('Deputy mayor', '2014', '2018')], 'Deputy mayor (until 2018)'],
    ['no role, no label', [], undefined],
  ])('%s', (_name, roles, meta) => {
    expect(personCard({ name: 'Ana Lima', summary: 'S.', roles }).meta).toBe(meta);
  });
});

describe('the publisher logo', () => {
  it('is a square with transparent corners and its letter in the middle', async () => {
    const png = await renderLogo();
    const { info, at } = await pixels(png);
    expect(info).toMatchObject({ width: 512, height: 512, channels: 4 });
    expect(at(2, 2)[3]).toBe(0);
    // The square's colour beside the letter, white inside the letter's stem.
    expect(at(40, 256)).toEqual([0x1d, 0x35, 0x57, 255]);
    const row = Array.from({ length: 512 }, (_, x) => at(x, 256));
    const white = row.map((p, x) => (p[0]! > 240 && p[1]! > 240 ? x : -1)).filter((x) => x >= 0);
    expect(white.length).toBeGreaterThan(50);
    // Centred: as much square to the left of the letter as to the right, give or take a glyph's sidebearing.
    expect(Math.abs(white[0]! - (511 - white.at(-1)!))).toBeLessThan(40);
  });
});
