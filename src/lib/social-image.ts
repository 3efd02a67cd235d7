/**
 * Social images: one 1200×630 PNG card per story, person and event (and one
 * for the site), drawn at build time with sharp: each block of text is set by
 * Pango (wrapping, kerning, a fallback font for any character) in Source
 * Serif 4 from @fontsource, then laid on a background drawn once per colour,
 * in a palette of under 200 colours (see `indexed-image.ts`). Nothing is
 * fetched: fonts come from node_modules.
 *
 * Each card carries its alt text, so the page's `og:image:alt` always
 * describes the image it points at.
 */
import sharp from 'sharp';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { blend, clip, FAMILY, fontsource, loadFonts, setText, type TextBlock } from './card-text.ts';
import { blendInks, copyImage, encodePng, filledImage, fillRect, rgb, type IndexedImage } from './indexed-image.ts';
import { digestOf } from './digest.ts';
import { claim, DONE, FAILED, release } from './image-jobs.ts';
import { dirname, join } from 'node:path';
import { formatDate } from './dates.ts';
import { eventWhen } from './event-when.ts';
import type { AnyRecord, EventRecord, PersonRecord, StoryRecord } from './records.ts';
import { LOGO_SIZE, SITE_NAME } from './structured-data.ts';
import { latestRole } from './roles.ts';

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

/** What a card shows. */
export interface SocialCard {
  /** The small label above the title: "Story", "Person", "Event"; none for the site card. */
  kind?: 'Story' | 'Person' | 'Event';
  title: string;
  /** A date or a role, beside the kind. */
  meta?: string;
  /** A sentence under the title. */
  text?: string;
  /**
   * Scripts of its words that no installed font has (they come out as boxes):
   * not drawn, but part of the image's key, so the card is drawn again once a
   * font is installed (see `integrations/font-coverage.ts`).
   */
  unsupported?: string[];
}

/** Where a record's card is served, below the base: `og/stories/<id>.png`. */
export function socialImagePath(record?: Pick<AnyRecord, 'kind' | 'id'>): string {
  if (!record) return 'og/site.png';
  const folder = record.kind === 'story' ? 'stories' : record.kind === 'person' ? 'people' : 'events';
  return `og/${folder}/${record.id}.png`;
}

export function storyCard(story: Pick<StoryRecord, 'title' | 'summary' | 'dek' | 'published'>): SocialCard {
  return { kind: 'Story', title: story.title, meta: formatDate(story.published.day), text: story.dek ?? story.summary };
}

export function personCard(person: Pick<PersonRecord, 'name' | 'summary' | 'roles'>): SocialCard {
  const latest = latestRole(person);
  // A role that has ended says so: the card would otherwise present it as held now.
  const role = latest && (latest.to ? `${latest.title} (until ${latest.to.year})` : latest.title);
  return { kind: 'Person', title: person.name, ...(role ? { meta: role } : {}), text: person.summary };
}

export function eventCard(event: Pick<EventRecord, 'title' | 'summary' | 'date' | 'end' | 'ongoing'>): SocialCard {
  return { kind: 'Event', title: event.title, meta: eventWhen(event), text: event.summary };
}

/** A record's card and where it is served: `og/<folder>/<id>.png`. */
export interface RecordCard {
  folder: 'stories' | 'people' | 'events';
  id: string;
  card: SocialCard;
}

/** The card of every story, person and event: the images a build puts into its output, and the drawing workers' jobs. */
export function recordCards(
  stories: readonly StoryRecord[],
  people: readonly PersonRecord[],
  events: readonly EventRecord[],
): RecordCard[] {
  return [
    ...stories.map((story) => ({ folder: 'stories' as const, id: story.id, card: storyCard(story) })),
    ...people.map((person) => ({ folder: 'people' as const, id: person.id, card: personCard(person) })),
    ...events.map((event) => ({ folder: 'events' as const, id: event.id, card: eventCard(event) })),
  ];
}

