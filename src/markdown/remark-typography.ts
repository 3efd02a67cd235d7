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
 * block ('' at the block's start).
 */
export function typeset(text: string, before = ''): string {
  if (!/["'.-]/.test(text)) return text;
  const dashed = text.replace(/---?/g, '\u2014').replace(/\.\.\./g, '\u2026');
  const out: string[] = [];
  let previous = before;
  for (let i = 0; i < dashed.length; i++) {
    let char = dashed[i]!;
    if (char === '"') {
      char = opens(previous) ? '\u201C' : '\u201D';
    } else if (char === "'") {
      // An apostrophe inside a word (don't) or before a year ('90s) is a closing single quote.
      const elided = opens(previous) && /^\d\ds?\b/.test(dashed.slice(i + 1, i + 5));
      char = opens(previous) && !elided ? '\u2018' : '\u2019';
    }
    out.push(char);
    previous = char;
  }
  return out.join('');
}

const opens = (previous: string) => previous === '' || OPENS_AFTER.test(previous);
