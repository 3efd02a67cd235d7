/**
 * Text for the social cards, as pixels: Source Serif 4 made known to Pango,
 * runs of styled text set into blocks (sharp's `text` input, which wraps,
 * kerns and falls back to another font for a character none of ours has),
 * and those blocks blended onto an image.
 */
import sharp from 'sharp';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { woffToSfnt } from './woff.ts';

/**
 * Fontsource splits Source Serif 4 into one file per script, all of the
 * family "Source Serif 4": Pango takes each character from the file that has
 * it (and from a system font for a script none covers).
 */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;
export const FAMILY = 'Source Serif 4';

/** Resolved from the project, not from the bundled module, which the build writes elsewhere. */
export function fontsource(): { files: string; version: string } {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const entry = require.resolve('@fontsource/source-serif-4');
  const version = (JSON.parse(readFileSync(join(dirname(entry), 'package.json'), 'utf8')) as { version: string }).version;
  return { files: join(dirname(entry), 'files'), version };
}

let fontsReady: Promise<void> | undefined;

/**
 * Makes Source Serif 4 known to Pango, once per process: each WOFF file is
 * unpacked to TrueType in a temporary folder (Pango reads no WOFF) and handed
 * to fontconfig through sharp's `fontfile`, which registers a file the first
 * time it sees it.
 */
export function loadFonts(): Promise<void> {
  fontsReady ??= (async () => {
    const { files, version } = fontsource();
    // One folder per user: on a shared machine another user's folder may not be writable.
    const dir = join(tmpdir(), `backstory-fonts-${version}-${process.getuid?.() ?? 'user'}`);
    mkdirSync(dir, { recursive: true });
    for (const subset of SUBSETS) {
      for (const weight of [400, 700]) {
        const name = `source-serif-4-${subset}-${weight}-normal`;
        const ttf = join(dir, `${name}.ttf`);
        if (!existsSync(ttf)) {
          // Through a temporary name: builds and workers may unpack the same font at once.
          const partial = `${ttf}.${process.pid}.${threadId}.part`;
          writeFileSync(partial, woffToSfnt(readFileSync(join(files, `${name}.woff`))));
          renameSync(partial, ttf);
        }
        await sharp({ text: { text: '.', font: FAMILY, fontfile: ttf } }).raw().toBuffer();
      }
    }
  })();
  return fontsReady;
}

/** Text for Pango markup: `&`, `<` and `>` escaped, control characters (which markup refuses) dropped. */
function markupText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A run of text in one style. */
export interface Run {
  text: string;
  size: number;
  bold?: boolean;
  color: string;
  /** Line height in pixels; one line of the font's own height when absent. */
  lineHeight?: number;
  /** Space between letters, in pixels. */
  tracking?: number;
}

/** A set block of text as raw RGBA pixels, no wider than `width`. */
export interface TextBlock {
  data: Buffer;
  info: { width: number; height: number; channels: 4 };
}

/**
 * Sets runs of text with Pango, wrapped at word boundaries (inside a word only
 * when it is longer than a line), or on one line with `oneLine`.
 */
export async function setText(runs: Run[], width: number, oneLine = false): Promise<TextBlock> {
  const markup = runs
    .map((run) => {
      const attributes = [
        `font_desc="${FAMILY} ${run.bold ? 'Bold ' : ''}${run.size}px"`,
        `foreground="${run.color}"`,
        // Pango units: 1,024 to a point, and with dpi 72 a point is a pixel.
        ...(run.lineHeight ? [`line_height="${Math.round(run.lineHeight * 1024)}"`] : []),
        ...(run.tracking ? [`letter_spacing="${Math.round(run.tracking * 1024)}"`] : []),
      ];
      return `<span ${attributes.join(' ')}>${markupText(run.text)}</span>`;
    })
    .join('');
  const { data, info } = await sharp({ text: { text: markup, font: FAMILY, width, dpi: 72, rgba: true, wrap: oneLine ? 'none' : 'word-char' } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, info: { width: info.width, height: info.height, channels: 4 } };
}

/**
 * The top left `width` × `height` pixels of a block: a safeguard for text that
 * would run into the footer or the margin (Pango wraps only where a script
 * allows a break).
 */
export function clip(block: TextBlock, width: number, height: number): TextBlock {
  const { info } = block;
  if (info.width <= width && info.height <= height) return block;
  const rows = Math.min(info.height, height);
  const columns = Math.min(info.width, width);
  const data = Buffer.alloc(columns * rows * 4);
  for (let y = 0; y < rows; y++) block.data.copy(data, y * columns * 4, y * info.width * 4, (y * info.width + columns) * 4);
  return { data, info: { width: columns, height: rows, channels: 4 } };
}

/**
 * Lays a block of text on an RGB image, in place: each pixel mixed with the
 * text's colour by the text's coverage. (sharp's composite took 10 ms a card
 * for this, converting the whole image; here only the text's pixels are touched.)
 */
export function blend(image: Buffer, imageWidth: number, block: TextBlock, top: number, left: number): void {
  const { data, info } = block;
  // Never past the image's edges, whatever the block's size.
  const width = Math.min(info.width, imageWidth - left);
  const height = Math.min(info.height, image.length / 3 / imageWidth - top);
  for (let y = 0; y < height; y++) {
    let from = y * info.width * 4;
    let to = ((top + y) * imageWidth + left) * 3;
    for (let x = 0; x < width; x++, from += 4, to += 3) {
      const alpha = data[from + 3]!;
      if (alpha === 0) continue;
      for (let c = 0; c < 3; c++) image[to + c] = Math.round((image[to + c]! * (255 - alpha) + data[from + c]! * alpha) / 255);
    }
  }
}
