/**
 * Deployment settings, read from the environment once for the whole build.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { dateStyleFrom, setDateStyle } from './lib/dates.ts';
import { basePathFrom, LOCAL_SITE_URL, siteUrlFrom } from './lib/paths.ts';

/**
 * Settings given a value they cannot take, each as what to set instead. The
 * build and `npm run check` refuse to start while there is one; a thrown
 * error here would come as a crash with a stack trace instead.
 */
export const settingProblems: string[] = [];

/** A setting as `read` makes it of the environment, or `fallback` with the problem kept. */
function setting<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch (error) {
    settingProblems.push((error as Error).message);
    return fallback;
  }
}

/** Where the Markdown lives: `content/` unless BACKSTORY_CONTENT_DIR says otherwise (tests use fixtures). */
export const contentDir = resolve(process.env.BACKSTORY_CONTENT_DIR ?? 'content');

/**
 * Astro caches the content it has loaded, and the site its rendered bodies.
 * A build from another content folder (a test fixture) keeps its own cache,
 * so entries never leak between the two.
 */
export function cacheDirFor(folder: string): string {
  return (
    process.env.BACKSTORY_CACHE_DIR ??
    (folder === resolve('content') ? './node_modules/.astro' : `./node_modules/.astro/content-${createHash('sha256').update(folder).digest('hex').slice(0, 12)}`)
  );
}

export const cacheDir = cacheDirFor(contentDir);

/** The site's static files (Astro's default `public/`, which astro.config.mjs keeps): images a body shows must be here. */
export const publicDir = resolve('public');

/** The public origin, for canonical URLs and feeds. */
export const siteUrl = setting(() => siteUrlFrom(process.env.SITE_URL), LOCAL_SITE_URL);

/**
 * The sub-path the site is served under, `/` by default: BASE_PATH, or else
 * the path of SITE_URL (`https://news.example.org/news` serves it under
 * `/news/`), which would otherwise be dropped from every link without a word.
 */
export const basePath = basePathFrom(process.env.BASE_PATH, process.env.SITE_URL);

/**
 * Where editors change a page: the repository's edit URL up to the project
 * root (e.g. `https://github.com/org/news/edit/main/`). Unset, no "Edit this
 * page" links are shown.
 */
export const editBaseUrl = process.env.BACKSTORY_EDIT_URL?.trim() || undefined;

/**
 * How days are written on every page: BACKSTORY_DATE_STYLE `month-first`
 * ("March 3, 2019", the default) or `day-first` ("3 March 2019"). Set here,
 * once, for the whole build (see `DateStyle`).
 */
export const dateStyle = setting(() => dateStyleFrom(process.env.BACKSTORY_DATE_STYLE), 'month-first');
setDateStyle(dateStyle);
