/**
 * What search engines, feed readers and link previews get from a real build
 * with a public origin: feeds, sitemap, robots.txt, canonical URLs, Open
 * Graph and Twitter/X cards with their images, JSON-LD, and the headers file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { buildSite, projectRoot, scratchDir } from './build-site.ts';
import { fileFor, htmlFiles, read, textOf } from './dist.ts';
import { loadContent } from '../../src/lib/load.ts';
import { withoutDrafts } from '../../src/lib/drafts.ts';
import { formatDate, toIso } from '../../src/lib/dates.ts';
import { storyGuid } from '../../src/lib/feeds.ts';
import { editorNotes } from '../../src/lib/structured-data.ts';
import { isoDateTime } from '../../src/lib/dates.ts';
import { label } from '../../src/lib/records.ts';
import { contentSecurityPolicy, headersFile, scanPages } from '../../src/integrations/headers.ts';

const SITE = 'https://news.example.org';
const ctx = { site: SITE, base: '/' };
const seed = withoutDrafts(loadContent(join(projectRoot, 'content'), projectRoot).content);
const LISTS = new Set(['rss.channel.item', 'feed.entry', 'feed.entry.link', 'urlset.url', 'sitemapindex.sitemap']);
const xml = new XMLParser({ ignoreAttributes: false, isArray: (_name, jpath) => LISTS.has(String(jpath)) });
/**
 * Vitest puts Vite's own variables into process.env (BASE_URL=/, DEV=1, MODE=test…),
 * and Astro compiles every environment variable into import.meta.env, where they win
 * over its own: inherited by the build, BASE_URL=/ would drop the base from every
 * link and DEV=1 would publish drafts. The build gets the environment a deploy has.
 */
const VITE_VARIABLES = { BASE_URL: undefined, MODE: undefined, DEV: undefined, PROD: undefined, SSR: undefined } as unknown as Record<string, string>;
let out: string;

beforeAll(() => {
  out = join(scratchDir('publishing'), 'dist');
  const result = buildSite({ outDir: out, env: { ...VITE_VARIABLES, SITE_URL: SITE, BASE_PATH: '/' } });
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
});

afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

/** The file an absolute URL of the site is served from, or undefined (also for other origins). */
function fileOfUrl(url: string): string | undefined {
  if (!url.startsWith(`${SITE}/`)) return undefined;
  return fileFor(out, new URL(url).pathname);
}

