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
import { draftsOf, scheduledStories, withoutDrafts } from './drafts.ts';
import { lintContent } from './lint.ts';
import type { ContentSet, StoryRecord } from './records.ts';

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
  /** How long each step took; a step not reached took 0. */
  times: CheckTimes;
}

/** How long each step of the check took, in milliseconds: the build's log shows them, and `npm run bench` reads them there. */
export interface CheckTimes {
  /** Every file read, its frontmatter parsed and validated. */
  loading: number;
  /** The link index, then every body: its mentions found and linked, its HTML rendered (or taken from the cache). */
  bodies: number;
  /** The cross-link graph, built from the mentions. */
  graph: number;
  /** The editorial checks that give warnings. */
  lint: number;
}

/** The steps' times for a log line: `loading 2104 ms, bodies 11902 ms, graph 402 ms, editorial checks 1180 ms`. */
export function formatCheckTimes(times: CheckTimes): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return `loading ${ms(times.loading)}, bodies ${ms(times.bodies)}, graph ${ms(times.graph)}, editorial checks ${ms(times.lint)}`;
}

/** Links name records by their files: with a file that did not load, every link to it would be reported too. */
const DEFERRED = 'links, names and dates in the bodies are checked once every file above loads';

/** Problems by file, then by place in it: one file's problems read top to bottom, whichever step found them. */
function inFileOrder(issues: readonly ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}

export interface CheckOptions extends Omit<AssembleOptions, 'base' | 'drafts'> {
  base: string;
  /** Include drafts and stories scheduled for later (the dev server). */
  drafts: boolean;
  /** When the site is published, for stories scheduled for later: now, unless a test says otherwise. */
  now?: Date;
  /** Where file paths in messages are relative to. */
  projectRoot?: string;
  /** Called with the content once every file has loaded cleanly, before the (longer) checks and rendering. */
  onLoaded?: (content: ContentSet) => void;
}

/** The warning for a story left out of this build because it is scheduled for later. */
function heldBack(story: StoryRecord): ContentIssue {
  return {
    file: story.file,
    ...story.locate?.('published'),
    field: 'published',
    message: `the story is scheduled for ${story.published.iso}: it is left out of the site until a build on or after then`,
    hint: 'build again then to publish it; `npm run dev` shows it now; if the date is a slip, correct the year',
  };
}

export function checkContent(contentDir: string, options: CheckOptions): CheckResult {
  const times: CheckTimes = { loading: 0, bodies: 0, graph: 0, lint: 0 };
  const started = performance.now();
  // With a cache folder, frontmatter unchanged since the last run is not parsed again.
  const frontmatter = options.cacheDir ? openFrontmatterCache(join(options.cacheDir, FRONTMATTER_CACHE_FILE)) : undefined;
  const loaded = loadContent(contentDir, options.projectRoot, frontmatter);
  frontmatter?.save();
  const now = options.now ?? new Date();
  const content = options.drafts ? loaded.content : withoutDrafts(loaded.content, now);
  times.loading = performance.now() - started;
  if (loaded.issues.length > 0) return { content, errors: loaded.issues, warnings: [], deferred: DEFERRED, times };
  options.onLoaded?.(content);
  try {
    const drafts = options.drafts ? undefined : draftsOf(loaded.content);
    const scheduled = drafts ? scheduledStories(loaded.content, now) : [];
    const site = assembleSite(content, { base: options.base, renderer: options.renderer, cacheDir: options.cacheDir, publicDir: options.publicDir, drafts, heldBack: [...(drafts?.stories ?? []), ...scheduled], times });
    const linted = performance.now();
    // Held back first: a story that does not appear is the first thing an editor looks for.
    const warnings = [...scheduled.map(heldBack), ...lintContent(content, site)];
    times.lint = performance.now() - linted;
    return { content, errors: [], warnings, site, times };
  } catch (error) {
    if (error instanceof ContentError) return { content, errors: inFileOrder(error.issues), warnings: [], times };
    throw error;
  }
}
