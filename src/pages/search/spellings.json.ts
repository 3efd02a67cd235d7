/**
 * `/search/spellings.json`: how a reader types the words of the site that
 * hold a letter the search index cannot fold (Ł, ø, æ…), so that "Walesa"
 * finds "Wałęsa" (see `lib/fold.ts`). Fetched by the search page with its
 * first query.
 */
import type { APIRoute } from 'astro';
import { graph } from '../../data/site.ts';
import { stringsIn, typedSpellings } from '../../lib/fold.ts';

export const GET: APIRoute = () => {
  const records = [...graph.stories.values(), ...graph.people.values(), ...graph.events.values()];
  return new Response(JSON.stringify(typedSpellings(stringsIn(records))), { headers: { 'Content-Type': 'application/json' } });
};
