/**
 * The content check's site, handed to the pages of the same build.
 *
 * Before Astro builds anything, the check loads, validates, links and renders
 * every record (see `backstory.ts`). The pages are bundled apart from the
 * integration but run in the same process, so the two meet on `globalThis`,
 * and the pages use the checked site instead of reading Astro's collections
 * and assembling the same site a second time (0.56 s of a cold 4,000-story
 * build, and Astro's content store need not be filled: 2.1 s more). The dev
 * server, and a build without the check, read the collections
 * (`src/data/site.ts`).
 */
import type { Site } from '../lib/site.ts';
import { withBase } from '../lib/paths.ts';

const CHECKED_SITE = Symbol.for('backstory.checked-site');

interface CheckedSite {
  site: Site;
  /** The base its links were made for. */
  base: string;
  /** Whether the pages took it. */
  taken: boolean;
}

type WithCheckedSite = typeof globalThis & { [CHECKED_SITE]?: CheckedSite };

/** Leaves the checked site for this build's pages; `undefined` takes back what an earlier build left. */
export function handOverSite(site: Site | undefined, base: string): void {
  if (site) (globalThis as WithCheckedSite)[CHECKED_SITE] = { site, base, taken: false };
  else delete (globalThis as WithCheckedSite)[CHECKED_SITE];
}

/** Whether this build has a checked site: its pages read no collection. */
export function siteHandedOver(): boolean {
  return (globalThis as WithCheckedSite)[CHECKED_SITE] !== undefined;
}

/**
 * The checked site, if this build has one (the dev server has none). Its
 * links were made for the configured base; pages built for another would
 * link wrongly, and the collections were left unread (see the loader), so
 * that is an error, not a reason to assemble the site again.
 */
export function checkedSite(base: string): Site | undefined {
  const handed = (globalThis as WithCheckedSite)[CHECKED_SITE];
  if (!handed) return undefined;
  if (withBase(handed.base, '') !== withBase(base, '')) {
    throw new Error(`the content check made its links for the base ${withBase(handed.base, '')}, but the pages are built for ${withBase(base, '')}`);
  }
  handed.taken = true;
  return handed.site;
}

/** Whether the pages took the site handed over; `undefined` when none was (a build without the check). */
export function checkedSiteTaken(): boolean | undefined {
  return (globalThis as WithCheckedSite)[CHECKED_SITE]?.taken;
}