export const SITE_CARD: SocialCard = {
  title: 'News stories explained',
  text: 'Who is who, what happened when, and how it connects.',
};

/** Alt text that says what the card shows: its kind, title and date or role. */
export function socialImageAlt(card: SocialCard): string {
  if (!card.kind) return `${SITE_NAME}: ${card.title}. ${card.text ?? ''}`.trim();
  const what = card.kind === 'Story' ? `published ${card.meta}` : card.meta;
  return `${SITE_NAME} ${card.kind.toLowerCase()} card: ${card.title}${what ? ` (${what})` : ''}`;
}

// Every card is drawn once: libvips's cache of recent operations would only hold memory.
sharp.cache(false);

const COLORS = { paper: '#fdfcf8', text: '#1b1b1b', muted: '#595959', rule: '#dedbd2', Story: '#1d4e89', Person: '#1d4e89', Event: '#7a3e00', site: '#1d3557' };

/** Shortens text to `max` characters at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const W = SOCIAL_IMAGE_WIDTH;
const H = SOCIAL_IMAGE_HEIGHT;
/** The card's margins and rows, in pixels. */
const BOX = { left: 72, width: W - 2 * 72, label: 74, bodyTop: 126, bodyBottom: 491, rule: 515, footer: 541, gap: 24 };

/** The footer, the same on every card: the site's name and what it does, in two inks. */
const FOOTER_RUNS = [
  { text: SITE_NAME, size: 30, bold: true, color: COLORS.text },
  { text: '   explains the news', size: 30, color: COLORS.muted },
];
let footer: Promise<TextBlock> | undefined;

/** What every card of one colour shares: paper, the colour bar, the rule and the footer. Drawn once per colour. */
const backgrounds = new Map<string, Promise<Buffer>>();

/** The background in full colour, for a card that cannot be drawn with a palette (see `indexed-image.ts`). */
function background(accent: string): Promise<Buffer> {
  let drawn = backgrounds.get(accent);
  if (!drawn) {
    drawn = (async () => {
      const shapes = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${COLORS.paper}"/><rect width="${W}" height="18" fill="${accent}"/><rect x="${BOX.left}" y="${BOX.rule}" width="${BOX.width}" height="2" fill="${COLORS.rule}"/></svg>`;
      const image = await sharp(Buffer.from(shapes)).removeAlpha().raw().toBuffer();
      blend(image, W, await (footer ??= setText(FOOTER_RUNS, BOX.width)), BOX.footer, BOX.left);
      return image;
    })();
    backgrounds.set(accent, drawn);
  }
  return drawn;
}

const paletteBackgrounds = new Map<string, Promise<IndexedImage>>();

/** The same background with a palette: how nearly every card is drawn. */
function paletteBackground(accent: string): Promise<IndexedImage> {
  let drawn = paletteBackgrounds.get(accent);
  if (!drawn) {
    drawn = (async () => {
      const image = filledImage(W, H, rgb(COLORS.paper));
      fillRect(image, 0, 0, W, 18, rgb(accent));
      fillRect(image, BOX.left, BOX.rule, BOX.width, 2, rgb(COLORS.rule));
      if (!blendInks(image, await (footer ??= setText(FOOTER_RUNS, BOX.width)), BOX.footer, BOX.left, FOOTER_RUNS.map((run) => rgb(run.color)))) {
        throw new Error('the footer of the social cards holds a colour that is not one of its inks');
      }
      return image;
    })();
    paletteBackgrounds.set(accent, drawn);
  }
  return drawn;
}

/**
 * The card's kind and date or role, its title, its sentence: set, sized by
 * length, and centred between the label and the rule. Drawn with a palette
 * unless a block holds a colour that is not its ink, or `palette` is false
 * (for tests: the two drawings must look the same).
 */
