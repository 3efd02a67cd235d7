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
    const visit = (node: Root | RootContent | ElementContent) => {
      if (!('children' in node)) return;
      node.children = node.children.map((child) => {
        if (child.type !== 'element') return child;
        if (child.tagName === 'table') return wrap(child);
        visit(child);
        return child;
      }) as typeof node.children;
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
