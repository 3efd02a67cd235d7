/**
 * HTTP headers for any static host, written after every build:
 *
 * - `dist/_headers` in the format Netlify and Cloudflare Pages read: a
 *   Content-Security-Policy and other security headers for every path, and
 *   long, immutable caching for the files whose names carry a content hash;
 * - `dist/_nginx-headers.conf`: the same security headers as nginx
 *   `add_header` lines, included by deploy/nginx.conf.
 *
 * The policy is computed from the built pages, so it is one the site really
 * satisfies: scripts are external files (`script-src 'self'`), Pagefind's
 * WebAssembly needs 'wasm-unsafe-eval', and the stylesheet, which Astro
 * inlines into each page, is allowed by the sha256 hash of every distinct
 * `<style>` element. Anything a strict policy would block — an inline script,
 * an `on…=` handler, a `style="…"` attribute, a `javascript:` URL — stops the
 * build with the page that has it, instead of shipping a page that breaks.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TAG_ATTRIBUTES } from './page-content.ts';
import { ASTRO_PAGE_COPIES } from './cached-pages.ts';

export const HEADERS_FILE = '_headers';
export const NGINX_HEADERS_FILE = '_nginx-headers.conf';

const ATTRIBUTES = `(${TAG_ATTRIBUTES})` + String.raw`\s*\/?`;
/** Comments; script/style elements with their content; any other start tag. */
const TOKENS = new RegExp(String.raw`<!--[\s\S]*?-->|<(script|style)\b` + ATTRIBUTES + String.raw`>([\s\S]*?)<\/\1\s*>|<[a-zA-Z][^\s/>]*` + ATTRIBUTES + '>', 'gi');

/** What the built pages contain that the policy must allow or cannot allow. */
export interface PageScan {
  /** `'sha256-…'` sources for every distinct inline `<style>`, sorted. */
  styleHashes: string[];
  /** Things no strict policy allows, as `file: what`. */
  problems: string[];
  /** How many pages there were. */
  pages: number;
  /** How many of them were read token by token (the others were known from an earlier build). */
  scanned: number;
}

/**
 * Pages scanned by earlier builds, by a digest of their HTML: the inline
 * styles of each. Only pages without problems are remembered, so a known page
 * needs no scan: most pages of a rebuild are copies of the last build's.
 */
export interface ScanMemory {
  /** What earlier builds found, by page digest. */
  known?: ReadonlyMap<string, readonly string[]>;
  /** Filled with every page of this build that has no problem: what the next build may trust. */
  passed?: Map<string, readonly string[]>;
  /** Filled with every page's digest, by file: the record-page check of `scripts/build.ts` reads them instead of every page. */
  digests?: Map<string, string>;
}

/** A page's digest, the same for its bytes and for its text (UTF-8). */
export const pageDigest = (page: string | Buffer) => createHash('sha256').update(page).digest('base64url').slice(0, 32);

/**
 * A page with its digest already taken: read and digested once, or known
 * from an earlier build as the same file (see {@link fileIdentity}), whose
 * bytes are then read only if they must be scanned.
 */
export interface DigestedPage {
  digest: string;
  read: () => Buffer;
}

const isDigested = (page: string | Buffer | DigestedPage): page is DigestedPage => typeof page === 'object' && !Buffer.isBuffer(page);

/**
 * Reads HTML pages (file name and source, one at a time) for inline styles
 * and for inline code a strict policy would block. A page given as bytes is
 * decoded only when it must be scanned: a known page is only digested.
 */
