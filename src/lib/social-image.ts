/**
 * Social images: one 1200×630 PNG card per story, person and event (and one
 * for the site), drawn at build time with satori (layout and text to SVG
 * paths, in Source Serif 4 from @fontsource) and sharp (SVG to PNG). Nothing
 * is fetched: fonts come from node_modules.
 *
 * Each card carries its alt text, so the page's `og:image:alt` always
 * describes the image it points at.
 */
import satori from 'satori';
import sharp from 'sharp';
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { digestOf } from './digest.ts';
import { claim, DONE, FAILED, release } from './image-jobs.ts';
import { dirname, join } from 'node:path';
import { formatDate, formatRange } from './dates.ts';
import type { AnyRecord, EventRecord, PersonRecord, StoryRecord } from './records.ts';
import { currentRole, LOGO_SIZE, SITE_NAME } from './structured-data.ts';

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
  const role = currentRole(person);
  return { kind: 'Person', title: person.name, ...(role ? { meta: role } : {}), text: person.summary };
}

export function eventCard(event: Pick<EventRecord, 'title' | 'summary' | 'date' | 'end'>): SocialCard {
  return { kind: 'Event', title: event.title, meta: event.end ? formatRange(event.date, event.end) : formatDate(event.date), text: event.summary };
}

/** A record's card and where it is served: `og/<folder>/<id>.png`. */
export interface RecordCard {
  folder: 'stories' | 'people' | 'events';
  id: string;
  card: SocialCard;
}

/** The card of every story, person and event: the build's image routes, and the drawing workers' jobs. */
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

interface SatoriElement {
  type: string;
  props: { style?: Record<string, unknown>; children?: SatoriElement | string | (SatoriElement | string)[] };
}
const el = (type: string, style: Record<string, unknown>, ...children: (SatoriElement | string)[]): SatoriElement => ({
  type,
  props: { style, children: children.length === 1 ? children[0]! : children },
});

/** Shortens text to `max` characters at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function layout(card: SocialCard): SatoriElement {
  const accent = card.kind ? COLORS[card.kind] : COLORS.site;
  const title = truncate(card.title, 120);
  const titleSize = title.length <= 45 ? 76 : title.length <= 80 ? 64 : 52;
  const label = [card.kind?.toUpperCase(), card.meta && truncate(card.meta, 60)].filter(Boolean).join('  ·  ');
  return el(
    'div',
    { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: COLORS.paper, color: COLORS.text, fontFamily: FONT_FAMILY },
    el('div', { display: 'flex', height: 18, background: accent }),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '56px 72px 48px' },
      el('div', { display: 'flex', fontSize: 28, fontWeight: 700, letterSpacing: 1, color: accent, minHeight: 36 }, label || SITE_NAME.toUpperCase()),
      el(
        'div',
        { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' },
        el('div', { display: 'flex', fontSize: titleSize, fontWeight: 700, lineHeight: 1.12 }, title),
        ...(card.text ? [el('div', { display: 'flex', marginTop: 24, fontSize: 30, lineHeight: 1.35, color: COLORS.muted }, truncate(card.text, 150))] : []),
      ),
      el(
        'div',
        { display: 'flex', alignItems: 'center', borderTop: `2px solid ${COLORS.rule}`, paddingTop: 24, fontSize: 30 },
        el('div', { display: 'flex', fontWeight: 700 }, SITE_NAME),
        el('div', { display: 'flex', marginLeft: 16, color: COLORS.muted }, 'explains the news'),
      ),
    ),
  );
}

type Font = Parameters<typeof satori>[1]['fonts'][number];
let fonts: Promise<Font[]> | undefined;

/**
 * Fontsource splits Source Serif 4 into one file per script. Each subset gets
 * a family name of its own, listed in order in `font-family`: satori then
 * takes each character from the first subset that has it (with one shared
 * name it drew the Latin file's empty glyph for "Ł" or "ğ").
 */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;
const FONT_FAMILY = SUBSETS.map((subset) => `"Source Serif 4 ${subset}"`).join(', ');

