/**
 * What a reader downloads for one built page, gzipped as a static host would
 * serve it: the HTML (with its inlined CSS), the CSS, and the scripts it loads.
 * Read from the build folder, so no server is needed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** The whole HTML document, inlined CSS included. */
  html: number;
  /** The HTML without its inlined CSS. */
  markup: number;
  /** The CSS alone (inlined and linked). */
  css: number;
  /** Every script the page loads, shared chunks included. */
  js: number;
  /** How many script files that is. */
  scripts: number;
}

const gz = (data: string | Uint8Array) => gzipSync(data, { level: 6 }).byteLength;

/** `page` is a path below the base (`stories/x/`); `base` the path the build was made for. */
export function pageWeight(dist: string, page: string, base = '/'): PageWeight | undefined {
  const file = join(dist, page.endsWith('.html') ? page : join(page, 'index.html'));
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  const local = (url: string) => join(dist, url.startsWith(base) ? url.slice(base.length) : url);
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  let css = inline ? gz(inline) : 0;
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) css += gz(readFileSync(local(m[1]!)));
  // Module scripts may import shared chunks: those are downloaded too, once each.
  const scripts = new Set<string>();
  const add = (path: string) => {
    if (scripts.has(path) || !existsSync(path)) return;
    scripts.add(path);
    for (const m of readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) add(join(dirname(path), m[1]!));
  };
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) add(local(m[1]!));
  let js = 0;
  for (const path of scripts) js += gz(readFileSync(path));
  return { html: gz(html), markup: gz(html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')), css, js, scripts: scripts.size };
}

/** The kinds of page a site has, by path below the base; the first that matches names a page. */
const KINDS: [string, RegExp][] = [
  ['home', /^index\.html$/],
  ['story', /^stories\/[^/]+\/index\.html$/],
  ['person', /^people\/[^/]+\/index\.html$/],
  ['event', /^events\/[^/]+\/index\.html$/],
  ['people index', /^people\/index\.html$/],
  ['people by letter', /^people\/a-z\/[^/]+\/index\.html$/],
  ['record stories by year', /^(people|events)\/[^/]+\/stories\/\d+\/index\.html$/],
  ['year of stories', /^archive\/[^/]+\/index\.html$/],
  ['month of stories', /^archive\/[^/]+\/\d+\/index\.html$/],
  ['timeline', /^timeline\/index\.html$/],
  ['timeline year', /^timeline\/\d+\/index\.html$/],
  ['timeline month', /^timeline\/\d+\/\d+\/index\.html$/],
  ['person timeline', /^timeline\/people\/[^/]+\/index\.html$/],
  ['person timeline year', /^timeline\/people\/[^/]+\/\d+\/index\.html$/],
  ['story timeline', /^timeline\/stories\/[^/]+\/index\.html$/],
  ['topics', /^topics\/index\.html$/],
  ['topic', /^topics\/[^/]+\/index\.html$/],
  ['topic year', /^topics\/[^/]+\/\d+\/index\.html$/],
  ['topic month', /^topics\/[^/]+\/\d+\/\d+\/index\.html$/],
];

/**
 * The heaviest page of each kind in a build, by its HTML: the pages that list
 * many things are where a growing archive would show. The largest file of a
 * kind is found by size on disk; only that one is gzipped.
 */
export function heaviestPages(dist: string): { kind: string; page: string; bytes: number; gzipped: number }[] {
  const largest = new Map<string, { page: string; bytes: number }>();
  for (const page of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const kind = KINDS.find(([, pattern]) => pattern.test(page))?.[0];
    if (!kind) continue;
    const bytes = statSync(join(dist, page)).size;
    if (bytes > (largest.get(kind)?.bytes ?? -1)) largest.set(kind, { page, bytes });
  }
  return KINDS.flatMap(([kind]) => {
    const found = largest.get(kind);
    return found ? [{ kind, ...found, gzipped: gz(readFileSync(join(dist, found.page))) }] : [];
  });
}
