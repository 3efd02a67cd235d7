/** Root-relative links in a body get the site's base; every other kind of link is left as written. */
import { describe, expect, it } from 'vitest';
import type { Definition, Image, Link, Nodes } from 'mdast';
import { parseMarkdown } from '../../src/lib/parse-markdown.ts';
import { rebaseLinks } from '../../src/lib/rebase-links.ts';

function urls(markdown: string, base: string): string[] {
  const tree = parseMarkdown(markdown);
  rebaseLinks(tree, base);
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push((node as Link | Image | Definition).url);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

describe('rebaseLinks', () => {
  it.each<[string, string, string, string]>([
    ['a link from the root', '/news/', '[the union](/people/marta-kowal/)', '/news/people/marta-kowal/'],
    ['an image from the root', '/news/', '![Tug](/images/tug.png)', '/news/images/tug.png'],
    ['a reference definition', '/news/', '[the timeline][t]\n\n[t]: /timeline/', '/news/timeline/'],
    ['a link in a list, under emphasis', '/news/', '- *[x](/archive/)*', '/news/archive/'],
    ['a base written without slashes', 'news', '[x](/archive/)', '/news/archive/'],
    ['a link with a query and fragment', '/news/', '[x](/timeline/?person=a#y2017)', '/news/timeline/?person=a#y2017'],
    ['already under the base', '/news/', '[x](/news/archive/)', '/news/archive/'],
    ['the base itself', '/news/', '[home](/news)', '/news'],
    ['a path that only starts like the base', '/news/', '[x](/newsroom/)', '/news/newsroom/'],
    ['another host, protocol-relative', '/news/', '[x](//example.org/a)', '//example.org/a'],
    ['another host', '/news/', '[x](https://example.org/a)', 'https://example.org/a'],
    ['within the page', '/news/', '[x](#notes)', '#notes'],
    ['relative', '/news/', '[x](../people/)', '../people/'],
    ['an e-mail address', '/news/', '[x](mailto:desk@example.org)', 'mailto:desk@example.org'],
    ['a site at the root', '/', '[x](/archive/)', '/archive/'],
  ])('%s', (_name, base, markdown, expected) => {
    expect(urls(markdown, base)).toEqual([expected]);
  });
});
