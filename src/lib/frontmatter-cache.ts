/**
 * Parsed frontmatter kept between runs, by a digest of its YAML text.
 * Parsing the YAML of 12,800 files took 1.2–1.4 s of a 4,000-story content
 * check, and a rebuild reads nearly the same files: frontmatter whose text is
 * unchanged is taken from here instead. Only frontmatter that parsed without
 * error into plain JSON values is kept, so what comes back is exactly what
 * the parser gave. (Where a field sits in the file, for messages, is worked
 * out by parsing again, only when a message needs it.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** The file in the cache folder. */
export const FRONTMATTER_CACHE_FILE = 'frontmatter.json';

/** Bump when what is kept changes; the YAML parser's version counts too, since a new parser may read the same text differently. */
const VERSION = `1 yaml@${(createRequire(import.meta.url)('yaml/package.json') as { version: string }).version}`;

interface SavedCache {
  version: string;
  /** Parsed frontmatter by digest of its YAML text. */
  entries: Record<string, unknown>;
}

export interface FrontmatterCache {
  /** The parsed frontmatter of this YAML text, if a run kept it. */
  lookup(yaml: string): { data: unknown } | undefined;
  /** Keeps what the parser gave for this text, when it is plain JSON. */
  remember(yaml: string, data: unknown): void;
  /** Writes this run's frontmatter (only this run's: the file does not grow with every edit); a cache that cannot be written only costs time. */
  save(): void;
}

const digest = (yaml: string) => createHash('sha256').update(yaml).digest('base64url').slice(0, 32);

/** Whether a value survives JSON unchanged: no Infinity or NaN, no dates or other objects. */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.keys(value).every((key) => key !== '__proto__' && isPlainJson((value as Record<string, unknown>)[key]));
}

/** The cache in `file`, empty when the file is missing, unreadable or from another version. */
export function openFrontmatterCache(file: string): FrontmatterCache {
  let known = new Map<string, unknown>();
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedCache;
    if (saved.version === VERSION) known = new Map(Object.entries(saved.entries));
  } catch {
    // No cache yet: every file is parsed.
  }
  const kept = new Map<string, unknown>();
  return {
    lookup(yaml) {
      const key = digest(yaml);
      if (!known.has(key)) return undefined;
      const data = known.get(key);
      kept.set(key, data);
      // Each record gets its own copy: the entry stays as saved.
      return { data: structuredClone(data) };
    },
    remember(yaml, data) {
      if (isPlainJson(data)) kept.set(digest(yaml), structuredClone(data));
    },
    save() {
      const saved: SavedCache = { version: VERSION, entries: Object.fromEntries(kept) };
      try {
        mkdirSync(dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}`;
        writeFileSync(temp, JSON.stringify(saved));
        renameSync(temp, file);
      } catch {
        // Read-only cache folder: the next run parses every file again.
      }
    },
  };
}
