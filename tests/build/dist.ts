/** Reading a built site: its pages, their links and ids, without a browser. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir` (dotfiles too) → sha256 of its bytes: two builds compared byte for byte. */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hashes.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return hashes;
}

/** Every HTML file below `dir`, as paths relative to it. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** The values of an attribute on every element that has it (href, src, id). */
export function attributeValues(html: string, attribute: string): string[] {
  const pattern = new RegExp(`\\s${attribute}="([^"]*)"`, 'g');
  return [...html.matchAll(pattern)].map((m) => decode(m[1]!));
}

function decode(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');
}

/** The file a site-absolute URL path (`/people/x/`) is served from, or undefined. */
export function fileFor(dir: string, urlPath: string, base = '/'): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const path = decodeURIComponent(urlPath.slice(base.length).split('#')[0]!.split('?')[0]!);
  const candidates = path === '' || path.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`, join(path, 'index.html')];
  return candidates.map((c) => join(dir, c)).find((c) => existsSync(c) && statSync(c).isFile());
}

/** Text content of the first element matching a simple `<tag ...>` opening, for loose assertions. */
export function textOf(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
}
