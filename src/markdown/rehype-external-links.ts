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
        if (node.tagName === 'a' && typeof href === 'string' && leavesSite(href)) markExternal(node);
      }
      if ('children' in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

/**
 * Whether a browser would take the link to another site: `http(s)://…`, and
 * also the forms it reads the same way, protocol-relative `//host` and
 * `/\host`, `https:host`, and any of these with tabs, line breaks or
 * leading spaces in them (browsers drop those).
 */
function leavesSite(href: string): boolean {
  const url = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^https?:/i.test(url) || /^[/\\]{2}/.test(url);
}

function markExternal(link: Element): void {
  const rel = new Set(Array.isArray(link.properties.rel) ? link.properties.rel.map(String) : []);
  rel.add('noopener');
  rel.add('noreferrer');
  link.properties.rel = [...rel];
}
