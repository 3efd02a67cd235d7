/**
 * remark plugin: renders `[[target]]` / `[[target|text]]` as links to person
 * and event pages and gives every paragraph its stable anchor. An unknown or
 * ambiguous target fails the file with its position.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { readFileSync } from 'node:fs';
import type { LinkIndex } from '../lib/resolve.ts';
import { linkMentions } from '../lib/mentions.ts';
import { targetHref } from '../lib/site.ts';
import { splitFrontmatter } from '../lib/load.ts';
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
    // Astro hands over the body alone; shift positions to lines of the file.
    const shift = bodyLineOf(file) - 1;
    const path = file.path ? file.path : 'markdown';
    const lines = problems.map((p) => formatIssue({ file: path, line: p.line + shift, column: p.column, message: p.message, hint: p.hint }));
    const first = problems[0]!;
    file.fail(lines.join('\n'), { place: { line: first.line + shift, column: first.column }, ruleId: 'unknown-target', source: 'backstory' });
  };
}

function bodyLineOf(file: VFile): number {
  try {
    return file.path ? (splitFrontmatter(readFileSync(file.path, 'utf8'))?.bodyLine ?? 1) : 1;
  } catch {
    return 1;
  }
}
