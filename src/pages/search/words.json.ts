/**
 * `/search/words.json`: the words of people's names and aliases, of event
 * and story titles and of topics, for the search page's "Did you mean …?"
 * (see `lib/search-suggestion.ts`). Fetched only when a search finds little.
 */
import type { APIRoute } from 'astro';
import { graph, topics } from '../../data/site.ts';
import { spellingWords } from '../../lib/search-suggestion.ts';

export const GET: APIRoute = () => {
  const phrases = [
    ...graph.peopleBySurname.flatMap((person) => [person.name, ...person.aliases]),
    ...graph.eventsByDate.map((event) => event.title),
    ...graph.storiesByDate.map((story) => story.title),
    ...topics.map((topic) => topic.label),
  ];
  return new Response(JSON.stringify(spellingWords(phrases)), { headers: { 'Content-Type': 'application/json' } });
};