export async function drawCard(card: SocialCard, palette = true): Promise<Uint8Array<ArrayBuffer>> {
  await loadFonts();
  const accent = card.kind ? COLORS[card.kind] : COLORS.site;
  const title = truncate(card.title, 120);
  const titleSize = title.length <= 45 ? 76 : title.length <= 80 ? 64 : 52;
  const label = [card.kind?.toUpperCase(), card.meta && truncate(card.meta, 60)].filter(Boolean).join('  ·  ') || SITE_NAME.toUpperCase();
  const room = BOX.bodyBottom - BOX.bodyTop;
  // One block after another: drawing runs beside page rendering, and parallel blocks only fought over the same cores.
  // The label keeps to its line: a long role is cut at the margin rather than pushed into the title.
  const labelBlock = clip(await setText([{ text: label, size: 28, bold: true, color: accent, tracking: 1 }], BOX.width, true), BOX.width, BOX.bodyTop - BOX.label);
  const titleBlock = clip(await setText([{ text: title, size: titleSize, bold: true, color: COLORS.text, lineHeight: titleSize * 1.12 }], BOX.width), BOX.width, room);
  const textBlock = card.text ? clip(await setText([{ text: truncate(card.text, 150), size: 30, color: COLORS.muted, lineHeight: 30 * 1.35 }], BOX.width), BOX.width, room) : undefined;
  // The sentence goes if title and sentence together would not fit.
  const sentence = textBlock && titleBlock.info.height + BOX.gap + textBlock.info.height <= room ? textBlock : undefined;
  const height = titleBlock.info.height + (sentence ? BOX.gap + sentence.info.height : 0);
  const top = BOX.bodyTop + Math.floor((room - height) / 2);
  const sentenceTop = top + titleBlock.info.height + BOX.gap;
  // With a palette when every block is in its inks (nearly always); else in full colour.
  if (palette) {
    // From here to the encoded PNG nothing waits, so one buffer serves every card of a thread.
    const canvas = copyImage(await paletteBackground(accent), palettePixels);
    palettePixels = canvas.pixels;
    if (
      blendInks(canvas, labelBlock, BOX.label, BOX.left, [rgb(accent)]) &&
      blendInks(canvas, titleBlock, top, BOX.left, [rgb(COLORS.text)]) &&
      (!sentence || blendInks(canvas, sentence, sentenceTop, BOX.left, [rgb(COLORS.muted)]))
    ) {
      return encodePng(canvas);
    }
  }
  const paper = await background(accent);
  const image = canvases.pop() ?? Buffer.allocUnsafe(paper.length);
  try {
    paper.copy(image);
    blend(image, W, labelBlock, BOX.label, BOX.left);
    blend(image, W, titleBlock, top, BOX.left);
    if (sentence) blend(image, W, sentence, sentenceTop, BOX.left);
    // zlib level 4: files 7-9% larger than at level 6, encoded in half the time (level 9: a quarter smaller, six times slower).
    const png = await sharp(image, { raw: { width: W, height: H, channels: 3 } }).png({ compressionLevel: 4 }).toBuffer();
    return new Uint8Array(png);
  } finally {
    canvases.push(image);
  }
}

/** The palette card's pixels, reused from card to card (see `copyImage`). */
let palettePixels: Uint8Array | undefined;

/** Card-sized pixel buffers, reused: a new 2.3 MB buffer for every card cost a millisecond in fresh memory, and churned the heap. */
const canvases: Buffer[] = [];

/** The publisher logo: the favicon's white "B" on a rounded square. */
async function drawLogo(size: number): Promise<Uint8Array<ArrayBuffer>> {
  await loadFonts();
  const set = await setText([{ text: 'B', size: Math.round(size * 0.625), bold: true, color: '#ffffff' }], size);
  // Centred by its ink, not by its line box (which has room below for descenders).
  const trimmed = await sharp(set.data, { raw: set.info }).trim().raw().toBuffer({ resolveWithObject: true });
  const letter = { data: trimmed.data, info: { width: trimmed.info.width, height: trimmed.info.height, channels: 4 as const } };
  const square = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${size * 0.1875}" fill="${COLORS.site}"/></svg>`;
  const png = await sharp(Buffer.from(square))
    .composite([{ input: letter.data, raw: letter.info, top: Math.round((size - letter.info.height) / 2), left: Math.round((size - letter.info.width) / 2) }])
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(png);
}

