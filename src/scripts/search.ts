/**
 * The search page: queries the Pagefind index built into the site and lists
 * results with their kind (story, person, event) and the matching passage.
 * The query is kept in the URL (`?q=`) so results can be shared and reloaded.
 */

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string; kind?: string };
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(query: string, options?: object, wait?: number): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-input');
const list = document.querySelector<HTMLOListElement>('#search-results');
const status = document.querySelector<HTMLElement>('#search-status');

let engine: Promise<Pagefind> | undefined;
function load(): Promise<Pagefind> {
  engine ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ form!.dataset.bundle!)) as Pagefind;
    await pagefind.options({ baseUrl: form!.dataset.base! });
    return pagefind;
  })();
  return engine;
}

async function run(query: string): Promise<void> {
  const q = query.trim();
  const address = new URL(location.href);
  if (q) address.searchParams.set('q', q);
  else address.searchParams.delete('q');
  history.replaceState(null, '', address);
  if (!q) {
    list!.replaceChildren();
    status!.textContent = '';
    return;
  }
  const search = await (await load()).debouncedSearch(q, {}, 150);
  if (!search) return; // superseded by a newer query
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  list!.replaceChildren(...results.map(render));
  status!.textContent = results.length === 0 ? `Nothing found for “${q}”.` : `${search.results.length} result${search.results.length === 1 ? '' : 's'} for “${q}”.`;
}

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
