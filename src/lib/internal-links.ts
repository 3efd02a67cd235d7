/**
 * Links in a body to the site's own pages that lead nowhere: a story's id
 * mistyped (`/stories/doyle-elected-mayer/`), a path written from the page
 * (`stories/marina-opens/`, which a story page at `/stories/x/` reads as
 * `/stories/x/stories/marina-opens/`), a link to the Markdown file
 * (`/stories/marina-opens.md`), or a section the site does not have
 * (`/archve/`). A reader would find a "page not found"; the editor is told
 * at the link's line instead, as for a missing image.
 *
 * The links are listed with the body (see `brokenMarkup`); whether each
 * leads somewhere is asked each run, as records come and go.
 */
import { existsSync } from 'node:fs';
import type { LocalImage } from './broken-markup.ts';
import { join } from 'node:path';
import { didYouMean } from './errors.ts';
import { nearest } from './nearest.ts';
import { normalizeBase } from './paths.ts';
import { FOLDERS } from './load.ts';
import { publishOrUnlink } from './resolve.ts';
import type { AnyRecord } from './records.ts';

/** A link of a body to the site itself, as written, and where: placed as an image is. */
export type LocalLink = LocalImage;

/** What a link may lead to: the records published, by folder, and the site's own files. */
export interface SitePages {
  stories: ReadonlySet<string>;
  people: ReadonlySet<string>;
  events: ReadonlySet<string>;
  /** The site's base path (`/news/`): a link written with it already is read without it. */
  base: string;
  /** `public/`: a link to a file kept there (`/files/report.pdf`) is fine. Unchecked without it. */
  publicDir?: string;
  /** Records left out of this build (drafts, stories scheduled for later), by their page's path (`stories/x/`). */
  heldBack?: ReadonlyMap<string, Pick<AnyRecord, 'file' | 'draft'> & { published?: { iso: string } }>;
}

/**
 * The first segment of every path the site makes pages or files under, besides
 * the record folders (a build test holds it to what a build writes).
 */
export const SECTIONS: ReadonlySet<string> = new Set(['', 'index.html', 'timeline', 'archive', 'topics', 'search', 'og', 'previews', 'pagefind', '_astro', 'rss.xml', 'atom.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'robots.txt', '404.html', '_headers', '_nginx-headers.conf']);
const RECORD_FOLDERS = Object.keys(FOLDERS) as (keyof typeof FOLDERS)[];

/**
 * The links of `links` that lead to no page of the site, each with what is
 * wrong and what to write. `page` is the path of the record's own page
 * (`stories/doyle-obituary/`), which a relative link is read from.
 */
export function brokenLinks(links: readonly LocalLink[], pages: SitePages, page: string): (LocalLink & { message: string; hint: string })[] {
  const broken: (LocalLink & { message: string; hint: string })[] = [];
  const base = normalizeBase(pages.base);
  for (const link of links) {
    const written = link.url.replace(/[?#].*$/, '');
    if (written === '') continue; // "#section", "?q=": this page
    const relative = !written.startsWith('/');
    // As a browser reads it on the record's page; the base is left out, as links are written.
    const path = relative ? new URL(written, `http://site/${page}`).pathname : written;
    const fault = leadsNowhere(path, pages, base);
    if (!fault) continue;
    if (relative) {
      const fromRoot = `/${written.replace(/^(?:\.\.?\/)+/, '')}`;
      // "../x/" climbs out of the page as meant, to a page that is not there; "stories/x/" stays below it.
      const hint = written.startsWith('../') ? fault.hint : `write it from the root, as ${fromRoot}`;
      broken.push({ ...link, message: `the link "${link.url}" is a path from the page: it leads to ${path}, where nothing is`, hint });
    } else broken.push({ ...link, message: `the link "${link.url}" ${fault.message}`, hint: fault.hint });
  }
  return broken;
}

/** Why a path from the site's root leads to no page, and what to write; nothing when it leads to one. */
function leadsNowhere(path: string, pages: SitePages, base: string): { message: string; hint: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const fromRoot = base !== '/' && `${decoded}/`.startsWith(base) ? decoded.slice(base.length - 1) : decoded;
  const [section = '', id, ...rest] = fromRoot.slice(1).split('/');
  const below = rest.filter(Boolean);
  const folder = RECORD_FOLDERS.find((name) => name === section);
  // The people index's letters (`/people/a-z/b/`) are no record.
  if (folder && id && !(folder === 'people' && id === 'a-z' && below.length <= 1)) {
    const bare = id.replace(/\.(?:md|html?)$/i, '');
    const known = pages[folder];
    const target = `/${folder}/${bare}/`;
    const held = known.has(bare) ? undefined : pages.heldBack?.get(`${folder}/${bare}/`);
    if (held?.draft) return { message: `leads to a draft, left out of the site`, hint: publishOrUnlink(held.file) };
    if (held?.published) {
      return { message: `leads to a story scheduled for ${held.published.iso}, not yet published`, hint: `remove the link until that story is out, or publish it now: change \`published\` in ${held.file}` };
    }
    if (!known.has(bare)) {
      const near = nearest(bare, known).map((other) => `/${folder}/${other}/`);
      return { message: `leads to no page: no published ${FOLDERS[folder]} has the id "${bare}"`, hint: didYouMean(near) ?? `check the id, or link with [[…]] to a person or event` };
    }
    // Below a record's page, only its stories of a year (`/people/x/stories/2019/`).
    const knownBelow = below.length === 0 || (folder !== 'stories' && below.length === 2 && below[0] === 'stories' && /^\d{4}$/.test(below[1]!));
    return bare !== id || !knownBelow ? { message: 'leads to no page', hint: `link to the page: ${target}` } : undefined;
  }
  if (folder || SECTIONS.has(section)) return undefined;
  if (pages.publicDir && existsSync(join(pages.publicDir, fromRoot))) return undefined;
  const near = nearest(section, [...SECTIONS, ...RECORD_FOLDERS].filter((name) => name && !name.startsWith('_'))).map((name) => `/${name}${name.includes('.') ? '' : '/'}`);
  return { message: 'leads to no page of the site', hint: didYouMean(near) ?? `correct the path, or put the file in public${fromRoot}` };
}