export function scanPages(pages: Iterable<readonly [string, string | Buffer | DigestedPage]>, memory: ScanMemory = {}): PageScan {
  const hashes = new Set<string>();
  const problems: string[] = [];
  let count = 0;
  let scanned = 0;
  for (const [file, source] of pages) {
    count++;
    const digest = isDigested(source) ? source.digest : memory.known || memory.passed || memory.digests ? pageDigest(source) : '';
    memory.digests?.set(file.split(sep).join('/'), digest);
    const known = memory.known?.get(digest);
    if (known) {
      for (const hash of known) hashes.add(hash);
      memory.passed?.set(digest, known);
      continue;
    }
    scanned++;
    const page = isDigested(source) ? source.read() : source;
    const html = typeof page === 'string' ? page : page.toString('utf8');
    const styles = new Set<string>();
    const before = problems.length;
    // One pass over real markup: comments, script and style elements with their
    // content, and other tags with quote-aware attributes — so a `<` inside an
    // attribute value (escaped text that merely looks like a tag) is never read as a tag.
    for (const token of html.matchAll(TOKENS)) {
      if (token[0].startsWith('<!--')) continue;
      const [whole, rawTag, rawAttributes, body, tagAttributes] = token;
      const attributes = rawAttributes ?? tagAttributes ?? '';
      if (rawTag?.toLowerCase() === 'style') {
        styles.add(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
      } else if (rawTag?.toLowerCase() === 'script') {
        const names = attributes.replace(/"[^"]*"|'[^']*'/g, '""');
        // External scripts and data blocks (JSON-LD) are allowed; inline code is not.
        if (!/\ssrc\s*=/i.test(names) && !/\stype\s*=\s*["']?application\/(ld\+)?json/i.test(attributes)) {
          problems.push(`${file}: inline <script${attributes.slice(0, 60)}> (move the code to a module file)`);
        }
      }
      // Attribute names only: a description may contain "once=" in its value.
      const names = attributes.replace(/"[^"]*"|'[^']*'/g, '""');
      const handler = /\s(on[a-z]+)\s*=/i.exec(names);
      if (handler) problems.push(`${file}: ${handler[1]} handler in ${whole.slice(0, 80)} (use addEventListener in a module)`);
      if (/\sstyle\s*=/i.test(names)) problems.push(`${file}: style attribute in ${whole.slice(0, 80)} (use a class)`);
      if (/\s(href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(attributes)) problems.push(`${file}: javascript: URL in ${whole.slice(0, 80)}`);
    }
    for (const hash of styles) hashes.add(hash);
    if (problems.length === before) memory.passed?.set(digest, [...styles]);
  }
  return { styleHashes: [...hashes].sort(), problems, pages: count, scanned };
}

/** Bump when the scan finds other things: pages remembered by an older scan are then read again. */
const SCAN_VERSION = 1;

/** The scan memory kept in the cache folder (`scanned-pages.json`): each distinct style hash once, pages by index. */
interface ScanMemoryFile {
  version: number;
  styles: string[];
  pages: Record<string, number[]>;
}

/** What earlier builds scanned; empty when the file is missing, unreadable or from another scan version. */
export function readScanMemory(file: string): Map<string, readonly string[]> {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as ScanMemoryFile;
    if (saved.version !== SCAN_VERSION) return new Map();
    return new Map(Object.entries(saved.pages).map(([digest, styles]) => [digest, styles.map((i) => saved.styles[i]!)]));
  } catch {
    return new Map();
  }
}

/** Keeps this build's scan for the next one; a cache that cannot be written only costs time. */
export function writeScanMemory(file: string, passed: ReadonlyMap<string, readonly string[]>): void {
  const index = new Map<string, number>();
  const pages: Record<string, number[]> = {};
  for (const [digest, styles] of passed) {
    pages[digest] = styles.map((hash) => {
      if (!index.has(hash)) index.set(hash, index.size);
      return index.get(hash)!;
    });
  }
  const saved: ScanMemoryFile = { version: SCAN_VERSION, styles: [...index.keys()], pages };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(saved));
  } catch {
    // Read-only cache folder: the next build scans every page again.
  }
}

/**
 * Where the scan leaves the digest of every page of the output it read, in
 * the cache folder. `scripts/build.ts` checks the record pages of that output
 * while Pagefind indexes them; reading and digesting each page again there
 * took 3 s at 4,000 stories, and slowed Pagefind by as much.
 */
