/**
 * URLs below the site's base path. Every internal link goes through here, so
 * a site deployed under `/explainer/` links to `/explainer/people/…`.
 */

/** Normalises a base to start and end with one slash: `explainer` → `/explainer/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
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
