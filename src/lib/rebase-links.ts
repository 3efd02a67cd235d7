/**
 * Links an editor writes from the site's root — `[the union](/people/marta-kowal/)`,
 * `![Tug](/images/tug.png)`, `[x]: /timeline/` — point at the root of the host.
 * A site deployed under a sub-path (`/news/`) has its pages and files below
 * it, so those links get the base, as `[[…]]` links do. Links to another host
 * (`https:`, `//host/…`), within the page (`#…`), relative ones and those
 * already under the base are left as written.
 */
import type { Nodes, Root } from 'mdast';
import { normalizeBase, withBase } from './paths.ts';

/** Gives root-relative Markdown links and images the base, in place. Nothing to do at the root. */
export function rebaseLinks(tree: Root, base: string): void {
  const prefix = normalizeBase(base);
  if (prefix === '/') return;
  const visit = (node: Nodes): void => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url.startsWith('/') && !node.url.startsWith('//') && !`${node.url}/`.startsWith(prefix)) {
      node.url = withBase(prefix, node.url);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}
