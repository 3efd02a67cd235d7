/**
 * Palette images for the social cards: text blended in its inks with
 * COVERAGE_LEVELS steps of coverage, a colour that is no ink refused, and
 * PNGs that any decoder reads back pixel for pixel.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { blendInks, copyImage, COVERAGE_LEVELS, encodePng, filledImage, fillRect, rgb, type IndexedImage } from '../../src/lib/indexed-image.ts';
import type { TextBlock } from '../../src/lib/card-text.ts';

const PAPER = rgb('#fdfcf8');
const INK = rgb('#1b1b1b');
const MUTED = rgb('#595959');

/** A block `width` × 1 whose pixels have these colours (0xRRGGBB) and coverages. */
function block(pixels: [color: number, alpha: number][]): TextBlock {
  const data = Buffer.alloc(pixels.length * 4);
  pixels.forEach(([color, alpha], i) => data.set([(color >> 16) & 255, (color >> 8) & 255, color & 255, alpha], i * 4));
  return { data, info: { width: pixels.length, height: 1, channels: 4 } };
}

const colorAt = (image: IndexedImage, x: number, y: number) => image.palette[image.pixels[y * image.width + x]!]!;
const channels = (color: number) => [(color >> 16) & 255, (color >> 8) & 255, color & 255];

/** The PNG decoded by sharp, as 0xRRGGBB per pixel. */
async function decoded(png: Uint8Array): Promise<{ width: number; height: number; colors: number[] }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const colors: number[] = [];
  for (let i = 0; i < data.length; i += 3) colors.push((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return { width: info.width, height: info.height, colors };
}

describe('encodePng', () => {
  it('writes a palette PNG that decodes to the same pixels', async () => {
    const image = filledImage(37, 5, PAPER);
    fillRect(image, 3, 1, 20, 2, INK);
    fillRect(image, 30, 0, 50, 9, rgb('#7a3e00')); // clipped to the image
    const png = encodePng(image);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 37, height: 5, isPalette: true, hasAlpha: false });
    const { colors } = await decoded(png);
    expect(colors).toEqual([...image.pixels].map((i) => image.palette[i]));
  });

  it('keeps up to 256 colours', async () => {
    const image = filledImage(256, 2, 0);
    for (let x = 1; x < 256; x++) fillRect(image, x, 0, 1, 2, x * 0x010101);
    expect(image.palette).toHaveLength(256);
    expect(() => fillRect(image, 0, 0, 1, 1, rgb('#123456'))).toThrow(/palette is full/);
    const { colors } = await decoded(encodePng(image));
    expect(colors.slice(0, 256)).toEqual(Array.from({ length: 256 }, (_, x) => x * 0x010101));
  });
});

describe('buffers reused from image to image', () => {
  it('encodes each image the same whatever was encoded before it', async () => {
    const small = filledImage(7, 3, PAPER);
    fillRect(small, 1, 1, 5, 1, INK);
    const large = filledImage(9, 4, INK);
    fillRect(large, 0, 0, 9, 2, PAPER);
    const first = encodePng(small);
    encodePng(large);
    expect(encodePng(small)).toEqual(first);
    expect((await decoded(encodePng(large))).colors).toEqual([...large.pixels].map((i) => large.palette[i]));
  });

  it('copies into a buffer of the right size, and into a new one otherwise', () => {
    const image = filledImage(4, 2, PAPER);
    fillRect(image, 1, 0, 2, 2, INK);
    const buffer = new Uint8Array(8).fill(7);
    const copy = copyImage(image, buffer);
    expect(copy.pixels).toBe(buffer);
    expect([...copy.pixels]).toEqual([...image.pixels]);
    const other = copyImage(image, new Uint8Array(3));
    expect(other.pixels).toHaveLength(8);
    expect([...other.pixels]).toEqual([...image.pixels]);
  });
});

describe('blendInks', () => {
  it('mixes each pixel with its ink by its coverage, in steps, and leaves uncovered pixels alone', () => {
    const image = filledImage(6, 1, PAPER);
    const alphas = [0, 2, 64, 128, 200, 255];
    expect(blendInks(image, block(alphas.map((a) => [INK, a])), 0, 0, [INK])).toBe(true);
    expect(colorAt(image, 0, 0)).toBe(PAPER);
    // Too little coverage for a step.
    expect(colorAt(image, 1, 0)).toBe(PAPER);
    expect(colorAt(image, 5, 0)).toBe(INK);
    for (const x of [2, 3, 4]) {
      const exact = channels(PAPER).map((p, c) => p + ((channels(INK)[c]! - p) * alphas[x]!) / 255);
      // Within half a step of the exact mix.
      channels(colorAt(image, x, 0)).forEach((v, c) => expect(Math.abs(v - exact[c]!), `x=${x}`).toBeLessThanOrEqual(255 / (COVERAGE_LEVELS - 1) / 2 + 1));
    }
  });

  it('takes an edge pixel whose colour strays from the ink as the ink', () => {
    const image = filledImage(2, 1, PAPER);
    // Unpremultiplied edges: the colour of a faint pixel is far off, of a strong one a little.
    expect(blendInks(image, block([[0x000000, 40], [0x202020, 250]]), 0, 0, [INK])).toBe(true);
    const faint = filledImage(2, 1, PAPER);
    blendInks(faint, block([[INK, 40], [INK, 250]]), 0, 0, [INK]);
    expect(image.palette).toEqual(faint.palette);
    expect([...image.pixels]).toEqual([...faint.pixels]);
  });

  it('refuses a block with a colour that is none of its inks, such as a colour glyph', () => {
    const image = filledImage(3, 1, PAPER);
    expect(blendInks(image, block([[INK, 255], [rgb('#ffcc00'), 255], [INK, 255]]), 0, 0, [INK])).toBe(false);
  });

  it('picks the nearest of several inks for each pixel', () => {
    const image = filledImage(2, 1, PAPER);
    expect(blendInks(image, block([[INK, 255], [MUTED + 0x020202, 255]]), 0, 0, [INK, MUTED])).toBe(true);
    expect([colorAt(image, 0, 0), colorAt(image, 1, 0)]).toEqual([INK, MUTED]);
  });

  it('mixes with the colour beneath, and draws only inside the image', () => {
    const image = filledImage(4, 2, PAPER);
    fillRect(image, 0, 0, 4, 1, rgb('#1d4e89'));
    const before = copyImage(image);
    // A block wider and taller than what is left of the image below and right of (2, 1).
    const wide: TextBlock = { data: Buffer.alloc(5 * 3 * 4, 255), info: { width: 5, height: 3, channels: 4 } };
    expect(blendInks(image, wide, 1, 2, [0xffffff])).toBe(true);
    expect([...image.pixels.subarray(0, 6)]).toEqual([...before.pixels.subarray(0, 6)]);
    expect([colorAt(image, 2, 1), colorAt(image, 3, 1)]).toEqual([0xffffff, 0xffffff]);
    // The copy was not drawn on.
    expect(before.palette).not.toContain(0xffffff);
  });

  it('says so when the palette runs out', () => {
    const image = filledImage(256, 1, PAPER);
    // Paper and 247 shades of grey, then a pixel of each of 10 inks: more than 256 colours.
    for (let x = 1; x < 248; x++) fillRect(image, x, 0, 1, 1, x * 0x010101);
    const inks = [0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0x00ffff, 0xff00ff, 0x800000, 0x008000, 0x000080, 0x808000];
    expect(blendInks(image, block(inks.map((ink) => [ink, 100] as [number, number])), 0, 240, inks)).toBe(false);
  });
});
