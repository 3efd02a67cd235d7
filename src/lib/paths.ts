/**
 * URLs below the site's base path. Every internal link goes through here, so
 * a site deployed under `/explainer/` links to `/explainer/people/…`.
 */

/** Normalises a base to start and end with one slash: `explainer` → `/explainer/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Where the site is served when SITE_URL is not set: `npm start` on this machine. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/**
 * The public origin from SITE_URL: an http or https address. Written without
 * its scheme (`news.example.org`, as a host's dashboard shows it), it would
 * make every canonical link, feed and sitemap entry a broken relative one.
 */
export function siteUrlFrom(value: string | undefined): string {
  const given = value?.trim();
  if (!given) return LOCAL_SITE_URL;
  const example = `https://${given.replace(/^[a-z][a-z\d+.-]*:\/*/i, '').replace(/^\/+/, '') || 'news.example.org'}`;
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(given)) throw new Error(`SITE_URL is “${value}”, with no http:// or https://: set it to the whole address, SITE_URL=${example}`);
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`SITE_URL is “${value}”, which is not a web address: set it to the site’s public address, such as SITE_URL=https://news.example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`SITE_URL is “${value}”: a site is served over http:// or https://, so set it as SITE_URL=${example}`);
  return given;
}

/** The base from BASE_PATH, or else from the path of SITE_URL (`https://news.example.org/news` → `/news/`). */
export function basePathFrom(basePath: string | undefined, siteUrl: string | undefined): string {
  if (basePath !== undefined) return normalizeBase(basePath);
  try {
    return normalizeBase(siteUrl ? new URL(siteUrl).pathname : undefined);
  } catch {
    return '/';
  }
}

/** Joins the base and a site-relative path: (`/explainer/`, `people/x/`) → `/explainer/people/x/`. */
export function withBase(base: string, path: string): string {
  return normalizeBase(base) + path.replace(/^\/+/, '');
}
