/**
 * Deployed under a sub-path: the site built with BASE_PATH=/explainer/ and
 * served under /explainer/ by the plain static server. A crawl over HTTP
 * follows every link, asset, feed entry, sitemap entry, social image,
 * structured-data URL and search asset: all answer 200, and nothing points
 * at a root path outside /explainer/. The same build writes its dates day
 * first (BACKSTORY_DATE_STYLE), as a British newsroom's deployment would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, type ServedBuild } from './build-site.ts';

const BASE = '/explainer/';
const SITE = 'https://news.example.org';
let site: ServedBuild | undefined;
let origin: string;

beforeAll(async () => {
  site = await buildAndServe('subpath', BASE, { SITE_URL: SITE, BACKSTORY_DATE_STYLE: 'day-first' });
  ({ origin } = site);
});

afterAll(() => site?.close());

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'");

/** Every URL a page or file refers to, as written, with where it was found. */
function referencesIn(body: string, type: string): { url: string; via: string }[] {
  const refs: { url: string; via: string }[] = [];
  const add = (url: string, via: string) => refs.push({ url: decode(url.trim()), via });
  if (type.includes('html')) {
    for (const m of body.matchAll(/\s(href|src|action|content|data-bundle|data-base)="([^"]*)"/g)) {
      // Meta content is a URL only when it looks like one of ours.
      if (m[1] === 'content' && !m[2]!.startsWith(SITE)) continue;
      add(m[2]!, m[1]!);
    }
    for (const m of body.matchAll(/\ssrcset="([^"]*)"/g)) for (const candidate of m[1]!.split(',')) add(candidate.trim().split(/\s+/)[0]!, 'srcset');
    for (const m of body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) for (const u of m[1]!.matchAll(/url\(\s*['"]?([^'")]+)/g)) add(u[1]!, 'css url()');
    for (const m of body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
      for (const u of JSON.stringify(JSON.parse(m[1]!)).matchAll(/"(https?:\/\/[^"]+)"/g)) add(u[1]!, 'json-ld');
    }
  } else if (type.includes('xml')) {
    for (const m of body.matchAll(/<(loc|link|guid|id|icon|logo)(?:\s[^>]*)?>([^<]+)<\/\1>/g)) add(m[2]!, `<${m[1]}>`);
    for (const m of body.matchAll(/\shref="([^"]*)"/g)) add(m[1]!, 'href');
  } else if (type.includes('text/plain')) {
    for (const m of body.matchAll(/^Sitemap: (\S+)$/gm)) add(m[1]!, 'Sitemap:');
  }
  return refs;
}

describe(`the site under ${BASE}`, () => {
  it('answers every link, asset, feed, sitemap, image and search asset with 200, all under the base', async () => {
    const broken: string[] = [];
    const outside: string[] = [];
    const seen = new Set<string>();
    const pages = new Map<string, string>();
    const queue: { path: string; from: string }[] = [];
    const visit = (url: string, from: string) => {
      if (/^(mailto:|tel:|data:|#)/.test(url) || url === '') return;
      let target: URL;
      // Our public origin stands for the local server.
      if (url.startsWith(`${SITE}/`)) target = new URL(url.slice(SITE.length), origin);
      else if (/^https?:\/\//.test(url)) return; // another site
      else target = new URL(url, new URL(from, origin));
      if (!target.pathname.startsWith(BASE)) {
        outside.push(`${from} → ${url}`);
        return;
      }
      // The preview card script fetches /…/previews/<kind>/<id>.json for person and event links.
      const record = /^(.*\/)(people|events)\/([^/]+)\/$/.exec(target.pathname);
      if (record && !target.pathname.includes('/timeline/')) visit(`${record[1]}previews/${record[2]}/${record[3]}.json`, from);
      if (seen.has(target.pathname)) return;
      seen.add(target.pathname);
      queue.push({ path: target.pathname, from });
    };
    for (const start of [BASE, `${BASE}robots.txt`, `${BASE}sitemap-index.xml`, `${BASE}rss.xml`, `${BASE}atom.xml`]) visit(start, BASE);
    // Search: the bundle named on the page loads its entry file from beside itself.
    visit(`${BASE}pagefind/pagefind-entry.json`, `${BASE}search/`);

    while (queue.length > 0) {
      const batch = queue.splice(0, 16);
      await Promise.all(
        batch.map(async ({ path, from }) => {
          const response = await fetch(origin + path, { redirect: 'manual' });
          if (response.status !== 200) {
            broken.push(`${from} → ${path}: ${response.status}`);
            return;
          }
          const type = response.headers.get('content-type') ?? '';
          if (!/html|xml|text\/plain/.test(type)) return void (await response.arrayBuffer());
          const body = await response.text();
          if (type.includes('html')) pages.set(path, body);
          for (const ref of referencesIn(body, type)) visit(ref.url, path);
        }),
      );
    }

    // A deliberately missing address gets the 404 page, whose own links work too.
    const missing = await fetch(`${origin}${BASE}no-such-page/`);
    expect(missing.status).toBe(404);
    const notFound = await missing.text();
    expect(notFound).toContain('Page not found');
    for (const ref of referencesIn(notFound, 'text/html')) {
      const url = ref.url.startsWith(`${SITE}/`) ? ref.url.slice(SITE.length) : ref.url;
      if (/^https?:/.test(url) || url.startsWith('#')) continue;
      const resolved = new URL(url, `${origin}${BASE}deep/missing/path/`);
      if (!resolved.pathname.startsWith(BASE)) outside.push(`404 page → ${ref.url}`);
      else if ((await fetch(resolved, { redirect: 'manual' })).status !== 200) broken.push(`404 page → ${ref.url}`);
    }

    expect(broken).toEqual([]);
    expect(outside).toEqual([]);
    // The crawl really went everywhere: pages of each kind, feeds, images, previews, search.
    const paths = [...seen];
    for (const expected of ['stories/', 'people/', 'events/', 'timeline/', 'og/stories/', 'og/people/', 'og/events/', 'previews/people/', 'previews/events/', '_astro/', 'pagefind/']) {
      expect(paths.some((p) => p.startsWith(`${BASE}${expected}`)), expected).toBe(true);
    }
    expect(paths).toContain(`${BASE}pagefind/pagefind.js`);
    expect(paths).toContain(`${BASE}sitemap-0.xml`);
    expect(pages.size).toBeGreaterThan(30);
  });

  it('writes every date day first: the story’s own, the dates it resolves, roles and spans, the social card’s', async () => {
    const story = await (await fetch(`${origin}${BASE}stories/sessions-trump-rift/`)).text();
    expect(story).toContain('<time datetime="2017-06-07">7 June 2017</time>');
    expect(story).toContain('<time datetime="2021-01-20">20 January 2021</time>');
    const event = await (await fetch(`${origin}${BASE}events/comey-fired/`)).text();
    // A span within one month: the days, then the month and year they share.
    expect(event).toMatch(/<time datetime="(\d{4}-\d{2})-\d{2}">\d{1,2}<\/time>–<time datetime="\1-\d{2}">\d{1,2} [A-Z][a-z]+ \d{4}<\/time>/);
    const preview = (await (await fetch(`${origin}${BASE}previews/people/jeff-sessions.json`)).json()) as { detail?: string };
    expect(preview.detail).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4} – \d{1,2} [A-Z][a-z]+ \d{4}$/);
    for (const page of [story, event]) expect(page).not.toMatch(/<time[^>]*>[A-Z][a-z]+ \d{1,2}, \d{4}<\/time>/);
  });

  it('names the base in canonical URLs, social images, feeds, the sitemap and robots.txt', async () => {
    const story = await (await fetch(`${origin}${BASE}stories/sessions-trump-rift/`)).text();
    expect(story).toContain(`<link rel="canonical" href="${SITE}${BASE}stories/sessions-trump-rift/">`);
    expect(story).toContain(`<meta property="og:image" content="${SITE}${BASE}og/stories/sessions-trump-rift.png">`);
    expect(story).toContain(`href="${BASE}rss.xml"`);
    expect(await (await fetch(`${origin}${BASE}rss.xml`)).text()).toContain(`<guid isPermaLink="true">${SITE}${BASE}stories/sessions-trump-rift/</guid>`);
    expect(await (await fetch(`${origin}${BASE}robots.txt`)).text()).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
    expect(await (await fetch(`${origin}${BASE}sitemap-0.xml`)).text()).toContain(`<loc>${SITE}${BASE}people/jeff-sessions/</loc>`);
    const search = await (await fetch(`${origin}${BASE}search/`)).text();
    expect(search).toContain(`data-bundle="${BASE}pagefind/pagefind.js"`);
    const headers = await (await fetch(`${origin}${BASE}_headers`)).text();
    expect(headers).toMatch(new RegExp(`^${BASE}\\*$`, 'm'));
    expect(headers).toMatch(new RegExp(`^${BASE}_astro/\\*$`, 'm'));
  });
});
