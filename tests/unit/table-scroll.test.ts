/** Tables in a body scroll in a box of their own, which the keyboard can reach. */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/lib/parse-markdown.ts';
import { renderTree } from '../../src/markdown/render.ts';

const render = (md: string) => renderTree(parseMarkdown(md));

describe('tables', () => {
  it('each table, from Markdown or raw HTML, is wrapped in a focusable, named box; nothing else is', () => {
    const html = render('| A | B |\n| --- | ---: |\n| 1 | 2 |\n\nText.\n\n<table><tr><td>x</td></tr></table>\n');
    const boxes = html.match(/<div class="table-scroll" tabindex="0" role="group" aria-label="[^"]+"><table>/g) ?? [];
    expect(boxes).toHaveLength(2);
    expect(html.match(/<table>/g)).toHaveLength(2);
    // The column's alignment is kept.
    expect(html).toContain('<td align="right">2</td>');
    expect(render('No table here.')).not.toContain('table-scroll');
  });
});
