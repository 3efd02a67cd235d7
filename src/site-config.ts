/**
 * Deployment settings, read from the environment once for the whole build.
 */
import { resolve } from 'node:path';
import { normalizeBase } from './lib/paths.ts';

/** Where the Markdown lives: `content/` unless BACKSTORY_CONTENT_DIR says otherwise (tests use fixtures). */
export const contentDir = resolve(process.env.BACKSTORY_CONTENT_DIR ?? 'content');

/** The public origin, for canonical URLs and feeds. */
export const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';

/** The sub-path the site is served under, `/` by default. */
export const basePath = normalizeBase(process.env.BASE_PATH);
