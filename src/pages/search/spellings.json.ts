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
  // What readers see of each record; not where its file lies on the building machine.
  const shown = [...graph.stories.values(), ...graph.people.values(), ...graph.events.values()].map(({ file: _file, ...record }) => record);
  return new Response(JSON.stringify(typedSpellings(stringsIn(shown))), { headers: { 'Content-Type': 'application/json' } });
};
