/**
 * remark plugin: typographic punctuation in the reader's text. Straight
 * quotes become curly ones, `--` and `---` an em dash, `...` an ellipsis.
 *
 * It replaces remark-smartypants, which turned every block into a second
 * syntax tree (retext) and back: a third of the build's Markdown time, and
 * quadratic on very long paragraphs. This pass reads each text node once.
 *
 * A quote opens or closes depending on the character before it, which may be
 * in the previous text node of the same block (`"[[Sessions]]"` puts the
 * closing quote after a link), so the last character seen is carried along
 * within a block and forgotten at the next one. Code, inline code and raw
 * HTML are not text nodes, so they are left as they are.
 */
import type { Nodes, Root } from 'mdast';

/** Blocks that start afresh: a quote at their start opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote', 'footnoteDefinition', 'root']);

/** After these (or at the start of a block), a quote opens. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-\u201C\u2018/]/;

export default function remarkTypography() {
  return (tree: Root) => {
    let before = '';
    const visit = (node: Nodes) => {
      if (BLOCKS.has(node.type)) before = '';
      if (node.type === 'text') {
        node.value = typeset(node.value, before);
        before = node.value.at(-1) ?? before;
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child);
      // A break, image or inline code between two texts counts as a letter: `"x`code`"` closes.
      if (node.type === 'inlineCode' || node.type === 'image') before = 'x';
      if (node.type === 'break') before = ' ';
    };
    visit(tree);
  };
}

/**
 * Typesets one run of text; `before` is the character just before it in its
 * block ('' at the block's start). Only the quotes are looked at one by one:
 * each is curled by the character before it, as typeset.
 */
export function typeset(text: string, before = ''): string {
  if (!/["'.-]/.test(text)) return text;
  const dashed = text.replace(/---?/g, '\u2014').replace(/\.\.\./g, '\u2026');
  // The quote just curled: it is the character before the next one when they touch.
  let lastAt = -2;
  let last = '';
  return dashed.replace(/["']/g, (quote, at: number) => {
    const previous = at === lastAt + 1 ? last : at === 0 ? before : dashed[at - 1]!;
    // An apostrophe inside a word (don't) or before a year ('90s) is a closing single quote.
    if (quote === '"') last = opens(previous) ? '\u201C' : '\u201D';
    else last = opens(previous) && !/^\d\ds?\b/.test(dashed.slice(at + 1, at + 5)) ? '\u2018' : '\u2019';
    lastAt = at;
    return last;
  });
}

const opens = (previous: string) => previous === '' || OPENS_AFTER.test(previous);
