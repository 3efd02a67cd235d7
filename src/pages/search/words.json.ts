/**
 * `/search/names.json`: the words of people's names and aliases, for the
 * search page's "Did you mean …?" (see `lib/search-suggestion.ts`). Fetched
 * only when a search finds little.
 */
import type { APIRoute } from 'astro';
import { graph } from '../../data/site.ts';
import { nameWords } from '../../lib/search-suggestion.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(nameWords(graph.peopleBySurname.flatMap((person) => [person.name, ...person.aliases]))), { headers: { 'Content-Type': 'application/json' } });
