/**
 * The whole content check, without rendering a page: load and validate every
 * file, resolve every link, build the graph, and collect editorial warnings.
 * Shared by the build and `npm run check`, so both say the same things.
 */
import { join } from 'node:path';
import { loadContent } from './load.ts';
import { FRONTMATTER_CACHE_FILE, openFrontmatterCache } from './frontmatter-cache.ts';
import { assembleSite, type AssembleOptions, type Site } from './site.ts';
import { ContentError, type ContentIssue } from './errors.ts';
import { withoutDrafts } from './drafts.ts';
import { lintContent } from './lint.ts';
import type { ContentSet } from './records.ts';

export interface CheckResult {
  content: ContentSet;
  /** Problems that stop the build. */
  errors: ContentIssue[];
  /** Problems worth a look. */
  warnings: ContentIssue[];
  /** The assembled site, when there were no errors. */
  site?: Site;
  /** What was not checked yet, and why: links and dates wait for every file to load. */
  deferred?: string;
}

/** Links name records by their files: with a file that did not load, every link to it would be reported too. */
const DEFERRED = 'links, names and dates in the bodies are checked once every file above loads';

export interface CheckOptions extends Omit<AssembleOptions, 'base'> {
  base: string;
  /** Include drafts (the dev server). */
  drafts: boolean;
  /** Where file paths in messages are relative to. */
  projectRoot?: string;
  /** Called with the content once every file has loaded cleanly, before the (longer) checks and rendering. */
  onLoaded?: (content: ContentSet) => void;
}

export function checkContent(contentDir: string, options: CheckOptions): CheckResult {
  // With a cache folder, frontmatter unchanged since the last run is not parsed again.
  const frontmatter = options.cacheDir ? openFrontmatterCache(join(options.cacheDir, FRONTMATTER_CACHE_FILE)) : undefined;
  const loaded = loadContent(contentDir, options.projectRoot, frontmatter);
  frontmatter?.save();
  const content = options.drafts ? loaded.content : withoutDrafts(loaded.content);
  if (loaded.issues.length > 0) return { content, errors: loaded.issues, warnings: [], deferred: DEFERRED };
  options.onLoaded?.(content);
  try {
    const site = assembleSite(content, { base: options.base, renderer: options.renderer, cacheDir: options.cacheDir });
    return { content, errors: [], warnings: lintContent(content, site), site };
  } catch (error) {
    if (error instanceof ContentError) return { content, errors: [...error.issues], warnings: [] };
    throw error;
  }
}
