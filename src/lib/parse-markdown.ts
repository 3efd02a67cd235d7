/**
 * Markdown to a syntax tree: CommonMark with GitHub's extensions (tables,
 * footnotes, strikethrough, task lists, bare links), as `remark-gfm` parses
 * it, the same tree to the byte.
 *
 * Two of those extensions are costly and rare in news copy. Bare links
 * (`www.…`, `https://…`, e-mail addresses) are looked for at every letter,
 * and again in the text of the finished tree: they doubled the parse of
 * 4,000 stories (2.5 s → 5.0 s), though no story had one. Tables cost
 * another 0.6 s. Each is left out of a body that cannot hold one: a bare link
 * needs `www.`, `http:`/`https:` or `@`; a table needs a delimiter row
 * (`| --- | :-: |`). The tree is the same either way, since an extension that
 * finds nothing adds nothing; the tests compare both parsers on every kind of
 * body.
 */
import { remark } from 'remark';
import type { Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

/** Where a bare link could start: `www.`, a web address's scheme, or an e-mail's `@` (mailto: and xmpp: ones have one too). */
const BARE_LINK = /www\.|https?:|@/i;

/**
 * A line that could be a table's delimiter row: cells of dashes with optional
 * colons, split by pipes, behind any blockquote markers or indentation. A
 * table of one column needs no pipe at all (`Heading` over `:--` is one), so
 * none is required here; a line of dashes alone (a rule) counts too.
 */
const DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/m;

/** Which of the costly extensions a body may need. */
export function extensionsFor(body: string): { bareLinks: boolean; tables: boolean } {
  return { bareLinks: BARE_LINK.test(body), tables: DELIMITER_ROW.test(body) };
}

/** A frozen remark processor, as far as parsing goes. */
interface Parser {
  parse(body: string): Root;
}

/** One parser for each combination of the costly extensions, made when first needed. */
const parsers = new Map<string, Parser>();

function parserFor(bareLinks: boolean, tables: boolean): Parser {
  const key = `${bareLinks}:${tables}`;
  let parser = parsers.get(key);
  if (!parser) {
    // In remark-gfm's order, which settles which extension tries a character first.
    const micromark: Extension[] = [
      ...(bareLinks ? [gfmAutolinkLiteral()] : []),
      gfmFootnote(),
      gfmStrikethrough(),
      ...(tables ? [gfmTable()] : []),
      gfmTaskListItem(),
    ];
    parser = remark()
      .use(function gfmParts() {
        const data = this.data();
        (data.micromarkExtensions ??= []).push(...micromark);
        // The bare-link part also searches every text for addresses once parsed: left out with its syntax.
        const trees = gfmFromMarkdown().filter((part) => bareLinks || !part.enter?.['literalAutolink']);
        (data.fromMarkdownExtensions ??= []).push(trees);
      })
      .freeze();
    parsers.set(key, parser);
  }
  return parser;
}

/** The syntax tree of a Markdown body, with positions. */
export function parseMarkdown(body: string): Root {
  const { bareLinks, tables } = extensionsFor(body);
  return parserFor(bareLinks, tables).parse(body);
}
