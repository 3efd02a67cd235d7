/**
 * Whether a built page holds what a reader came for: a whole document, a
 * `<main>` with something to see, and, for a record with a body, that body
 * rendered. It is the last guard against a page Astro ships empty.
 *
 * The page is read tag by tag, not parsed into a tree: a full HTML parser
 * spent 3.4-3.8 s on the 12,800 record pages of a 4,000-story site, this 0.1 s.
 * The pages are the site's own output, so only what they can hold is read:
 * comments, raw-text elements (`script`, `style`), tags with quoted or bare
 * attributes, and the text between them.
 */

/**
 * Attributes of a tag: `name`, `name=value`, `name="value"`, `name='value'`
 * (a `>` inside quotes is no end). The security-policy scan reads tags with it too.
 */
export const TAG_ATTRIBUTES = String.raw`(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*`;

/** A comment, or a start or end tag: `<!-- … -->`, `<name …>`, `</name>`. */
const TOKEN = new RegExp(String.raw`<!--[\s\S]*?-->|<(\/?)([a-zA-Z][^\s/>]*)(` + TAG_ATTRIBUTES + String.raw`)\s*\/?>`, 'g');

/** Elements that show something with no text inside them. */
const EMBEDDED = new Set(['img', 'picture', 'svg', 'video', 'audio', 'table', 'hr', 'input', 'iframe', 'canvas', 'object', 'math']);

/** Entities that stand for a space, which a reader does not see. */
const SPACE_ENTITY = /&(?:nbsp|ensp|emsp|thinsp|#0*(?:9|10|12|13|32|160)|#x0*(?:9|a|c|d|20|a0));/gi;

/** Whether the text between two tags shows anything (entities for spaces count as spaces). */
const showsText = (text: string) => /\S/.test(text.includes('&') ? text.replace(SPACE_ENTITY, ' ') : text);

/** The element's classes, from its attribute text. */
function classesOf(attributes: string): string[] {
  const match = /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>\x60]+))/i.exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '').split(/\s+/) : [];
}

/** A piece of a page: the text up to a tag, and the tag (none after the last). */
interface Piece {
  text: string;
  /** The tag's name in lower case; none for a comment or the end. */
  name?: string;
  closing: boolean;
  attributes: string;
  /** Just past the tag. */
  end: number;
}

/** Where each raw-text element ends: its content may hold anything ("</div>" in a script). */
const RAW_TEXT_END: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };

/** The pieces of `html` from `from` to `to`, in order; a raw-text element's content is skipped. */
function* pieces(html: string, from: number, to: number): Generator<Piece> {
  let at = from;
  TOKEN.lastIndex = from;
  for (let match = TOKEN.exec(html); match && match.index < to; match = TOKEN.exec(html)) {
    const [, closing, name, attributes] = match;
    const text = html.slice(at, match.index);
    at = TOKEN.lastIndex;
    const piece: Piece = { text, closing: closing === '/', attributes: attributes ?? '', end: at };
    if (name !== undefined) piece.name = name.toLowerCase();
    yield piece;
    const rawEnd = !piece.closing && piece.name !== undefined ? RAW_TEXT_END[piece.name] : undefined;
    if (rawEnd) {
      rawEnd.lastIndex = at;
      at = rawEnd.exec(html)?.index ?? to;
    }
    // The generator may have been paused while another scan used TOKEN.
    TOKEN.lastIndex = at;
  }
  yield { text: html.slice(at, Math.max(at, to)), closing: false, attributes: '', end: to };
}

/** Whether a piece shows something: text, or an embedded element (an image, a table…). */
const shows = (piece: Piece) => showsText(piece.text) || (!piece.closing && piece.name !== undefined && EMBEDDED.has(piece.name));

/**
 * Whether the element whose start tag ends at `from` shows anything before
 * its end tag (elements of the same name inside it are counted), looking no
 * further than `to`.
 */
function elementShows(html: string, name: string, from: number, to: number): boolean {
  let depth = 1;
  for (const piece of pieces(html, from, to)) {
    // The text comes before the tag, so inside the element even when the tag ends it.
    if (showsText(piece.text)) return true;
    if (piece.name === name) depth += piece.closing ? -1 : 1;
    if (depth === 0) return false;
    if (!piece.closing && piece.name !== undefined && EMBEDDED.has(piece.name)) return true;
  }
  return false;
}

/** The classes that hold a record's rendered body. */
const BODY_CLASSES = ['story-body', 'record-body'];

/**
 * What is wrong with a built page, or undefined: cut short (no `</html>` at
 * the end), an empty `<main>`, or (with `hasBody`) an empty or missing body
 * element (class `story-body` or `record-body`).
 */
export function pageContentProblem(html: string, hasBody: boolean): 'cut short' | 'main empty' | 'body empty' | undefined {
  if (html.trimEnd().slice(-7).toLowerCase() !== '</html>') return 'cut short';
  const mainStart = html.search(/<main[\s>]/i);
  const end = html.lastIndexOf('</main>');
  // Astro writes tags in lower case; another case costs a copy of the page.
  const mainEnd = end >= 0 ? end : html.toLowerCase().lastIndexOf('</main>');
  if (mainStart < 0 || mainEnd < mainStart) return 'main empty';
  let mainShows = false;
  let body: { name: string; from: number } | undefined;
  for (const piece of pieces(html, mainStart, mainEnd)) {
    if (shows(piece)) mainShows = true;
    if (hasBody && !body && !piece.closing && piece.name && classesOf(piece.attributes).some((c) => BODY_CLASSES.includes(c))) {
      body = { name: piece.name, from: piece.end };
    }
    if (mainShows && (!hasBody || body)) break;
  }
  if (!mainShows) return 'main empty';
  if (!hasBody) return undefined;
  return body && elementShows(html, body.name, body.from, mainEnd) ? undefined : 'body empty';
}