export const PAGE_DIGESTS_FILE = 'page-digests.json';

interface PageDigestsFile {
  /** The output folder the digests describe: a file from another build's output is never used. */
  out: string;
  /** Digest by file, relative to the output, with `/`. */
  pages: Record<string, string>;
  /** Digest by {@link fileIdentity}: these hold for any output, as they name the file itself. */
  identities?: Record<string, string>;
}

export function writePageDigests(file: string, out: string, digests: ReadonlyMap<string, string>, identities?: ReadonlyMap<string, string>): void {
  const saved: PageDigestsFile = { out: resolve(out), pages: Object.fromEntries(digests), ...(identities ? { identities: Object.fromEntries(identities) } : {}) };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(saved));
  } catch {
    // Read-only cache folder: the page check reads the pages itself.
  }
}

/** The digests of the pages of `out`, if the last scan was of that folder. */
export function readPageDigests(file: string, out: string): Map<string, string> | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as PageDigestsFile;
    return saved.out === resolve(out) ? new Map(Object.entries(saved.pages)) : undefined;
  } catch {
    return undefined;
  }
}

/** The digests the last scan left by {@link fileIdentity}, whatever output it read; none if it left none. */
export function readPageIdentities(file: string): Map<string, string> {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as PageDigestsFile;
    return new Map(Object.entries(saved.identities ?? {}));
  } catch {
    return new Map();
  }
}

/**
 * What tells a file apart from any other file and from itself once changed:
 * its device and inode, size and modification time (to the nanosecond).
 * A rebuild's pages are mostly hard links to the files of the last build
 * (see `cached-pages.ts`), so most pages are files the last scan digested;
 * a file written again, in place or anew, gets another identity.
 */
export function fileIdentity(path: string): string {
  return identityOf(statSync(path, { bigint: true }));
}

