import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import remarkTypography from '../../src/markdown/remark-typography.ts';
import { typeset } from '../../src/lib/typography.ts';
import { renderTree } from '../../src/markdown/render.ts';

describe('typeset', () => {
  it.each([
    ['double quotes', 'He said "no" twice.', 'He said \u201Cno\u201D twice.'],
    ['single quotes', "the 'plan' failed", 'the \u2018plan\u2019 failed'],
    ['apostrophes', "don't, Sessions' aide, Trump's lawyer", 'don\u2019t, Sessions\u2019 aide, Trump\u2019s lawyer'],
    ['an abbreviated year', "in the '90s", 'in the \u201990s'],
    ['a quote after an opening bracket', '("yes")', '(\u201Cyes\u201D)'],
    ['a quote after a dash', 'it was--"never"', 'it was\u2014\u201Cnever\u201D'],
    ['two and three dashes', 'a--b---c', 'a\u2014b\u2014c'],
    ['an ellipsis', 'and then...', 'and then\u2026'],
    ['nested quotes', `"He said 'go' now"`, '\u201CHe said \u2018go\u2019 now\u201D'],
    ['nothing to do', 'plain words', 'plain words'],
  ])('%s', (_, input, expected) => {
    expect(typeset(input)).toBe(expected);
  });

  it('closes a quote that follows a word in the previous text', () => {
    expect(typeset('" said', 'n')).toBe('\u201D said');
    expect(typeset('"yes"', '')).toBe('\u201Cyes\u201D');
  });

  it('is linear: a megabyte of quoted prose takes well under a second', () => {
    const text = '"Quoted," she said. '.repeat(50_000);
    const started = performance.now();
    const out = typeset(text);
    expect(out.startsWith('\u201CQuoted,\u201D she said.')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('remarkTypography in the tree', () => {
  const run = (markdown: string) => {
    const tree = remark().use(remarkGfm).parse(markdown) as Root;
    remarkTypography()(tree);
    return renderTree(tree);
  };

  it('curls quotes around a link by the text before and after it', () => {
    expect(run('He called "[Sessions](/people/jeff-sessions/)" weak.')).toContain('\u201C<a href="/people/jeff-sessions/">Sessions</a>\u201D weak');
  });

  it('leaves code and inline code alone', () => {
    const html = run('Use `"x" -- y...` here.\n\n```\n"quoted" -- code\n```');
    expect(html).toContain('<code>"x" -- y...</code>');
    expect(html).toContain('"quoted" -- code');
  });

  it('starts afresh in each block', () => {
    expect(run('He said "no\n\n"Yes" came later.')).toContain('<p>\u201CYes\u201D came later.</p>');
  });
});
