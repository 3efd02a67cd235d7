/**
 * Assembling the site: records in, link index, mentions and graph out. The
 * build (from Astro's collections) and the content check (from disk) both go
 * through here, so they accept and reject the same content.
 */
import type { AnyRecord, ContentSet, StoryRecord, Target } from './records.ts';
import { recordPath } from './records.ts';
import { LinkIndex } from './resolve.ts';
import { missingImages } from './broken-markup.ts';
import { brokenLinks, type SitePages } from './internal-links.ts';
import { extractMentions, saveExtractions, type Renderer } from './extract.ts';
import type { Mention } from './mentions.ts';
import { buildGraph, referenceIssues, type Graph } from './graph.ts';
import { ContentError, type ContentIssue } from './errors.ts';
import { withBase } from './paths.ts';

export interface Site {
  graph: Graph;
  index: LinkIndex;
  mentions: ReadonlyMap<AnyRecord, readonly Mention[]>;
  /** Problems worth an editor's look that do not stop the build (dates that conflict). */
  warnings: ContentIssue[];
  /** Each record's body as HTML, when assembled with a renderer. */
  html: ReadonlyMap<AnyRecord, string>;
}

export interface AssembleOptions {
  /** The site's base path, for link targets. */
  base: string;
  /** Renders the bodies too (the build). */
  renderer?: Renderer;
  /** Where bodies are kept between builds. */
  cacheDir?: string;
  /** The folder of the site's own files (`public/`): images a body shows from it must exist. Unchecked without it. */
  publicDir?: string;
  /** The drafts, left out of the site: links to them are reported as links to drafts. */
  drafts?: Pick<ContentSet, 'people' | 'events'>;
  /** The stories left out of this build, drafts and scheduled ones: a link in a body to one says which it is. */
  heldBack?: readonly StoryRecord[];
  /** Filled with how long the bodies and the graph took, in milliseconds: the content check reports them. */
  times?: { bodies: number; graph: number };
}

/** A link index over the people and events; duplicate names are reported in `issues`. */
export function buildIndex(content: Pick<ContentSet, 'people' | 'events'>, drafts?: Pick<ContentSet, 'people' | 'events'>): LinkIndex {
  return new LinkIndex(content.people, content.events, drafts);
}

/** The URL of a link target's page. */
export function targetHref(base: string): (target: Target) => string {
  return (target) => withBase(base, recordPath({ kind: target.kind, id: target.id }));
}

/** Builds everything or throws a {@link ContentError} listing every problem. */
export function assembleSite(content: ContentSet, options: AssembleOptions): Site {
  const started = performance.now();
  const index = buildIndex(content, options.drafts);
  const issues: ContentIssue[] = [...index.issues];
  const warnings: ContentIssue[] = [];
  const href = targetHref(options.base);
  const mentions = new Map<AnyRecord, Mention[]>();
  const html = new Map<AnyRecord, string>();
  const ids = (records: readonly AnyRecord[]) => new Set<string>(records.map((record) => record.id));
  const pages: SitePages = {
    stories: ids(content.stories),
    people: ids(content.people),
    events: ids(content.events),
    base: options.base,
    ...(options.publicDir ? { publicDir: options.publicDir } : {}),
    heldBack: new Map([...(options.heldBack ?? []), ...(options.drafts?.people ?? []), ...(options.drafts?.events ?? [])].map((record) => [recordPath(record), record])),
  };
  for (const record of [...content.stories, ...content.people, ...content.events]) {
    const result = extractMentions(record, { index, href, base: options.base, renderer: options.renderer, cacheDir: options.cacheDir });
    mentions.set(record, result.mentions);
    if (result.html !== undefined) html.set(record, result.html);
    issues.push(...result.issues);
    warnings.push(...result.warnings);
    if (options.publicDir) {
      for (const { line, column, message, hint } of missingImages(result.images, options.publicDir)) issues.push({ file: record.file, line, column, message, hint });
    }
    for (const { line, column, message, hint } of brokenLinks(result.links, pages, recordPath(record))) issues.push({ file: record.file, line, column, message, hint });
  }
  // Bodies that were fine are kept even when others are broken: the fixed build renders only those.
  saveExtractions(options.cacheDir);
  // Reported with the bodies' problems, so one run lists every problem.
  issues.push(...referenceIssues(content, options.drafts));
  if (issues.length > 0) throw new ContentError(issues);
  const linked = performance.now();
  const graph = buildGraph(content, mentions);
  if (options.times) {
    options.times.bodies = linked - started;
    options.times.graph = performance.now() - linked;
  }
  return { graph, index, mentions, warnings, html };
}
