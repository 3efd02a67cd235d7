/**
 * rehype plugin: each table in a box of its own that scrolls sideways, so a
 * table wider than a phone scrolls inside the article instead of widening the
 * whole page. The box takes the keyboard focus, so it scrolls without a mouse
 * too, and is named for screen readers.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** The box's class, styled in global.css. */
const TABLE_SCROLL_CLASS = 'table-scroll';

export default function rehypeTableScroll() {
  return (tree: Root) => {
    // In place: most bodies have no table, and a new list of children for every element would only churn memory.
    const visit = (node: Root | Element) => {
      const children: (RootContent | ElementContent)[] = node.children;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type !== 'element') continue;
        if (child.tagName === 'table') children[i] = wrap(child);
        else visit(child);
      }
    };
    visit(tree);
  };
}

function wrap(table: Element): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: [TABLE_SCROLL_CLASS], tabIndex: 0, role: 'group', ariaLabel: 'Table (scrolls sideways on a narrow screen)' },
    children: [table],
  };
}
