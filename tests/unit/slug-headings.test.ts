import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'hast';
import rehypeSlugHeadings from '../../src/markdown/rehype-slug-headings.ts';
import { parseMarkdown } from '../../src/lib/parse-markdown.ts';
import { renderTree } from '../../src/markdown/render.ts';
import { mulberry32 } from '../../src/lib/random.ts';

/** Markdown to HTML with heading ids set by the given plugin. */
const withIds = (plugin: typeof rehypeSlug | typeof rehypeSlugHeadings) => (markdown: string) =>
  String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(plugin).use(rehypeStringify).processSync(markdown));
const reference = withIds(rehypeSlug);
const ours = withIds(rehypeSlugHeadings);

describe('rehypeSlugHeadings: the ids rehype-slug gives, found without its walk', () => {
  it.each([
    ['no heading', 'Just a paragraph with **bold** text.', undefined],
    ['one heading', '## The vote', '<h2 id="the-vote">'],
    ['repeats numbered in order', '## Background\n\ntext\n\n## Background\n\n### Background', '<h3 id="background-2">'],
    ['a heading in a blockquote and a list', '> ## Quoted\n\n- ## Listed\n\n## Quoted', '<h2 id="quoted-1">'],
    ['non-ASCII and punctuation', '## Ça va? Ünïcode — “quotes”\n\n## 日本語の見出し', '<h2 id="日本語の見出し">'],
    ['an empty heading', '##\n\n## \n\ntext', '<h2 id="">'],
    ['raw HTML headings, one upper-case, one with an id', '<H3>Shouting</H3>\n\n<h2 id="kept">Kept</h2>\n\n## Kept', '<h3 id="shouting">'],
    ['a heading with inline markup', '## The *mayor* of `Springfield` [said](https://example.com)', '<h2 id="the-mayor-of-springfield-said">'],
    ['setext headings', 'Title\n=====\n\nSub\n---', '<h1 id="title">'],
  ])('%s', (_, markdown, expected) => {
    const html = ours(markdown);
    expect(html).toBe(reference(markdown));
    if (expected) expect(html).toContain(expected);
  });

  it('a heading inside a heading (built by hand: no parser makes one) is slugged as rehype-slug slugs it', () => {
    const tree = (): Root => ({
      type: 'root',
      children: [
        { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: 'Outer ' }, { type: 'element', tagName: 'h3', properties: {}, children: [{ type: 'text', value: 'inner' }] }] },
        { type: 'element', tagName: 'h3', properties: {}, children: [{ type: 'text', value: 'Inner' }] },
      ],
    });
    const expected = tree();
    rehypeSlug()(expected);
    const actual = tree();
    rehypeSlugHeadings()(actual);
    expect(actual).toEqual(expected);
    expect(JSON.stringify(actual)).toContain('"id":"inner-1"');
  });

  it('agrees with rehype-slug on 500 random bodies of headings, repeats and nesting', () => {
    const random = mulberry32(20261125);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const words = ['Vote', 'vote', 'The *mayor*', 'Ça', 'Background', '2024', 'Who’s who', '—', 'café', 'Timeline', ''];
    const blocks = [
      () => `${'#'.repeat(1 + Math.floor(random() * 6))} ${pick(words)} ${pick(words)}`,
      () => `> ## ${pick(words)}`,
      () => `- ## ${pick(words)}\n- item`,
      () => `<h${1 + Math.floor(random() * 6)}>${pick(words)}</h${1 + Math.floor(random() * 6)}>`,
      () => `A paragraph about ${pick(words)} with [a link](https://example.com).`,
      () => `${pick(words) || 'Title'}\n${pick(['===', '---'])}`,
    ];
    for (let i = 0; i < 500; i++) {
      const markdown = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(blocks)()).join('\n\n');
      expect(ours(markdown), markdown).toBe(reference(markdown));
    }
  });

  it('bodies rendered for the site carry the ids', () => {
    expect(renderTree(parseMarkdown('## What happened\n\ntext\n\n## What happened'))).toContain('<h2 id="what-happened-1">');
  });
});
