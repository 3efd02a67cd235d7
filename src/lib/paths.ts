/**
 * URLs below the site's base path. Every internal link goes through here, so
 * a site deployed under `/explainer/` links to `/explainer/people/…`.
 */

/** Normalises a base to start and end with one slash: `explainer` → `/explainer/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Joins the base and a site-relative path: (`/explainer/`, `people/x/`) → `/explainer/people/x/`. */
export function withBase(base: string, path: string): string {
  return normalizeBase(base) + path.replace(/^\/+/, '');
}
