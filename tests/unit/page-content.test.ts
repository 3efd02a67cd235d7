/**
 * The record-page check reads a built page tag by tag. Each case is also
 * checked against a full HTML parser (parse5), walked the way a browser
 * builds the page: the two must agree on every page the site can produce.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { pageContentProblem } from '../../src/integrations/page-content.ts';
import { mulberry32 } from '../../src/lib/random.ts';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
  content?: Node;
}

function find(node: Node, test: (n: Node) => boolean): Node | undefined {
  if (test(node)) return node;
  for (const child of node.childNodes ?? []) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

const EMBEDDED = ['img', 'picture', 'svg', 'video', 'audio', 'table', 'hr', 'input', 'iframe', 'canvas', 'object', 'math'];

function hasContent(node: Node): boolean {
  if (node.tagName === 'script' || node.tagName === 'style') return false;
  if (node.nodeName === '#text') return /\S/.test(node.value ?? '');
  if (node.tagName && EMBEDDED.includes(node.tagName)) return true;
  return (node.childNodes ?? []).some(hasContent);
}

const hasClass = (node: Node, name: string) => (node.attrs?.find((a) => a.name === 'class')?.value ?? '').split(/\s+/).includes(name);

/** The same verdict from a parsed tree. */
function reference(html: string, hasBody: boolean): ReturnType<typeof pageContentProblem> {
  if (!/<\/html>\s*$/i.test(html)) return 'cut short';
  const main = find(parse(html) as unknown as Node, (n) => n.tagName === 'main');
  if (!main || !hasContent(main)) return 'main empty';
  if (!hasBody) return undefined;
  const rendered = find(main, (n) => hasClass(n, 'story-body') || hasClass(n, 'record-body'));
  return rendered && hasContent(rendered) ? undefined : 'body empty';
}

const page = (main: string) => `<!DOCTYPE html><html lang="en"><head><title>t</title><style>main{color:red}</style></head><body><header><a href="/">Site</a></header>${main}<footer>f</footer></body></html>\n`;

describe('pageContentProblem', () => {
  it.each([
    ['a story with its body', page('<main id="main"><article><h1>T</h1><div class="story-body"><p>Text.</p></div></article></main>'), true, undefined],
    ['a body that is only an image', page('<main><h1>T</h1><div class="record-body"><img src="a.png" alt=""></div></main>'), true, undefined],
    ['a body that is only a table', page('<main><h1>T</h1><div class="record-body"><table><tr><td></td></tr></table></div></main>'), true, undefined],
    ['an empty body', page('<main><h1>T</h1><div class="story-body"></div><aside>Links here</aside></main>'), true, 'body empty'],
    ['a body of white space and comments', page('<main><h1>T</h1><div class="story-body">\n  <!-- nothing --> &nbsp; </div><p>after</p></main>'), true, 'body empty'],
    ['a body of empty elements', page('<main><h1>T</h1><div class="story-body"><div><p></p></div> <div></div></div><p>after</p></main>'), true, 'body empty'],
    ['nested elements of the same name, text in the last', page('<main><h1>T</h1><div class="story-body"><div></div><div><div></div>x</div></div></main>'), true, undefined],
    ['text after the body only', page('<main><h1>T</h1><div class="story-body"><div></div></div>after</main>'), true, 'body empty'],
    ['a script holding an end tag and text', page('<main><h1>T</h1><div class="story-body"><script>document.write("</div>text")</script></div></main>'), true, 'body empty'],
    ['a style holding text', page('<main><style>.x{}</style></main>'), false, 'main empty'],
    ['a > inside a quoted attribute', page('<main><h1 title="a>b"></h1><div data-x=\'>\' class="story-body"><p title=">">x</p></div></main>'), true, undefined],
    ['the class among others, unquoted', page('<main><h1>T</h1><section class=story-body><p>x</p></section></main>'), true, undefined],
    ['the class named in another attribute only', page('<main><h1>T</h1><div data-class="story-body"><p>x</p></div></main>'), true, 'body empty'],
    ['no body element at all', page('<main><h1>T</h1></main>'), true, 'body empty'],
    ['no body needed', page('<main><h1>T</h1></main>'), false, undefined],
    ['an empty main', page('<main id="main">  </main>'), false, 'main empty'],
    ['a main of empty elements', page('<main><article><header></header></article></main>'), false, 'main empty'],
    ['no main', page('<div>text</div>'), false, 'main empty'],
    ['a page cut short', page('<main><p>x</p></main>').slice(0, -20), false, 'cut short'],
    ['upper-case tags', page('<MAIN><H1>T</H1><DIV CLASS="story-body"><P>x</P></DIV></MAIN>').replace('</main>', '</MAIN>'), true, undefined],
    ['an entity that shows', page('<main><div class="record-body">&amp;</div></main>'), true, undefined],
    ['a numbered space entity', page('<main><h1>x</h1><div class="record-body">&#160;&#x20;</div></main>'), true, 'body empty'],
  ])('%s', (_, html, hasBody, expected) => {
    expect(reference(html, hasBody)).toBe(expected);
    expect(pageContentProblem(html, hasBody)).toBe(expected);
  });

  it('agrees with a full parser on 3,000 well-formed pages stitched from tricky parts', () => {
    const random = mulberry32(17);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const leaves = [' ', '\n', 'word', '&nbsp;', '&amp;', '&#160;', '<!-- <div>text</div> -->', '<img src="a.png" alt="">', '<br>', '<hr>', '<script>var a = "</div>x";</script>', '<style>p{}</style>', '<input type="checkbox" disabled>'];
    const openers = ['<div>', '<div class="story-body">', '<div class="a record-body">', '<section>', '<p>', '<span title="a > b">', '<a href="/x?a=1&amp;b=2">', '<em>', '<ul><li>'];
    const closerOf = (opener: string) => opener === '<ul><li>' ? '</li></ul>' : `</${/^<(\w+)/.exec(opener)![1]}>`;
    // Block elements only inside blocks, as the site's pages are written; inline ones hold leaves and inline ones.
    const inline = new Set(['<span title="a > b">', '<a href="/x?a=1&amp;b=2">', '<em>']);
    const fragment = (depth: number, inInline: boolean): string =>
      Array.from({ length: Math.floor(random() * 4) }, () => {
        const choices = openers.filter((o) => !inInline || inline.has(o));
        if (depth > 3 || random() < 0.4) return pick(leaves.filter((l) => !inInline || !/^<(hr|script|style)/.test(l)));
        const opener = pick(choices);
        const inner = opener === '<p>' || inline.has(opener);
        return `${opener}${fragment(depth + 1, inner)}${closerOf(opener)}`;
      }).join('');
    for (let i = 0; i < 3000; i++) {
      const html = page(`<main>${fragment(0, false)}</main>`);
      for (const hasBody of [true, false]) expect(pageContentProblem(html, hasBody), html).toBe(reference(html, hasBody));
    }
  });
});
