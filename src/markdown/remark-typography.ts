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
import { typeset } from '../lib/typography.ts';

/** Blocks that start afresh: a quote at their start opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote', 'footnoteDefinition', 'root']);

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
