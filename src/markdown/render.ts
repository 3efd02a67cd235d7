/**
 * From a linked Markdown tree to the HTML of a body. The content check parses
 * each body once and links its mentions (`src/lib/extract.ts`); this
 * finishes the same tree instead of parsing the text a second time:
 *
 *   mdast (mentions linked) → typography → hast (`mdast-to-hast.ts`) → raw HTML parsed →
 *   sanitized → heading ids (rehype-slug) → editor's notes → external links →
 *   tables in scrolling boxes → the site's own words marked with its language → HTML
 *
 * Raw HTML is parsed before the sanitizer so that the sanitizer sees it, and
 * typography runs after the links exist so quotes around a link curl the
 * right way.
 */
import type { Root } from 'mdast';
import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import type { Renderer } from '../lib/extract.ts';
import { unified } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkTypography from './remark-typography.ts';
import remarkToHast from './mdast-to-hast.ts';
import rehypeSlugHeadings from './rehype-slug-headings.ts';
import rehypeEditorNotes from './rehype-editor-notes.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import rehypeSiteLanguage from './rehype-site-language.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/**
 * rehype-raw re-parses the whole body through an HTML parser; most bodies
 * have no raw HTML, and for them it would only cost time.
 */
function rehypeRawWhenPresent() {
  const parseRaw = rehypeRaw();
  const hasRaw = (node: HastNodes): boolean => node.type === 'raw' || ('children' in node && node.children.some(hasRaw));
  return (tree: HastRoot, file: VFile) => (hasRaw(tree) ? parseRaw(tree, file) : tree);
}

/** How the Markdown tree becomes an HTML tree (mdast-util-to-hast's options). */
export const TO_HAST_OPTIONS = { allowDangerousHtml: true, footnoteLabel: 'Editor’s notes', footnoteBackLabel: 'Back to the passage' } as const;

const processor = unified()
  .use(remarkTypography)
  .use(remarkToHast, TO_HAST_OPTIONS)
  .use(rehypeRawWhenPresent)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeSlugHeadings)
  .use(rehypeEditorNotes)
  .use(rehypeExternalLinks)
  .use(rehypeTableScroll)
  .use(rehypeSiteLanguage)
  .use(rehypeStringify)
  .freeze();

/** Renders a parsed, linked body to HTML, written in `lang` when given. The tree is changed on the way. */
export function renderTree(tree: Root, lang?: string): string {
  return processor.stringify(processor.runSync(tree, { data: { lang } }) as never);
}

/**
 * The renderer the build hands to the content check. Cached bodies are also
 * keyed by a digest of this folder's code, so `version` only needs a bump
 * when the HTML changes for another reason (a new version of a plugin).
 */
export const renderer: Renderer = { render: renderTree, version: 1 };
