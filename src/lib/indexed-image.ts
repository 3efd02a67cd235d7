/**
 * Images of at most 256 colours, one byte a pixel, written as palette PNGs.
 *
 * A social card is paper, a few rules and text in two or three inks: with its
 * antialiasing kept to COVERAGE_LEVELS steps per ink it needs under 200
 * colours. Drawn this way a card is a third of the pixels to copy, blend and
 * compress, and its PNG about half the size of a full-colour one. A block of
 * text holding any other colour (a colour emoji, say) cannot be drawn so:
 * {@link blendInks} says so, and the card is drawn in full colour instead.
 */
import { constants, crc32, deflateSync } from 'node:zlib';
import type { TextBlock } from './card-text.ts';

/** Steps of a glyph edge's coverage, from none to full: 6 bits, where the eye sees no banding on text. */
export const COVERAGE_LEVELS = 64;

export interface IndexedImage {
  width: number;
  height: number;
  /** Palette index of each pixel, row by row. */
  pixels: Uint8Array;
  /** The colours, as 0xRRGGBB, at most 256. */
  palette: number[];
  /** Each colour's index in `palette`. */
  indexOf: Map<number, number>;
}

/** `#rrggbb` as 0xRRGGBB. */
export const rgb = (hex: string): number => Number.parseInt(hex.slice(1), 16);

/** A new image of one colour. */
export function filledImage(width: number, height: number, color: number): IndexedImage {
  return { width, height, pixels: new Uint8Array(width * height), palette: [color], indexOf: new Map([[color, 0]]) };
}

/**
 * A copy that can be drawn on without changing the original; its pixels go
 * into `into` when that is given and the right size.
 */
export function copyImage(image: IndexedImage, into?: Uint8Array): IndexedImage {
  const pixels = into?.length === image.pixels.length ? into : new Uint8Array(image.pixels.length);
  pixels.set(image.pixels);
  return { ...image, pixels, palette: [...image.palette], indexOf: new Map(image.indexOf) };
}

/** The palette index of a colour, added if new; -1 when the palette is full. */
function colorIndex(image: IndexedImage, color: number): number {
  const known = image.indexOf.get(color);
  if (known !== undefined) return known;
  if (image.palette.length === 256) return -1;
  image.palette.push(color);
  image.indexOf.set(color, image.palette.length - 1);
  return image.palette.length - 1;
}

/** Fills a rectangle (clipped to the image) with one colour. */
export function fillRect(image: IndexedImage, left: number, top: number, width: number, height: number, color: number): void {
  const index = colorIndex(image, color);
  if (index < 0) throw new RangeError('the palette is full');
  for (let y = Math.max(0, top); y < Math.min(image.height, top + height); y++) {
    image.pixels.fill(index, y * image.width + Math.max(0, left), y * image.width + Math.min(image.width, left + width));
  }
}

/** Coverage (alpha 0–255) to its step, 0 to COVERAGE_LEVELS − 1. */
const STEP = Uint8Array.from({ length: 256 }, (_, alpha) => Math.round((alpha * (COVERAGE_LEVELS - 1)) / 255));

/** The least coverage with a step above none. */
const FIRST_VISIBLE = STEP.findIndex((step) => step > 0);

/** `under` mixed with `ink` by the share `step` / (COVERAGE_LEVELS − 1), channel by channel. */
function mix(under: number, ink: number, step: number): number {
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const a = (under >> shift) & 255;
    const b = (ink >> shift) & 255;
    out |= Math.round(a + ((b - a) * step) / (COVERAGE_LEVELS - 1)) << shift;
  }
  return out;
}

/**
 * How far a text pixel's colour may be from the nearest ink, summed over the
 * channels, where its coverage is at least half. Pango's unpremultiplied
 * edges stray a few levels from the ink; a colour glyph strays far.
 */
const INK_TOLERANCE = 48;

/**
 * Lays a block of text in the given inks (0xRRGGBB) on the image, in place:
 * each pixel mixed with its nearest ink by the text's coverage, in
 * COVERAGE_LEVELS steps. Returns false, leaving the image part drawn, when
 * the block holds a colour none of the inks is (the card must then be drawn in
 * full colour) or the palette runs out.
 */
export function blendInks(image: IndexedImage, block: TextBlock, top: number, left: number, inks: readonly number[]): boolean {
  const { data, info } = block;
  const { pixels } = image;
  const width = Math.min(info.width, image.width - left);
  const height = Math.min(info.height, image.height - top);
  // The colour index of (ink, colour beneath, step), worked out once each.
  const mixed = new Int16Array(inks.length * 256 * COVERAGE_LEVELS).fill(-1);
  const reds = inks.map((ink) => (ink >> 16) & 255);
  const greens = inks.map((ink) => (ink >> 8) & 255);
  const blues = inks.map((ink) => ink & 255);
  // The common case, one ink, without the search for the nearest.
  const single = inks.length === 1;
  const [red, green, blue] = [reds[0]!, greens[0]!, blues[0]!];
  for (let y = 0; y < height; y++) {
    let from = y * info.width * 4;
    let to = (top + y) * image.width + left;
    for (let x = 0; x < width; x++, from += 4, to++) {
      const alpha = data[from + 3]!;
      if (alpha < FIRST_VISIBLE) continue;
      const step = STEP[alpha]!;
      let ink = 0;
      if (single) {
        // Only pixels of half coverage or more are looked at: the edges' colours stray anyway.
        if (alpha >= 128 && Math.abs(data[from]! - red) + Math.abs(data[from + 1]! - green) + Math.abs(data[from + 2]! - blue) > INK_TOLERANCE) return false;
      } else {
        let distance = Infinity;
        for (let k = 0; k < inks.length; k++) {
          const d = Math.abs(data[from]! - reds[k]!) + Math.abs(data[from + 1]! - greens[k]!) + Math.abs(data[from + 2]! - blues[k]!);
          if (d < distance) {
            distance = d;
            ink = k;
          }
        }
        if (alpha >= 128 && distance > INK_TOLERANCE) return false;
      }
      const under = pixels[to]!;
      const slot = (ink * 256 + under) * COVERAGE_LEVELS + step;
      let index = mixed[slot]!;
      if (index < 0) {
        index = colorIndex(image, mix(image.palette[under]!, inks[ink]!, step));
        if (index < 0) return false;
        mixed[slot] = index;
      }
      pixels[to] = index;
    }
  }
  return true;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * The rows of the last image encoded, each after its filter byte (always 0),
 * kept for the next image of the same size: a new 750 KB buffer per card was
 * much of the drawing worker's garbage. Deflated at once, so never shared.
 */
let scanlines: Buffer | undefined;

/**
 * The image as a palette PNG (8 bits a pixel, no filtering: rows of text on
 * flat paper gain nothing from PNG's filters). zlib's run-length strategy:
 * on 200 cards, 0.50 ms and 21.0 KB a card, against 0.59 ms and 21.6 KB at
 * level 2. A card is mostly runs of one colour, the only repeats it looks for.
 */
export function encodePng(image: IndexedImage): Uint8Array<ArrayBuffer> {
  const { width, height, pixels, palette } = image;
  if (scanlines?.length !== (width + 1) * height) scanlines = Buffer.alloc((width + 1) * height);
  const rows = scanlines;
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette colour, deflate, no filter method variant, no interlace
  const colors = Buffer.alloc(palette.length * 3);
  palette.forEach((color, i) => colors.set([(color >> 16) & 255, (color >> 8) & 255, color & 255], i * 3));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', colors),
    chunk('IDAT', deflateSync(rows, { level: 2, strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ]);
  return new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.length) as ArrayBuffer);
}
