/**
 * remark plugin: renders `[[target]]` / `[[target|text]]` as links to person
 * and event pages and gives every paragraph its stable anchor. An unknown or
 * ambiguous target fails the file with its position.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { LinkIndex } from '../lib/resolve.ts';
import { linkMentions } from '../lib/mentions.ts';
import { targetHref } from '../lib/site.ts';
import { formatIssue } from '../lib/errors.ts';
import { optionsFor } from '../lib/extract.ts';
import { parseTimestamp } from '../lib/dates.ts';
import { basename, relative, sep } from 'node:path';

export interface RemarkMentionsOptions {
  /** Resolves targets; built from the people and events at config time. */
  index: () => LinkIndex;
  /** The site's base path. */
  base: string;
  /** The content folder, to tell stories, people and events apart by path. */
  contentDir: string;
}

/**
 * Which record a file is, from its path, and the options that follow: the same
 * as the graph uses (see `optionsFor`). Astro hands over raw frontmatter, so
 * the publication date is parsed here.
 */
function transformOptions(path: string, frontmatter: Record<string, unknown>, contentDir: string) {
  const rel = relative(contentDir, path).split(sep);
  const kind = rel[0] === 'stories' ? 'story' : rel[0] === 'people' ? 'person' : ('event' as const);
  const id = basename(path, '.md');
  const published = parseTimestamp(frontmatter.published);
  return optionsFor({
    kind,
    id,
    ...(frontmatter.autolink === false ? { autolink: false } : {}),
    ...(published.ok ? { published: published.value } : {}),
  });
}

export default function remarkMentions(options: RemarkMentionsOptions) {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter ?? {};
    const { problems } = linkMentions(tree, {
      index: options.index(),
      href: targetHref(options.base),
      source: String(file.value),
      ...transformOptions(file.path, frontmatter, options.contentDir),
    });
    if (problems.length === 0) return;
    // Astro renders deferred Markdown with the frontmatter blanked out, not
    // removed, so positions are already lines of the file.
    const path = file.path || 'markdown';
    const lines = problems.map((p) => formatIssue({ file: path, line: p.line, column: p.column, message: p.message, hint: p.hint }));
    const first = problems[0]!;
    file.fail(lines.join('\n'), { place: { line: first.line, column: first.column }, ruleId: 'unknown-target', source: 'backstory' });
  };
}
