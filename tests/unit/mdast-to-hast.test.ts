/**
 * The body's Markdown tree becomes the HTML tree mdast-util-to-hast makes
 * (what remark-rehype hands on), with the definitions found by our own walk:
 * the same tree, positions and all, whatever defines what and where.
 */
import { describe, expect, it } from 'vitest';
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { toHast } from 'mdast-util-to-hast';
import remarkToHast from '../../src/markdown/mdast-to-hast.ts';
import { TO_HAST_OPTIONS } from '../../src/markdown/render.ts';
import { parseMarkdown } from '../../src/lib/parse-markdown.ts';
import { mulberry32 } from '../../src/lib/random.ts';
import { loadContent } from '../../src/lib/load.ts';
import { buildIndex, targetHref } from '../../src/lib/site.ts';
import { extractMentions } from '../../src/lib/extract.ts';
import { generateCorpus } from '../../scripts/generate-corpus.ts';

const reference = (markdown: string) => toHast(parseMarkdown(markdown), TO_HAST_OPTIONS);
const ours = (markdown: string) => remarkToHast(TO_HAST_OPTIONS)(parseMarkdown(markdown), new VFile());

describe('remarkToHast: the tree mdast-util-to-hast makes', () => {
  it.each([
    ['an empty body', ''],
    ['plain paragraphs', 'One.\n\nTwo with **bold** and a [link](https://example.com).'],
    ['reference links, any case', 'See [the report][Report] and [report].\n\n[report]: https://example.com/report "The report"'],
    ['the first of two definitions of a name wins', '[vote]\n\n[vote]: https://example.com/first\n[VOTE]: https://example.com/second'],
    ['a reference with no definition stays text', 'See [nowhere][missing].'],
    ['a definition inside a blockquote and a list', '> [q]: https://example.com/q\n\n- [l]: https://example.com/l\n\n[q] and [l]'],
    ['an image by reference', '![A photo][photo]\n\n[photo]: https://example.com/p.jpg'],
    ['footnotes, as editor’s notes', 'Claim.[^1] Another.[^note]\n\n[^1]: First note.\n[^note]: Second note.'],
    ['a footnote defined twice, and one cited twice', 'A.[^a] B.[^a]\n\n[^a]: First.\n[^a]: Second.'],
    ['a footnote defined inside a blockquote', '> Quoted.[^q]\n>\n> [^q]: Inside the quote.'],
    ['a footnote reference with no definition', 'Dangling.[^gone]'],
    ['raw HTML, a table and a task list', '<span>raw</span>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done'],
    ['only a definition', '[x]: https://example.com'],
  ])('%s', (_, markdown) => {
    expect(ours(markdown)).toEqual(reference(markdown));
  });

  it('makes the same tree for 300 random bodies of references, definitions and footnotes', () => {
    const random = mulberry32(20261125);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const labels = ['a', 'A', 'vote', 'Vote', 'b c', '1', 'note'];
    const blocks = [
      () => `Text [${pick(labels)}] and [more][${pick(labels)}] and ![img][${pick(labels)}].`,
      () => `[${pick(labels)}]: https://example.com/${Math.floor(random() * 9)}`,
      () => `> [${pick(labels)}]: https://example.com/quoted`,
      () => `Said so.[^${pick(labels).replace(' ', '')}]`,
      () => `[^${pick(labels).replace(' ', '')}]: A note with [a link][${pick(labels)}].`,
      () => `- item [${pick(labels)}]\n- [^${pick(labels).replace(' ', '')}]: listed note`,
      () => `## Heading [${pick(labels)}]`,
    ];
    for (let i = 0; i < 300; i++) {
      const markdown = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(blocks)()).join('\n\n');
      expect(ours(markdown), markdown).toEqual(reference(markdown));
    }
  });

  it('makes the same tree for every body of the project’s content and test fixtures', () => {
    const root = resolve(import.meta.dirname, '../..');
    const files = globSync('{content,tests/fixtures}/**/*.md', { cwd: root }).filter((file) => !file.endsWith('README.md'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const body = readFileSync(resolve(root, file), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
      expect(ours(body), file).toEqual(reference(body));
    }
  });

  // Linked bodies hold what asks for elements in `data`: mentions, dates and paragraph anchors.
  it('makes the same tree for linked bodies: the project’s content and a generated newsroom corpus', () => {
    const root = resolve(import.meta.dirname, '../..');
    const corpus = mkdtempSync(join(tmpdir(), 'backstory-to-hast-'));
    try {
      generateCorpus(corpus, 40);
      let compared = 0;
      let elements = 0;
      for (const dir of [join(root, 'content'), join(root, 'tests/fixtures/minimal'), corpus]) {
        const { content, issues } = loadContent(dir, dir);
        expect(issues).toEqual([]);
        const index = buildIndex(content);
        // A version no earlier render used: every body is linked and handed over here.
        const renderer = {
          version: Math.random(),
          render: (tree: Root) => {
            const expected = toHast(structuredClone(tree), TO_HAST_OPTIONS);
            expect(remarkToHast(TO_HAST_OPTIONS)(tree, new VFile())).toEqual(expected);
            elements += JSON.stringify(expected).split('"className"').length - 1;
            compared++;
            return '';
          },
        };
        for (const record of [...content.stories, ...content.people, ...content.events]) extractMentions(record, { index, href: targetHref('/'), renderer });
      }
      expect(compared).toBeGreaterThan(150);
      expect(elements).toBeGreaterThan(1000);
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });

  it('copies the properties a node asks for: changing the HTML tree leaves the Markdown tree as it was', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', data: { hName: 'section', hProperties: { className: ['lead'], id: 'p-1' } }, children: [{ type: 'text', value: 'Hi' }] }] };
    const hast = remarkToHast(TO_HAST_OPTIONS)(tree, new VFile());
    expect(hast).toEqual(toHast(structuredClone(tree), TO_HAST_OPTIONS));
    const section = hast.children[0] as { tagName: string; properties: { className: string[] } };
    expect(section.tagName).toBe('section');
    section.properties.className.push('changed');
    expect(tree.children[0]!.data).toEqual({ hName: 'section', hProperties: { className: ['lead'], id: 'p-1' } });
  });
});