/** Where the image of `key` is kept in the cache folder. */
export function cachedImageFile(cacheDir: string, key: string): string {
  return join(cacheDir, 'social-images', key.slice(0, 2), `${key}.png`);
}

/**
 * The cache's folders this thread has made: each is made once. A recursive
 * `mkdir` of a folder that exists still costs a round trip through the file
 * system's threads, and on a busy machine that was 3 s of the drawing
 * worker's time for 12,800 cards (256 folders).
 */
const madeFolders = new Set<string>();

/** Writes through a temporary file, so an interrupted build never leaves half an image in the cache. */
async function keep(file: string, png: Uint8Array): Promise<void> {
  const folder = dirname(file);
  try {
    if (!madeFolders.has(folder)) {
      await mkdir(folder, { recursive: true });
      madeFolders.add(folder);
    }
    const partial = `${file}.${process.pid}.${threadId}.part`;
    await writeFile(partial, png);
    await rename(partial, file);
  } catch {
    // A read-only cache only costs time. A cache folder deleted since is made again next time.
    madeFolders.delete(folder);
  }
}

/**
 * Draws an image, or reads it from the cache. Images are kept in Astro's
 * cache folder under a digest of everything drawn, so a rebuild redraws only
 * the cards that changed; a change of design changes every digest. Without a
 * cache folder, every image is drawn. During a build, drawing workers may
 * have drawn the image already, or be drawing it (see `image-jobs.ts`).
 */
async function cachedDrawing(key: string, draw: () => Promise<Uint8Array<ArrayBuffer>>, { cacheDir, missing }: DrawOptions): Promise<Uint8Array<ArrayBuffer>> {
  const cached = cacheDir && cachedImageFile(cacheDir, key);
  const job = cached ? await claim(key) : 'free';
  let failed = true;
  try {
    if (cached && !missing) {
      try {
        const png = new Uint8Array(await readFile(cached));
        failed = false;
        return png;
      } catch {
        // Not drawn yet.
      }
    }
    const png = await draw();
    if (cached) await keep(cached, png);
    failed = false;
    return png;
  } finally {
    if (job === 'mine') release(key, failed ? FAILED : DONE);
  }
}

/** Bump when the drawing changes in a way the card's fields do not show (the design, the renderer). */
const CACHE_VERSION = 8;

/** The font files' version is part of every key: new fonts, new images. */
let fontVersion: string | undefined;
const designKey = () => [CACHE_VERSION, FAMILY, (fontVersion ??= fontsource().version), SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT];

/**
 * A digest of everything a card's image shows: the same key, the same PNG.
 * It names the image in the cache and on the workers' board. A cached file is
 * never rewritten, so a build's output may link to it (see
 * `integrations/social-image-files.ts`).
 */
export function cardImageKey(card: SocialCard): string {
  return digestOf([...designKey(), card]);
}

/** Options for drawing. */
export interface DrawOptions {
  /** Where drawn images are kept between builds (Astro's cache folder). */
  cacheDir?: string;
  /**
   * The image is known not to be in the cache (a drawing worker's job): it is
   * drawn without a look there first. A failed look is a file-system call that
   * waits its turn behind the drawings on the same thread pool.
   */
  missing?: boolean;
}

/** Draws a card as a 1200×630 PNG. */
export function renderSocialImage(card: SocialCard, options: DrawOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  return cachedDrawing(cardImageKey(card), () => drawCard(card), options);
}

/** The publisher logo for structured data: a square PNG of the favicon's "B". */
export function renderLogo(options: DrawOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  return cachedDrawing(digestOf([...designKey(), 'logo', LOGO_SIZE]), () => drawLogo(LOGO_SIZE), options);
}
