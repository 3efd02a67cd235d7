import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { extensionsFor, parseMarkdown } from '../../src/lib/parse-markdown.ts';
import { mulberry32 } from '../../src/lib/relationship-map.ts';

/** The reference: every GitHub extension, always. */
const full = remark().use(remarkGfm);
const same = (body: string) => expect(JSON.stringify(parseMarkdown(body)), JSON.stringify(body)).toBe(JSON.stringify(full.parse(body)));

describe('parseMarkdown', () => {
  const cases: [string, string][] = [
    ['plain prose', 'Jeff Sessions said on Tuesday that he would stay.\n\nA second paragraph.'],
    ['wiki links with pipes', '[[person-00107|Senator Rindorven]] met [[event-06301|the hearing]] again.'],
    ['a bare web address', 'See www.example.org/report or https://example.org/a?b=c for more.'],
    ['a bare address in capitals', 'Read WWW.EXAMPLE.ORG or HTTPS://EXAMPLE.ORG.'],
    ['an e-mail address', 'Write to desk@example.org, or mailto:desk@example.org.'],
    ['a table', '| Year | Votes |\n| ---- | ----: |\n| 2016 | 12 |\n| 2017 | 15 |'],
    ['a table without edge pipes', 'Year | Votes\n:--- | :---:\n2016 | 12'],
    ['a one-column table whose delimiter row has no pipe', '| a |\n:--\n| b |'],
    ['a table in a blockquote', '> | a | b |\n> | - | - |\n> | 1 | 2 |'],
    ['a table in a list item', '- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |'],
    ['a setext heading under a pipe', '| a |\n---\n'],
    ['a thematic break among pipes', 'a | b\n\n---\n\nc | d'],
    ['a table in a code block', '```\n| a | b |\n|---|---|\n```'],
    ['footnotes', 'A claim.[^1]\n\n[^1]: The source, www.example.org.'],
    ['strikethrough and task lists', '~~gone~~ and ~one~\n\n- [ ] open\n- [x] done\n- [X] done too'],
    ['an autolink in angle brackets', '<https://example.org> and <desk@example.org>'],
    ['escaped pipes and dashes', 'a \\| b\n\n\\- c -|- d'],
    ['a dash touching a pipe in prose', 'The vote was 12-|-3, a typo.'],
    ['a delimiter-like row with no pipe anywhere', 'Heading\n:--\nmore'],
  ];
  it.each(cases)('gives the same tree as remark-gfm: %s', (_, body) => same(body));

  it('gives the same tree for every body of the project’s content', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : name.endsWith('.md') ? [join(dir, name)] : []));
    const all = [...files(join(import.meta.dirname, '../../content')), ...files(join(import.meta.dirname, '../fixtures'))];
    expect(all.length).toBeGreaterThan(20);
    for (const file of all) same(readFileSync(file, 'utf8'));
  });

  it('gives the same tree for 5,000 bodies stitched from tricky lines', () => {
    const lines = [
      'Plain words, a date like 9 May 2017, and a name.',
      '[[person-1|Senator Mira Voss]] said so.',
      '| a | b |', '|---|:-:|', ':--', '---', '- | x |', '> | a |', '> |-|', '  | - |', 'a | b', '-|-', '1. first', '- [ ] task', '- [x] done',
      'www.example.org', 'see https://example.org/x.', 'HTTP://EXAMPLE.ORG', 'desk@example.org', 'a @ sign alone', 'mailto:x@y.org',
      '\t| a |', ' : -- : | -', '|:-', '>> :---:', '   ---:', 'x\t|\ty', '-:', '--',
      '~~struck~~', 'A note.[^n]', '[^n]: Its text.', '```', '    indented code | - |', '# Heading', 'Heading', '===', '', '', '',
    ];
    const random = mulberry32(11);
    for (let i = 0; i < 5000; i++) {
      const count = 1 + Math.floor(random() * 8);
      same(Array.from({ length: count }, () => lines[Math.floor(random() * lines.length)]).join('\n'));
    }
  });

  it('leaves out the costly extensions only where they could find nothing', () => {
    expect(extensionsFor('[[person-1|Mira Voss]] said on Tuesday that the vote - a close one - passed.')).toEqual({ bareLinks: false, tables: false });
    expect(extensionsFor('Write to desk@example.org.')).toEqual({ bareLinks: true, tables: false });
    expect(extensionsFor('| a |\n:--')).toEqual({ bareLinks: false, tables: true });
    expect(extensionsFor('Heading\n:--')).toEqual({ bareLinks: false, tables: true });
    expect(extensionsFor('A rule:\n\n---\n\nand prose.')).toEqual({ bareLinks: false, tables: true });
  });
});
