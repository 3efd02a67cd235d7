/**
 * Markup in a body that the reader would get broken, with no error from the
 * Markdown parser, which reads it as plain text or drops it:
 *
 * - a note marker with no note (`[^balot]` where the note is `[^ballot]:`)
 *   shows as "[^balot]", and the correction is not on the page;
 * - a note no marker points to is left out of the page;
 * - a `[[link]]` inside a Markdown link's text or an image's description
 *   cannot be a link there, and shows its brackets.
 *
 * Each is reported at its place in the body, like a mistyped `[[link]]`. The
 * body's own images are listed too, a raw `<img src="/…">` among them, and its
 * links to the site itself: whether their files and pages exist is for the
 * caller to ask each run (see `missingImages` and `brokenLinks`), as the
 * answer is no part of the body. Raw HTML the page leaves out (an `<iframe>`
 * player, a tweet's `<script>`) is a warning: the words around it may point
 * at something the reader will not see.
 */
import type { Nodes, Root, Text } from 'mdast';
import { WIKILINK, type MentionProblem } from './mentions.ts';
import { didYouMean, positionAt } from './errors.ts';
import { nearest } from './nearest.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalLink } from './internal-links.ts';

/** A note marker as plain text: what the parser leaves of a marker whose note does not exist. */
const MARKER = /\[\^([^\]\s]+)\]/g;

/** Labels match as Markdown matches them: case and runs of whitespace do not count. */
const identifier = (label: string) => label.replace(/\s+/g, ' ').trim().toLowerCase();

/** An image of this site's own that a body shows (`/images/tug.png`, `tug.png`), as written, and where. */
export interface LocalImage {
  url: string;
  line: number;
  column: number;
}

/** Another host's (`https:`, `//host/…`, or `/\host/…`, which browsers read as `//`) or inline (`data:`): nothing to look for in the project. */
const ELSEWHERE = /^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})/i;

