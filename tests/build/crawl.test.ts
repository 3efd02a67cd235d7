/**
 * A crawl of a real build over HTTP, as a reader's browser would fetch it:
 * built under a sub-path (BASE_PATH=/explainer/) and served by the plain
 * static server, starting from the home page. Every internal link and asset
 * (href, src, srcset, form actions, script bundles, CSS url()s) must answer
 * 200 and stay inside the sub-path; every #fragment must exist on its page;
 * every person and event link must have its preview-card JSON; every page of
 * the build must be reachable; and the 404 page must work at any depth.
 * (tests/build/site.test.ts checks the files of a root build without HTTP.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, type ServedBuild } from './build-site.ts';
import { htmlFiles } from './dist.ts';

const BASE = '/explainer/';
let site: ServedBuild | undefined;
let out: string;
let origin: string;

beforeAll(async () => {
  site = await buildAndServe('crawl', BASE);
  ({ outDir: out, origin } = site);
});

afterAll(() => site?.close());

// ---- Reading pages ----

const decode = (v: string) => v.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

/** Every URL an HTML page refers to: links, assets, srcset candidates, form actions, script-loaded bundles, and url()s in its inline CSS. */
function urlsInHtml(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/\s(href|src|action|data-bundle)="([^"]*)"/g)) urls.push(decode(m[2]!));
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const candidate of decode(m[1]!).split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) urls.push(url);
    }
  }
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) urls.push(...urlsInCss(m[1]!));
  for (const m of html.matchAll(/\sstyle="([^"]*)"/g)) urls.push(...urlsInCss(decode(m[1]!)));
  return urls;
}

function urlsInCss(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) urls.push(m[2]!);
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) urls.push(m[2]!);
  return urls.filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
}

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));

/** The preview-card data a link would load, derived as src/scripts/preview-cards.ts does. */
const RECORD_PATH = new RegExp(`^${BASE}(people|events)/([^/]+)/$`);
function previewUrl(url: URL): URL | undefined {
  const match = RECORD_PATH.exec(url.pathname);
  return match ? new URL(`${BASE}previews/${match[1]}/${match[2]}.json`, url) : undefined;
}

interface Fetched {
  status: number;
  type: string;
  body: string;
}
const cache = new Map<string, Promise<Fetched>>();
function get(url: URL): Promise<Fetched> {
  const key = url.href.split('#')[0]!;
  let pending = cache.get(key);
  if (!pending) {
    pending = fetch(key, { redirect: 'manual' }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text() }));
    cache.set(key, pending);
  }
  return pending;
}

interface Crawl {
  pages: Map<string, string>;
  broken: string[];
  previews: Set<string>;
}

