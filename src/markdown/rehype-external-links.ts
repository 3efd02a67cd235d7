/**
 * rehype plugin: links that leave the site open without handing the new page
 * a reference to this one (`noopener`) or the reader's URL (`noreferrer`).
 */
import type { Element, Root, RootContent, ElementContent } from 'hast';

export default function rehypeExternalLinks() {
  return (tree: Root) => {
    const visit = (node: Root | RootContent | ElementContent) => {
      if (node.type === 'element') {
        const href = node.properties.href;
        if (node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) markExternal(node);
      }
      if ('children' in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

function markExternal(link: Element): void {
  const rel = new Set(Array.isArray(link.properties.rel) ? link.properties.rel.map(String) : []);
  rel.add('noopener');
  rel.add('noreferrer');
  link.properties.rel = [...rel];
}
