/**
 * The sitemap: the URL of every page, each with the date it last changed
 * where one is known (see `pageLastmods` in `feeds.ts`), in files of at most
 * {@link URLS_PER_FILE} URLs listed by `sitemap-index.xml`.
 *
 * Written here rather than by @astrojs/sitemap: for a 4,000-story site
 * (17,605 pages) that integration took 2–3 s of every build, rebuilds
 * included, most of it comparing URLs with `localeCompare` and streaming each
 * one through a validating XML writer. This takes a few milliseconds.
 */
import { escapeXml } from './feeds.ts';

/** The file crawlers are pointed to (robots.txt); it lists the other files. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

/** URLs per file: the protocol allows 50,000 (and 50 MB); this leaves room. */
export const URLS_PER_FILE = 45_000;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A date as the sitemap writes it: an ISO instant in UTC (`2017-06-07T12:00:00.000Z`). */
const instant = (iso: string) => new Date(iso).toISOString();

/** The latest of some dates, as an instant; undefined for none. */
function newest(dates: readonly (string | undefined)[]): string | undefined {
  let best: number | undefined;
  for (const date of dates) {
    const time = date === undefined ? Number.NaN : new Date(date).getTime();
    if (!Number.isNaN(time) && (best === undefined || time > best)) best = time;
  }
  return best === undefined ? undefined : new Date(best).toISOString();
}

const entry = (tag: 'url' | 'sitemap', loc: string, lastmod: string | undefined) =>
  `<${tag}><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</${tag}>`;

/**
 * The sitemap files of a site, by file name: `sitemap-index.xml` and
 * `sitemap-0.xml`, `sitemap-1.xml`, ….
 *
 * @param paths Each page's path below the base (`''` for the home page, `stories/x/`), in any order; they are listed sorted.
 * @param lastmods Each page's last change (an ISO date-time), by the same path; pages without one get no `lastmod`.
 * @param root The site's URL with its base (`https://news.example.org/explainer/`).
 * @param perFile URLs per file (tests make it small).
 */
export function sitemapFiles(paths: readonly string[], lastmods: ReadonlyMap<string, string>, root: string, perFile = URLS_PER_FILE): Map<string, string> {
  const sorted = [...new Set(paths)].sort();
  const files = new Map<string, string>();
  const index: string[] = [];
  for (let first = 0, n = 0; first < sorted.length; first += perFile, n++) {
    const chunk = sorted.slice(first, first + perFile);
    const dates = chunk.map((path) => lastmods.get(path));
    const urls = chunk.map((path, i) => entry('url', new URL(path, root).href, dates[i] && instant(dates[i])));
    const name = `sitemap-${n}.xml`;
    files.set(name, `${XML_DECLARATION}<urlset xmlns="${NAMESPACE}">${urls.join('')}</urlset>`);
    index.push(entry('sitemap', new URL(name, root).href, newest(dates)));
  }
  files.set(SITEMAP_INDEX, `${XML_DECLARATION}<sitemapindex xmlns="${NAMESPACE}">${index.join('')}</sitemapindex>`);
  return files;
}