const identityOf = (stat: BigIntStats) => `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;

/**
 * The identity of Astro's own copy of a page (see `cached-pages.ts`) when it
 * is another file than the page, as for a page rendered in this build: Astro
 * wrote both from the same bytes, so the copy has the page's digest. The next
 * build's output links the copies, and its scan then need not read them. A
 * copy of another size is not the page's: none.
 */
function copyIdentity(copy: string, page: BigIntStats): string | undefined {
  // A page with other links is a page this build reused: Astro's copy is that same file, and needs no look.
  if (page.nlink > 1n) return undefined;
  const stat = statSync(copy, { bigint: true, throwIfNoEntry: false });
  if (!stat || stat.size !== page.size || (stat.dev === page.dev && stat.ino === page.ino)) return undefined;
  return identityOf(stat);
}

/** The Content-Security-Policy for the site, allowing exactly the inline styles found. */
export function contentSecurityPolicy(styleHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    // Module scripts from /_astro/ and Pagefind; Pagefind compiles WebAssembly.
    "script-src 'self' 'wasm-unsafe-eval'",
    // The inlined stylesheet, by hash. (Setting element.style from a script, as the preview card does, is CSSOM and allowed.)
    `style-src 'self' ${styleHashes.join(' ')}`.trim(),
    "img-src 'self'",
    "font-src 'self'",
    // Preview-card data and Pagefind's index fragments.
    "connect-src 'self'",
    // Pagefind searches in a web worker from /pagefind/.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response gets. */
export function securityHeaders(csp: string): [string, string][] {
  return [
    ['Content-Security-Policy', csp],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Paths (below the base) of files named by their content hash, which may be
 * cached for a year: Astro's bundles and Pagefind's index, fragments, filters
 * and metadata. Pagefind's entry points (pagefind.js, pagefind-entry.json,
 * wasm.*.pagefind, the worker) keep their names across builds, so they are
 * not among them.
 */
export const HASHED_PATHS = ['_astro/*', 'pagefind/index/*', 'pagefind/fragment/*', 'pagefind/filter/*', 'pagefind/pagefind.*.pf_meta'];

/** `_headers` for Netlify and Cloudflare Pages. Rules never set the same header twice on one path: those hosts would join the values. */
export function headersFile(base: string, csp: string): string {
  const lines = [
    '# Written by src/integrations/headers.ts after each build: do not edit.',
    '# HTML and other files keep the host default (Netlify and Cloudflare Pages: revalidate on every request).',
    `${base}*`,
    ...securityHeaders(csp).map(([name, value]) => `  ${name}: ${value}`),
    '',
  ];
  for (const path of HASHED_PATHS) lines.push(`${base}${path}`, `  Cache-Control: ${IMMUTABLE}`, '');
  return lines.join('\n');
}

/** The security headers as nginx directives, for `include` in every location of deploy/nginx.conf. */
export function nginxHeaders(csp: string): string {
  return [
    '# Written by src/integrations/headers.ts after each build: do not edit. Included by deploy/nginx.conf.',
    ...securityHeaders(csp).map(([name, value]) => `add_header ${name} "${value}" always;`),
    '',
  ].join('\n');
}

/**
 * Every HTML page under `dir`, read one at a time: a big site's pages never
 * sit in memory together. A page whose file the last scan digested (by
 * {@link fileIdentity}) is not read unless it must be scanned; `seen` is
 * filled with the digest of every page by its identity, and of Astro's copy
 * of it in `copies` (its folder of copies, named like the output), for the
 * next build.
 */
function* htmlPages(dir: string, identities: ReadonlyMap<string, string>, seen: Map<string, string>, counts = { read: 0 }, copies?: string): Generator<[string, DigestedPage]> {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(dir, path);
    const stat = statSync(path, { bigint: true });
    const identity = identityOf(stat);
    const known = identities.get(identity);
    const bytes = known === undefined ? readFileSync(path) : undefined;
    if (bytes) counts.read++;
    const digest = known ?? pageDigest(bytes!);
    seen.set(identity, digest);
    const copy = copies === undefined ? undefined : copyIdentity(join(copies, file), stat);
    if (copy) seen.set(copy, digest);
    yield [file, { digest, read: () => bytes ?? readFileSync(path) }];
  }
}

/** Where the scan of the last build is kept, in Astro's cache folder. */
export const SCAN_MEMORY_FILE = 'scanned-pages.json';

export default function headers(): AstroIntegration {
  let base = '/';
  let memoryFile = '';
  let digestsFile = '';
  let pageCopies = '';
  return {
    name: 'backstory-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        memoryFile = join(fileURLToPath(config.cacheDir), SCAN_MEMORY_FILE);
        digestsFile = join(fileURLToPath(config.cacheDir), PAGE_DIGESTS_FILE);
        pageCopies = join(fileURLToPath(config.cacheDir), ASTRO_PAGE_COPIES);
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const passed = new Map<string, readonly string[]>();
        const digests = new Map<string, string>();
        const identities = new Map<string, string>();
        const counts = { read: 0 };
        const pageFiles = htmlPages(out, readPageIdentities(digestsFile), identities, counts, pageCopies);
        const { styleHashes, problems, pages, scanned } = scanPages(pageFiles, { known: readScanMemory(memoryFile), passed, digests });
        if (problems.length > 0) {
          throw new Error(`These pages would break under the Content-Security-Policy:\n${problems.map((p) => `  ${p}`).join('\n')}`);
        }
        writeScanMemory(memoryFile, passed);
        writePageDigests(digestsFile, out, digests, identities);
        const csp = contentSecurityPolicy(styleHashes);
        writeFileSync(join(out, HEADERS_FILE), headersFile(base, csp));
        writeFileSync(join(out, NGINX_HEADERS_FILE), nginxHeaders(csp));
        logger.info(
          `${HEADERS_FILE} and ${NGINX_HEADERS_FILE} written: ${styleHashes.length} inline style hash${styleHashes.length === 1 ? '' : 'es'} (${scanned} of ${pages} pages scanned, the rest unchanged since the last build; ${counts.read} read, the rest the same files as then) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
