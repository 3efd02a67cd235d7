/**
 * Runs before each page Astro renders in a build whose output was filled
 * with links to the last build's pages (see `cached-pages.ts`), and breaks
 * the page's links before Astro writes it. It is bundled with the pages,
 * apart from the integration, but runs in the same process: the two meet on
 * `globalThis`.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the integration leaves its {@link LinkedPages} for this build. */
export const LINKED_PAGES = Symbol.for('backstory.linked-pages');

/** What the integration hands the middleware. */
export interface LinkedPages {
  /** Unlinks the output and cache files of the page at `pathname` (as requested, under the base) if they are linked. */
  beforeRender(pathname: string): void;
}

export type WithLinkedPages = typeof globalThis & { [LINKED_PAGES]?: LinkedPages };

export const onRequest: MiddlewareHandler = (context, next) => {
  (globalThis as WithLinkedPages)[LINKED_PAGES]?.beforeRender(context.url.pathname);
  return next();
};