/** Raw HTML the sanitizer takes out whole: players, scripts and other embeds. */
const EMBED = /<(iframe|script|embed|object|video|audio)\b/gi;
/** A raw image and its address. */
const RAW_IMAGE = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export function brokenMarkup(tree: Root, source: string): { problems: MentionProblem[]; warnings: MentionProblem[]; images: LocalImage[]; links: LocalLink[] } {
  const problems: MentionProblem[] = [];
  const warnings: MentionProblem[] = [];
  const images: LocalImage[] = [];
  const links: LocalLink[] = [];
  const notes = new Map<string, { label: string; offset: number | undefined }>();
  const marked = new Set<string>();
  const strayMarkers: { label: string; offset: number }[] = [];

  /** Where `piece` of a node's text is in the source, unless the source escapes it (`\[`) or spells it otherwise. */
  const written = (node: { position?: Text['position'] }, piece: string): number | undefined => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return undefined;
    const found = source.indexOf(piece, from);
    if (found < 0 || found >= to || source[found - 1] === '\\') return undefined;
    return found;
  };

  const visit = (node: Nodes, inLink: boolean): void => {
    switch (node.type) {
      case 'footnoteDefinition':
        notes.set(identifier(node.identifier), { label: node.label ?? node.identifier, offset: node.position?.start.offset });
        break;
      case 'footnoteReference':
        marked.add(identifier(node.identifier));
        break;
      case 'text':
        // Most text has neither; a substring test is cheaper than starting a regular expression.
        if (node.value.includes('[^')) for (const match of node.value.matchAll(MARKER)) {
          const offset = written(node, match[0]);
          if (offset !== undefined) strayMarkers.push({ label: match[1]!, offset });
        }
        if (inLink && node.value.includes('[[')) for (const match of node.value.matchAll(WIKILINK)) linkInside(match[0], written(node, match[0]), 'a Markdown link’s text', 'take it out of the [text](address), or write the words without brackets');
        break;
      case 'image':
        if (!ELSEWHERE.test(node.url) && node.position) images.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
      // falls through: its description is checked like a reference image's
      case 'imageReference':
        if (node.alt?.includes('[[')) for (const match of node.alt.matchAll(WIKILINK)) linkInside(match[0], written(node, match[0]), 'an image’s description', 'write the words without brackets');
        // A reader who cannot see the image hears nothing of it: the page says it is there, and no more.
        if (!node.alt?.trim() && node.position) {
          warnings.push({
            message: 'the image has no description (alt text): a reader who cannot see it learns nothing of it',
            hint: 'describe it between the brackets, ![A tug in the harbour at dawn](/images/tug.png)',
            line: node.position.start.line,
            column: node.position.start.column,
          });
        }
        break;
      case 'html':
        rawHtml(node.value, node.position?.start.offset);
        break;
      case 'link':
      case 'definition':
        if (!ELSEWHERE.test(node.url) && node.position) links.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child, inLink || node.type === 'link' || node.type === 'linkReference');
  };

  const rawHtml = (html: string, start: number | undefined) => {
    if (start === undefined || !html.includes('<')) return;
    for (const match of html.matchAll(EMBED)) {
      warnings.push({
        message: `the <${match[1]!.toLowerCase()}> here is left out of the page: the site shows no embedded players, posts or scripts`,
        hint: 'link to it instead, [Watch the remarks](https://…), so readers can follow it',
        ...positionAt(source, start + match.index),
      });
    }
    // Only an address from the site's root: raw HTML pasted from elsewhere (or written to attack the page,
    // `<img src=x onerror=…>`) is cleaned, not taken for an image of the site's own.
    for (const match of html.matchAll(RAW_IMAGE)) {
      const url = match[1] ?? match[2] ?? match[3] ?? '';
      if (url.startsWith('/') && !ELSEWHERE.test(url)) images.push({ url, ...positionAt(source, start + match.index) });
    }
  };

  const linkInside = (link: string, offset: number | undefined, where: string, fix: string) => {
    if (offset === undefined) return;
    problems.push({ message: `${link} is inside ${where}, where it cannot be a link and would show its brackets`, hint: fix, ...positionAt(source, offset) });
  };

  visit(tree, false);

  for (const { label, offset } of strayMarkers) {
    if (notes.has(identifier(label))) continue;
    const suggestion = didYouMean(nearest(label, [...notes.values()].map((note) => note.label)).map((near) => `[^${near}]`));
    problems.push({
      message: `no note is called [^${label}], so the marker would show as text and the note is missing`,
      hint: suggestion ?? `write the note on a line of its own after the paragraph: "[^${label}]: The correction."; to show the brackets as text, write \\[^${label}]`,
      ...positionAt(source, offset),
    });
  }
  for (const [id, note] of notes) {
    if (marked.has(id) || note.offset === undefined) continue;
    problems.push({
      message: `no marker points to the note [^${note.label}], so it is left out of the page`,
      hint: `put [^${note.label}] right after the passage it corrects, or delete the note`,
      ...positionAt(source, note.offset),
    });
  }
  return { problems, warnings, images, links };
}

/**
 * The images a body shows that the site will not have: a path relative to
 * the page (a page is a folder, `/stories/x/`, so `tug.png` is looked for
 * there), or a file missing from `public/`. URLs as written, before the base.
 */
export function missingImages(images: readonly LocalImage[], publicDir: string): (LocalImage & { message: string; hint: string })[] {
  const missing: (LocalImage & { message: string; hint: string })[] = [];
  for (const image of images) {
    const path = image.url.replace(/[?#].*$/, '');
    if (!path.startsWith('/')) {
      const name = path.replace(/^(?:\.\/)+/, '');
      missing.push({ ...image, message: `the image "${image.url}" is a path from the page, which the site does not have`, hint: `put the file in public/ and write it from the root: /${name.startsWith('images/') ? name : `images/${name.split('/').at(-1)}`}` });
      continue;
    }
    let file: string;
    try {
      file = decodeURIComponent(path);
    } catch {
      file = path;
    }
    if (!existsSync(join(publicDir, file))) {
      missing.push({ ...image, message: `the image "${image.url}" is not in public/`, hint: `add the file public${file}, or correct the path` });
    }
  }
  return missing;
}