/** Breadth-first from the home page over every internal link. */
async function crawl(): Promise<Crawl> {
  const pages = new Map<string, string>();
  const broken: string[] = [];
  const previews = new Set<string>();
  const fragments: { from: string; url: URL }[] = [];
  const queue = [new URL(BASE, origin)];
  const seen = new Set(queue.map((u) => u.href));
  while (queue.length > 0) {
    const page = queue.shift()!;
    const response = await get(page);
    if (response.status !== 200 || !response.type.startsWith('text/html')) continue;
    pages.set(page.pathname, response.body);
    for (const raw of urlsInHtml(response.body)) {
      if (/^(mailto:|tel:|javascript:|data:)/.test(raw)) continue;
      const url = new URL(raw, page);
      if (url.origin !== origin) continue;
      const from = `${page.pathname} → ${raw}`;
      if (!url.pathname.startsWith(BASE)) {
        broken.push(`${from} (outside ${BASE})`);
        continue;
      }
      if (url.hash.length > 1) fragments.push({ from, url });
      const target = await get(url);
      if (target.status !== 200) {
        broken.push(`${from} (${target.status})`);
        continue;
      }
      if (target.type.startsWith('text/css')) {
        for (const inner of urlsInCss(target.body)) {
          const asset = new URL(inner, url);
          const status = (await get(asset)).status;
          if (status !== 200) broken.push(`${url.pathname} → ${inner} (${status})`);
        }
      }
      const preview = previewUrl(url);
      if (preview && !previews.has(preview.pathname)) {
        previews.add(preview.pathname);
        const data = await get(preview);
        let ok = data.status === 200 && data.type.startsWith('application/json');
        if (ok) {
          const json = JSON.parse(data.body) as { kind?: string; title?: string; summary?: string };
          ok = (json.kind === 'person' || json.kind === 'event') && !!json.title && !!json.summary;
        }
        if (!ok) broken.push(`${from}: preview ${preview.pathname} (${data.status})`);
      }
      const key = url.href.split('#')[0]!;
      if (target.type.startsWith('text/html') && !seen.has(key)) {
        seen.add(key);
        queue.push(new URL(key));
      }
    }
  }
  for (const { from, url } of fragments) {
    const html = (await get(url)).body;
    if (!ids(html).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${from} (no element with that id)`);
  }
  return { pages, broken, previews };
}

let result: Promise<Crawl> | undefined;
const crawled = () => (result ??= crawl());

describe('crawling the site under a sub-path', () => {
  it('resolves every internal link and asset, inside the sub-path, with every #fragment', async () => {
    const { broken, pages } = await crawled();
    expect(pages.size).toBeGreaterThan(25);
    expect(broken).toEqual([]);
  });

  it('reaches every page of the build by following links from the home page', async () => {
    const { pages } = await crawled();
    const reached = new Set([...pages.keys()].map((p) => p.slice(BASE.length)));
    const unreached = htmlFiles(out)
      .filter((f) => f !== '404.html')
      .map((f) => f.replace(/index\.html$/, ''))
      .filter((p) => !reached.has(p));
    expect(unreached).toEqual([]);
  });

  it('has preview-card data for every person and event linked', async () => {
    const { previews } = await crawled();
    const files = htmlFiles(out);
    const records = files.filter((f) => /^(people|events)\/[^/]+\/index\.html$/.test(f));
    expect(records.length).toBeGreaterThan(20);
    expect(previews.size).toBe(records.length);
  });

  it('loads the stylesheets and scripts each page refers to', async () => {
    const story = (await crawled()).pages.get(`${BASE}stories/sessions-trump-rift/`);
    expect(story).toBeDefined();
    const scripts = [...story!.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith(BASE), src).toBe(true);
      const response = await get(new URL(src, origin));
      expect(response.status, src).toBe(200);
      expect(response.type, src).toMatch(/javascript/);
    }
    expect(story).toMatch(/<link rel="icon" href="\/explainer\/favicon\.svg"/);
  });

  it('marks the current section in the navigation under the sub-path', async () => {
    const { pages } = await crawled();
    expect(pages.get(`${BASE}people/`)).toMatch(/<a href="\/explainer\/people\/" aria-current="page">People<\/a>/);
    expect(pages.get(`${BASE}people/jeff-sessions/`)).toMatch(/<a href="\/explainer\/people\/" aria-current="true">People<\/a>/);
    expect(pages.get(BASE)).toMatch(/<a href="\/explainer\/" aria-current="page">Stories<\/a>/);
  });

  it('serves the 404 page, with working links and assets, at any depth and outside the sub-path', async () => {
    for (const path of [`${BASE}no-such-page/`, `${BASE}people/nobody/at/all/`, '/elsewhere/']) {
      const url = new URL(path, origin);
      const response = await get(url);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toContain('Page not found');
      const broken: string[] = [];
      for (const raw of urlsInHtml(response.body)) {
        const target = new URL(raw, url);
        if (target.origin !== origin || raw.startsWith('#')) continue;
        const status = (await get(target)).status;
        if (status !== 200) broken.push(`${raw} (${status})`);
      }
      expect(broken, path).toEqual([]);
    }
  });
});
