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

export interface RemarkMentionsOptions {
  /** Resolves targets; built from the people and events at config time. */
  index: () => LinkIndex;
  /** The site's base path. */
  base: string;
}

export default function remarkMentions(options: RemarkMentionsOptions) {
  return (tree: Root, file: VFile) => {
    const { problems } = linkMentions(tree, { index: options.index(), href: targetHref(options.base) });
    if (problems.length === 0) return;
    // Astro renders deferred Markdown with the frontmatter blanked out, not
    // removed, so positions are already lines of the file.
    const path = file.path || 'markdown';
    const lines = problems.map((p) => formatIssue({ file: path, line: p.line, column: p.column, message: p.message, hint: p.hint }));
    const first = problems[0]!;
    file.fail(lines.join('\n'), { place: { line: first.line, column: first.column }, ruleId: 'unknown-target', source: 'backstory' });
  };
}