/** Source Serif 4, regular and bold, in every subset (satori takes WOFF, not WOFF2). */
function loadFonts(): Promise<Font[]> {
  fonts ??= (async () => {
    // Resolved from the project, not from the bundled module, which the build writes elsewhere.
    const entry = createRequire(join(process.cwd(), 'package.json')).resolve('@fontsource/source-serif-4');
    const files = join(dirname(entry), 'files');
    const load = async (subset: string, weight: 400 | 700): Promise<Font> => ({
      name: `Source Serif 4 ${subset}`,
      data: await readFile(join(files, `source-serif-4-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal',
    });
    return Promise.all(SUBSETS.flatMap((subset) => [load(subset, 400), load(subset, 700)]));
  })();
  return fonts;
}

/** The digest of everything drawn (the element tree holds every text, size and colour). */
function imageKey(element: SatoriElement, width: number, height: number): string {
  return createHash('sha256').update(JSON.stringify([CACHE_VERSION, FONT_FAMILY, width, height, element])).digest('hex');
}

/** Where the image of `key` is kept in the cache folder. */
export function cachedImageFile(cacheDir: string, key: string): string {
  return join(cacheDir, 'social-images', key.slice(0, 2), `${key}.png`);
}

/** Whether a drawing covers every pixel (a card on its paper) or has transparent parts (the logo's rounded corners). */
type Backdrop = 'opaque' | 'transparent';

async function draw(element: SatoriElement, width: number, height: number, backdrop: Backdrop): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await satori(element as Parameters<typeof satori>[0], { width, height, fonts: await loadFonts() });
  const image = sharp(Buffer.from(svg));
  // An opaque card needs no alpha channel: a quarter less to compress, 6% less time per card, the same pixels.
  if (backdrop === 'opaque') image.removeAlpha();
  // zlib level 6: files 2% larger than at level 9, drawn four times faster (most of a card's time was compression).
  return new Uint8Array(await image.png({ compressionLevel: 6 }).toBuffer());
}

/** Writes through a temporary file, so an interrupted build never leaves half an image in the cache. */
async function keep(file: string, png: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${threadId}.part`;
    await writeFile(partial, png);
    await rename(partial, file);
  } catch {
    // A read-only cache only costs time.
  }
}

/**
 * Draws an element to PNG. Images are kept in Astro's cache folder under a
 * digest of everything drawn, so a rebuild redraws only the cards that
 * changed; a change of design changes every digest. Without a cache folder,
 * every image is drawn. During a build, drawing workers may have drawn the
 * image already, or be drawing it (see `image-jobs.ts`).
 */
async function toPng(element: SatoriElement, width: number, height: number, backdrop: Backdrop, cacheDir: string | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const key = imageKey(element, width, height);
  const cached = cacheDir && cachedImageFile(cacheDir, key);
  const job = cached ? await claim(key) : 'free';
  let failed = true;
  try {
    if (cached) {
      try {
        const png = new Uint8Array(await readFile(cached));
        failed = false;
        return png;
      } catch {
        // Not drawn yet.
      }
    }
    const png = await draw(element, width, height, backdrop);
    if (cached) await keep(cached, png);
    failed = false;
    return png;
  } finally {
    if (job === 'mine') release(key, failed ? FAILED : DONE);
  }
}

/** The cache key of a card's image: the job name on the drawing board. */
export function cardImageKey(card: SocialCard): string {
  return imageKey(layout(card), SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT);
}

/** Bump when the drawing changes in a way the element tree does not show (a new satori or sharp, other fonts). */
const CACHE_VERSION = 3;

/** Options for drawing: where drawn images are kept between builds (Astro's cache folder). */
export interface DrawOptions {
  cacheDir?: string;
}

/**
 * A digest of everything a card's image shows: the same key, the same PNG.
 * The build uses it to copy last build's image file without drawing or
 * reading anything through the page renderer.
 */
export function cardKey(card: SocialCard): string {
  return digestOf([CACHE_VERSION, FONT_FAMILY, SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT, card]);
}

/** Draws a card as a 1200×630 PNG. */
export function renderSocialImage(card: SocialCard, options: DrawOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  return toPng(layout(card), SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT, 'opaque', options.cacheDir);
}

/** The publisher logo for structured data: a square PNG of the favicon's "B". */
export function renderLogo(options: DrawOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const size = LOGO_SIZE;
  return toPng(
    el(
      'div',
      { width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: COLORS.site, borderRadius: size * 0.1875, color: '#fff', fontFamily: FONT_FAMILY, fontWeight: 700, fontSize: size * 0.625 },
      'B',
    ),
    size,
    size,
    'transparent',
    options.cacheDir,
  );
}