/** Every `<meta>` and `<link>` of a page's head, as attribute maps. */
function headTags(html: string): { metas: Record<string, string>[]; links: Record<string, string>[] } {
  const head = html.slice(0, html.indexOf('</head>'));
  const attrs = (tag: string) =>
    Object.fromEntries([...tag.matchAll(/([a-z:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'")]));
  return {
    metas: [...head.matchAll(/<meta\s[^>]*>/g)].map((m) => attrs(m[0])),
    links: [...head.matchAll(/<link\s[^>]*>/g)].map((m) => attrs(m[0])),
  };
}

function meta(html: string, key: string): string[] {
  return headTags(html).metas.filter((m) => m.property === key || m.name === key).map((m) => m.content!);
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

const pageOf = (file: string) => `${SITE}/${file.replace(/index\.html$/, '')}`;

describe('feeds', () => {
  const newestFirst = () => [...seed.stories].sort((a, b) => new Date(isoDateTime(b.published)).getTime() - new Date(isoDateTime(a.published)).getTime());

  it('RSS 2.0 lists every story newest first, with link, summary, date and a permalink guid', () => {
    const channel = xml.parse(read(out, 'rss.xml')).rss.channel;
    expect(channel.link).toBe(`${SITE}/`);
    const items = channel.item as Record<string, unknown>[];
    expect(items.map((i) => i.title)).toEqual(newestFirst().map((s) => s.title));
    for (const [i, story] of newestFirst().entries()) {
      const item = items[i]!;
      expect(item.description).toBe(story.summary);
      expect(item.link).toBe(`${SITE}/stories/${story.id}/`);
      expect(fileOfUrl(item.link as string), item.link as string).toBeDefined();
      // The guid is the function of the id the unit tests prove stable.
      expect(item.guid).toEqual({ '#text': storyGuid(story, ctx), '@_isPermaLink': 'true' });
      expect(new Date(item.pubDate as string).toISOString()).toBe(new Date(isoDateTime(story.published)).toISOString());
    }
  });

  it('Atom has an id, an updated date and entries with published and updated dates', () => {
    const feed = xml.parse(read(out, 'atom.xml')).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${SITE}/`);
    expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    const entries = feed.entry as Record<string, unknown>[];
    expect(entries.map((e) => e.title)).toEqual(newestFirst().map((s) => s.title));
    for (const [i, story] of newestFirst().entries()) {
      const entry = entries[i]!;
      expect(entry.id).toBe(storyGuid(story, ctx));
      expect(entry.published).toBe(isoDateTime(story.published));
      expect(entry.updated).toBe(isoDateTime(story.updated ?? story.published));
      const href = (entry.link as Record<string, string>[])[0]!['@_href']!;
      expect(fileOfUrl(href), href).toBeDefined();
    }
  });
});

describe('sitemap and robots.txt', () => {
  const sitemapUrls = () => {
    const index = xml.parse(read(out, 'sitemap-index.xml')).sitemapindex.sitemap as { loc: string }[];
    expect(index.length).toBeGreaterThan(0);
    return index.flatMap(({ loc }) => {
      expect(loc.startsWith(`${SITE}/`)).toBe(true);
      return xml.parse(read(out, new URL(loc).pathname.slice(1))).urlset.url as { loc: string; lastmod?: string }[];
    });
  };

  it('lists every page but the 404 page, each URL an HTML file, and nothing else', () => {
    const urls = sitemapUrls();
    for (const { loc } of urls) expect(fileOfUrl(loc)?.endsWith('.html'), loc).toBe(true);
    const listed = new Set(urls.map((u) => u.loc));
    const pages = htmlFiles(out).filter((f) => f !== '404.html');
    expect([...listed].sort()).toEqual(pages.map(pageOf).sort());
  });

  it('dates each story by its last update, and pages that show stories by the latest of them', () => {
    const byUrl = new Map(sitemapUrls().map((u) => [u.loc, u.lastmod]));
    for (const story of seed.stories) {
      expect(byUrl.get(`${SITE}/stories/${story.id}/`), story.id).toBe(new Date(isoDateTime(story.updated ?? story.published)).toISOString());
    }
    const latest = Math.max(...seed.stories.map((s) => new Date(isoDateTime(s.updated ?? s.published)).getTime()));
    expect(byUrl.get(`${SITE}/`)).toBe(new Date(latest).toISOString());
    // A page that shows no dated story gets no date rather than a guess.
    expect(byUrl.get(`${SITE}/people/`)).toBeUndefined();
  });

  it('robots.txt names the sitemap index by its absolute URL', () => {
    const robots = read(out, 'robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(`${SITE}/sitemap-index.xml`);
    expect(fileOfUrl(sitemap!)).toBeDefined();
  });
});

describe('every page', () => {
  it('has one absolute canonical URL, Open Graph and Twitter/X tags, and feed links', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const file of htmlFiles(out)) {
      const html = read(out, file);
      const { links } = headTags(html);
      const canonical = links.filter((l) => l.rel === 'canonical').map((l) => l.href);
      if (file === '404.html') {
        check(canonical.length === 0 && meta(html, 'og:url').length === 0 && meta(html, 'robots')[0] === 'noindex', `${file}: noindex, no canonical or og:url`);
      } else {
        check(canonical.length === 1 && canonical[0] === pageOf(file), `${file}: canonical ${canonical.join(', ')}`);
        check(meta(html, 'og:url').join() === pageOf(file), `${file}: og:url`);
      }
      for (const key of ['og:title', 'og:description', 'og:image', 'og:image:alt', 'twitter:card', 'twitter:image', 'twitter:image:alt']) {
        check(meta(html, key).length === 1 && meta(html, key)[0]!.trim() !== '', `${file}: one ${key}`);
      }
      check(meta(html, 'twitter:card')[0] === 'summary_large_image', `${file}: twitter:card`);
      const image = meta(html, 'og:image')[0] ?? '';
      check(meta(html, 'twitter:image')[0] === image, `${file}: twitter:image = og:image`);
      const png = fileOfUrl(image);
      check(png !== undefined, `${file}: og:image ${image} is not a file of the site`);
      if (png) {
        const bytes = readFileSync(png);
        check(bytes.readUInt32BE(16) === 1200 && bytes.readUInt32BE(20) === 630 && bytes.subarray(1, 4).toString() === 'PNG', `${file}: ${image} is a 1200×630 PNG`);
      }
      for (const type of ['application/rss+xml', 'application/atom+xml']) {
        const feed = links.find((l) => l.rel === 'alternate' && l.type === type);
        check(feed !== undefined && fileFor(out, feed.href!) !== undefined, `${file}: ${type} link`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives each story, person and event its own social image, described by its alt text', () => {
    const images = new Set<string>();
    for (const [folder, records] of [['stories', seed.stories], ['people', seed.people], ['events', seed.events]] as const) {
      for (const record of records) {
        const html = read(out, `${folder}/${record.id}/index.html`);
        const image = meta(html, 'og:image')[0]!;
        expect(image).toBe(`${SITE}/og/${folder}/${record.id}.png`);
        images.add(createHash('sha256').update(readFileSync(fileOfUrl(image)!)).digest('hex'));
        expect(meta(html, 'og:image:alt')[0]).toContain(label(record));
      }
    }
    // Different cards, not one image copied.
    expect(images.size).toBe(seed.stories.length + seed.people.length + seed.events.length);
  });
});

describe('structured data', () => {
  const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  const required: Record<string, string[]> = {
    NewsArticle: ['headline', 'datePublished', 'dateModified', 'author', 'publisher', 'image', 'mainEntityOfPage', 'description'],
    Person: ['name', 'description', 'url'],
    Event: ['name', 'startDate', 'description', 'url'],
    BreadcrumbList: ['itemListElement'],
    WebSite: ['name', 'url', 'publisher'],
  };

  it('parses on every page and has the required properties per type, with URLs that exist', () => {
    const problems: string[] = [];
    for (const file of htmlFiles(out)) {
      const html = read(out, file);
      const blocks = jsonLd(html);
      // The breadcrumb trail everywhere but the home and 404 pages; it ends at the page.
      const crumbs = blocks.filter((b) => b['@type'] === 'BreadcrumbList');
      if (file === 'index.html' || file === '404.html') {
        if (crumbs.length > 0) problems.push(`${file}: unexpected breadcrumbs`);
      } else {
        const items = (crumbs[0]?.itemListElement ?? []) as { position: number; name: string; item: string }[];
        if (crumbs.length !== 1 || items.length < 2 || items.at(-1)!.item !== pageOf(file) || items[0]!.item !== `${SITE}/`) problems.push(`${file}: breadcrumbs ${JSON.stringify(items)}`);
        items.forEach((item, i) => {
          if (item.position !== i + 1 || !item.name || fileOfUrl(item.item) === undefined) problems.push(`${file}: crumb ${JSON.stringify(item)}`);
        });
      }
      for (const block of blocks) {
        const type = block['@type'] as string;
        if (block['@context'] !== 'https://schema.org') problems.push(`${file}: ${type} without @context`);
        for (const key of required[type] ?? [`(unknown type ${type})`]) {
          if (block[key] === undefined || block[key] === '') problems.push(`${file}: ${type} lacks ${key}`);
        }
        // Every URL of the site it names exists.
        for (const url of JSON.stringify(block).match(/https:\/\/news\.example\.org\/[^"#]*/g) ?? []) {
          if (!fileOfUrl(url)) problems.push(`${file}: ${type} names ${url}, which is not a file`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes each story as a NewsArticle with zoned dates, author, publisher logo, image and corrections', () => {
    for (const story of seed.stories) {
      const html = read(out, `stories/${story.id}/index.html`);
      const [article] = jsonLd(html).filter((b) => b['@type'] === 'NewsArticle') as Record<string, any>[];
      expect(article).toBeDefined();
      expect(article!.headline).toBe(story.title);
      expect(article!.datePublished).toMatch(ZONED);
      expect(article!.dateModified).toMatch(ZONED);
      expect(article!.datePublished).toBe(isoDateTime(story.published));
      expect(article!.mainEntityOfPage['@id']).toBe(`${SITE}/stories/${story.id}/`);
      expect(article!.image).toEqual([meta(html, 'og:image')[0]]);
      expect(article!.publisher).toMatchObject({ '@type': 'Organization', name: 'Backstory' });
      expect(readFileSync(fileOfUrl(article!.publisher.logo.url)!).subarray(1, 4).toString()).toBe('PNG');
      expect(article!.author.length).toBeGreaterThan(0);
      for (const author of article!.author) expect(['Person', 'Organization']).toContain(author['@type']);
      // One correction per editor's note in the Markdown, in plain words.
      const notes = editorNotes(story.body);
      expect(article!.correction?.length ?? 0).toBe(notes.length);
      for (const c of article!.correction ?? []) {
        expect(c['@type']).toBe('CorrectionComment');
        expect(c.text).not.toMatch(/\[\[|\]\]|\[\^/);
      }
    }
    expect(editorNotes(seed.stories.find((s) => s.id === 'sessions-trump-rift')!.body)).toHaveLength(8);
  });

  it('describes people with aliases and current role, and events at their own precision with participants', () => {
    for (const person of seed.people) {
      const [ld] = jsonLd(read(out, `people/${person.id}/index.html`)).filter((b) => b['@type'] === 'Person') as Record<string, any>[];
      expect(ld).toMatchObject({ name: person.name, description: person.summary, url: `${SITE}/people/${person.id}/` });
      if (person.aliases.length > 0) expect(ld!.alternateName).toEqual(person.aliases);
      if (person.roles.length > 0) expect(person.roles.map((r) => r.title)).toContain(ld!.jobTitle);
    }
    expect(jsonLd(read(out, 'people/jeff-sessions/index.html')).find((b) => b['@type'] === 'Person')!.jobTitle).toMatch(/Attorney General/);
    for (const event of seed.events) {
      const [ld] = jsonLd(read(out, `events/${event.id}/index.html`)).filter((b) => b['@type'] === 'Event') as Record<string, any>[];
      expect(ld).toMatchObject({ name: event.title, startDate: toIso(event.date), description: event.summary });
      if (event.end) expect(ld!.endDate).toBe(toIso(event.end));
      const attendees = (ld!.attendee ?? []).map((p: { name: string }) => p.name);
      expect(attendees).toEqual(event.people.map((id) => seed.people.find((p) => p.id === id)!.name));
    }
  });

  it('escapes `<` so no JSON-LD block can close its script early', () => {
    for (const file of htmlFiles(out)) {
      for (const m of read(out, file).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(m[1], file).not.toContain('<');
    }
  });
});

describe('story pages', () => {
  it('still show the Published (and Updated) labels with full dates', () => {
    for (const story of seed.stories) {
      const html = read(out, `stories/${story.id}/index.html`);
      expect(html).toContain(`<dt>Published</dt><dd><time datetime="${story.published.iso}">${formatDate(story.published.day)}</time>`);
      if (story.updated) expect(html).toContain(`<dt>Updated</dt><dd><time datetime="${story.updated.iso}">${formatDate(story.updated.day)}</time>`);
      expect(textOf(html)).toContain('Published');
    }
  });
});

describe('the headers file', () => {
  it('allows exactly the inline styles the pages have, and no inline script at all', () => {
    const headers = read(out, '_headers');
    const csp = /^\s+Content-Security-Policy: (.+)$/m.exec(headers)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-inline');
    const hashes = new Set<string>();
    for (const file of htmlFiles(out)) {
      const html = read(out, file);
      for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) hashes.add(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
      for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(/\ssrc="/.test(m[1]!) || m[1] === ' type="application/ld+json"', `${file}: <script${m[1]}>`).toBe(true);
      }
    }
    expect(hashes.size).toBeGreaterThan(0);
    expect(new Set(directives.get('style-src')!.filter((v) => v.startsWith("'sha256-")))).toEqual(hashes);
    // Hashed files cached for a year; the rules for them exist in the build.
    expect(headers).toMatch(/^\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable$/m);
    expect(existsSync(join(out, 'pagefind', 'fragment'))).toBe(true);
    expect(headers).toContain('/pagefind/fragment/*');
    expect(read(out, '_nginx-headers.conf')).toContain(`add_header Content-Security-Policy "${csp}" always;`);
  });
});

describe('the policy check of the headers integration', () => {
  it('refuses what a strict policy would block, and hashes every distinct inline style', () => {
    const pages = new Map([
      ['ok.html', '<head><style>a{}</style><script type="module" src="/_astro/x.js"></script><script type="application/ld+json">{"a":1}</script><meta name="description" content="done once=twice"></head>'],
      ['same.html', '<style>a{}</style><style>b{}</style>'],
      ['bad.html', '<script>alert(1)</script><button onclick="x()">x</button><p style="color:red">x</p><a href="javascript:void(0)">x</a>'],
    ]);
    const { styleHashes, problems } = scanPages(pages);
    expect(styleHashes).toEqual([...new Set(['a{}', 'b{}'].map((css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`))].sort());
    expect(problems.map((p) => p.split(':')[0])).toEqual(['bad.html', 'bad.html', 'bad.html', 'bad.html']);
    expect(problems.join('\n')).toMatch(/inline <script>[\s\S]*onclick[\s\S]*style attribute[\s\S]*javascript: URL/);
    expect(contentSecurityPolicy(styleHashes)).toContain(`style-src 'self' ${styleHashes.join(' ')};`);
    expect(headersFile('/explainer/', 'x')).toMatch(/^\/explainer\/\*\n {2}Content-Security-Policy: x$/m);
  });
});
