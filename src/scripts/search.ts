/**
 * The search page: queries the Pagefind index built into the site and lists
 * results with their kind (story, person, event) and the matching passage.
 * The query is kept in the URL (`?q=`) so results can be shared and reloaded.
 */

import { respellings } from '../lib/fold.ts';
import { suggestion } from '../lib/search-suggestion.ts';
import { directionOf } from '../lib/text-direction.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string; kind?: string; lang?: string };
}
interface Hit {
  id: string;
  score: number;
  data(): Promise<PagefindResult>;
}
interface Pagefind {
  options(options: { baseUrl: string; ranking?: { pageLength?: number } }): Promise<void>;
  search(query: string): Promise<{ results: Hit[] }>;
  debouncedSearch(query: string, options?: object, wait?: number): Promise<{ results: Hit[] } | null>;
}

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-input');
const list = document.querySelector<HTMLOListElement>('#search-results');
const status = document.querySelector<HTMLElement>('#search-status');
const suggested = document.querySelector<HTMLElement>('#search-suggestion');
const moreButton = document.querySelector<HTMLButtonElement>('#search-more');

/** Results shown at once, and added by each "Show more results". */
const PAGE = 20;
/** The latest query's hits not shown yet. */
let rest: Hit[] = [];

let engine: Promise<Pagefind> | undefined;
function load(): Promise<Pagefind> {
  engine ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ form!.dataset.bundle!)) as Pagefind;
    // A person's or event's page is long because it quotes every story about them: by Pagefind's
    // default (0.75) that length pushed Jeff Sessions's own page below every event naming him for
    // "sessions". Length counts for little here.
    await pagefind.options({ baseUrl: form!.dataset.base!, ranking: { pageLength: 0.1 } });
    return pagefind;
  })();
  return engine;
}

let typed: Promise<Record<string, string[]>> | undefined;
/** How the site's words with letters the index cannot fold are typed (`search/spellings.json`); none if it cannot be had. */
function spellings(): Promise<Record<string, string[]>> {
  typed ??= fetch(form!.dataset.spellings!)
    .then((response) => (response.ok ? (response.json() as Promise<Record<string, string[]>>) : {}))
    .catch(() => ({}));
  return typed;
}

let known: Promise<string[]> | undefined;
/** The words of names and titles (`search/words.json`), for "Did you mean …?"; none if they cannot be had. */
function siteWords(): Promise<string[]> {
  known ??= fetch(form!.dataset.words!)
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .catch(() => []);
  return known;
}

/** Fewer results than this, and a query word a letter or two from a word of a name or title is offered spelt right. */
const FEW_RESULTS = 3;

/**
 * Shows "Did you mean …?" with a link that searches the words offered, or
 * empties it. The live region stays in the page, empty, rather than hidden:
 * one shown and filled in the same step is not announced.
 */
function offer(words: string | undefined): void {
  if (!suggested) return;
  if (words === undefined) {
    suggested.replaceChildren();
    return;
  }
  const link = document.createElement('a');
  const address = new URL(location.href);
  address.searchParams.set('q', words);
  link.href = address.href;
  link.textContent = words;
  suggested.replaceChildren('Did you mean “', link, '”?');
}

/** The reader's query, and beside it the same words as the site spells them ("Walesa" → "wałęsa"): the best of both first. */
async function searchAll(pagefind: Pagefind, query: string): Promise<Hit[] | null> {
  const [search, respelt] = await Promise.all([pagefind.debouncedSearch(query, {}, 150), spellings().then((s) => respellings(query, s))]);
  if (!search) return null; // superseded by a newer query
  if (respelt.length === 0) return search.results;
  const more = await Promise.all(respelt.map((q) => pagefind.search(q)));
  const hits = new Map<string, Hit>();
  for (const hit of [search, ...more].flatMap((s) => s.results)) if ((hits.get(hit.id)?.score ?? -Infinity) < hit.score) hits.set(hit.id, hit);
  return [...hits.values()].sort((a, b) => b.score - a.score);
}

/** The number of the latest query. */
let latest = 0;

async function run(query: string): Promise<void> {
  const q = query.trim();
  const address = new URL(location.href);
  if (q) address.searchParams.set('q', q);
  else address.searchParams.delete('q');
  history.replaceState(null, '', address);
  if (!q) {
    latest++;
    list!.replaceChildren();
    status!.textContent = '';
    offer(undefined);
    showMore([]);
    return;
  }
  const mine = ++latest;
  const hits = await searchAll(await load(), q);
  // A newer query may have been typed meanwhile: its results, not these, are shown.
  if (!hits || mine !== latest) return;
  const results = await Promise.all(hits.slice(0, PAGE).map((r) => r.data()));
  const better = hits.length < FEW_RESULTS ? suggestion(q, await siteWords()) : undefined;
  if (mine !== latest) return;
  list!.replaceChildren(...results.map(render));
  status!.textContent = results.length === 0 ? `Nothing found for “${q}”.` : `${hits.length} result${hits.length === 1 ? '' : 's'} for “${q}”${hits.length > PAGE ? `; the first ${PAGE} shown` : ''}.`;
  offer(better);
  showMore(hits.slice(PAGE));
}

/** Keeps the hits not shown yet, and offers them while there are any. */
function showMore(hits: Hit[]): void {
  rest = hits;
  if (moreButton) {
    moreButton.hidden = rest.length === 0;
    moreButton.textContent = rest.length <= PAGE ? `Show the last ${rest.length}` : `Show ${PAGE} more of ${rest.length}`;
  }
}

moreButton?.addEventListener('click', async () => {
  const mine = latest;
  const next = rest.slice(0, PAGE);
  const results = await Promise.all(next.map((r) => r.data()));
  if (mine !== latest) return;
  const items = results.map(render);
  list!.append(...items);
  showMore(rest.slice(PAGE));
  // Focus the first new result, so a keyboard goes on reading where the list grew.
  items[0]?.querySelector('a')?.focus();
});

function render(result: PagefindResult): HTMLLIElement {
  const item = document.createElement('li');
  const kind = document.createElement('span');
  kind.className = 'search-kind';
  kind.textContent = result.meta.kind ?? 'Page';
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  // Pagefind escapes the page text and marks the matches with <mark>.
  excerpt.innerHTML = result.excerpt;
  // A story in another language: its title and words are read in that language, and laid out in its direction.
  const { lang } = result.meta;
  if (lang) {
    const dir = directionOf(lang);
    for (const element of [link, excerpt]) {
      element.lang = lang;
      if (dir) element.dir = dir;
    }
  }
  item.append(kind, ' ', link, excerpt);
  return item;
}

if (form && input && list && status) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  input.addEventListener('input', () => void run(input.value));
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}

// A module, not a global script: its names stay its own.
export {};
