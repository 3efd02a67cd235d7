/**
 * Mentions: the `[[target]]` and `[[target|shown text]]` links in a body.
 *
 * One transform serves both sides of the build: the Markdown plugin runs it to
 * render links, and the graph runs it on a parsed body to learn who is
 * mentioned where. Because both use the same code, the paragraph anchor a
 * person page links to is the id the story page renders.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Target } from './records.ts';
import type { LinkIndex } from './resolve.ts';
import { toId } from './ids.ts';

export interface Mention {
  target: Target;
  /** The words the reader sees. */
  text: string;
  /** Id of the paragraph the mention stands in (for `#anchor` links), when it stands in one. */
  anchor?: string;
  /** The sentence around the mention, as plain text. */
  sentence: string;
  /** Where the shown words start and end within `sentence`. */
  start: number;
  end: number;
  /** 1-based line and column within the body. */
  line: number;
  column: number;
}

export interface MentionProblem {
  message: string;
  hint?: string;
  line: number;
  column: number;
}

export interface MentionOptions {
  index: LinkIndex;
  /** The URL of a target's page. */
  href: (target: Target) => string;
}

export interface MentionResult {
  mentions: Mention[];
  problems: MentionProblem[];
}

/** `[[target]]` or `[[target|shown]]`; neither part may hold brackets, the target no pipe. */
const WIKILINK = /\[\[([^[\]|\n]+?)(?:\|([^[\]\n]+?))?\]\]/g;

/** Blocks that get a stable anchor and whose text is split into sentences. */
const ANCHORED = new Set(['paragraph']);

/** Nodes whose text is never turned into links. */
const OPAQUE = new Set(['link', 'linkReference', 'code', 'inlineCode', 'html', 'definition']);

interface Pending {
  node: Mention;
  link: PhrasingContent;
}

/**
 * Replaces every wikilink in the tree with a link node (class `mention`,
 * `data-ref="person:id"`), gives each paragraph a stable `id`, and returns
 * the mentions with their sentences plus any target that could not be
 * resolved.
 */
export function linkMentions(tree: Root, options: MentionOptions): MentionResult {
  const mentions: Mention[] = [];
  const problems: MentionProblem[] = [];
  const anchors = new AnchorAllocator();

  // Mentions outside any paragraph (headings, table cells) keep no anchor.
  const unanchored: Pending[] = [];

  const walk = (parent: Parent, block: Pending[]): void => {
    const children: RootContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'text') {
        children.push(...splitText(child, options, problems, block));
        continue;
      }
      children.push(child);
      if (OPAQUE.has(child.type) || !('children' in child)) continue;
      if (ANCHORED.has(child.type)) {
        const pending: Pending[] = [];
        walk(child, pending);
        const anchor = anchors.allocate(plainText(child));
        setId(child, anchor);
        mentions.push(...withSentences(child, pending, anchor));
      } else {
        walk(child, block);
      }
    }
    parent.children = children;
  };
  walk(tree, unanchored);
  mentions.push(...unanchored.map((p) => p.node));
  mentions.sort((a, b) => a.line - b.line || a.column - b.column);

  return { mentions, problems };
}

function splitText(node: Text, options: MentionOptions, problems: MentionProblem[], block: Pending[]): PhrasingContent[] {
  const value = node.value;
  WIKILINK.lastIndex = 0;
  if (!WIKILINK.test(value)) return [node];
  WIKILINK.lastIndex = 0;

  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(WIKILINK)) {
    const at = match.index;
    const targetText = match[1]!.trim();
    const { line, column } = positionAt(node, at);
    const resolution = options.index.resolve(targetText);
    // `[[jeff-sessions]]` reads as the name; any other target as written.
    const shown = (match[2] ?? (resolution.ok && resolution.target.id === targetText ? resolution.label : targetText)).trim();
    if (at > last) out.push({ type: 'text', value: value.slice(last, at) });
    last = at + match[0].length;
    if (!resolution.ok) {
      problems.push({ message: resolution.message, hint: resolution.hint, line, column });
      out.push({ type: 'text', value: shown });
      continue;
    }
    const target = resolution.target;
    const link: PhrasingContent = {
      type: 'link',
      url: options.href(target),
      children: [{ type: 'text', value: shown }],
      data: {
        hProperties: { className: ['mention', `mention-${target.kind}`], 'data-ref': `${target.kind}:${target.id}` },
      },
    };
    out.push(link);
    block.push({ node: { target, text: shown, sentence: shown, start: 0, end: shown.length, line, column }, link });
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/** Line and column of an offset inside a text node, from the node's own position. */
function positionAt(node: Text, offset: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, offset);
  const newlines = before.split('\n');
  if (newlines.length === 1) return { line: start.line, column: start.column + offset };
  return { line: start.line + newlines.length - 1, column: newlines.at(-1)!.length + 1 };
}

/** Text of a block as a reader sees it; footnote markers and raw HTML left out. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'footnoteReference' || node.type === 'html') return '';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Places each mention of a block in the sentence that holds it. */
function withSentences(block: Parent, pending: Pending[], anchor: string): Mention[] {
  if (pending.length === 0) return [];
  // Offsets of each mention link within the block's plain text.
  const offsets = new Map<PhrasingContent, number>();
  let text = '';
  const visit = (node: Nodes): void => {
    if ((node.type === 'link' || node.type === 'text') && pending.some((p) => p.link === node)) offsets.set(node, text.length);
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'break') text += ' ';
    else if (node.type !== 'footnoteReference' && node.type !== 'html' && 'children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(block as Nodes);

  const sentences = [...sentenceSegmenter.segment(text)];
  return pending.map(({ node, link }) => {
    const offset = offsets.get(link) ?? 0;
    const segment = sentences.find((s) => offset >= s.index && offset < s.index + s.segment.length) ?? sentences[0];
    const raw = segment?.segment ?? text;
    const base = segment?.index ?? 0;
    const leading = raw.length - raw.trimStart().length;
    const sentence = raw.trim().replace(/\s+/g, ' ');
    const start = Math.max(0, offset - base - leading);
    return { ...node, anchor, sentence, start, end: Math.min(sentence.length, start + node.text.length) };
  });
}

function setId(node: Parent, id: string): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...data.hProperties, id };
}

/**
 * Paragraph anchors from the paragraph's first words: `p-sessions-was-removed-from`.
 * They survive edits elsewhere in the story (unlike `p-7`), and repeats get `-2`, `-3`.
 */
class AnchorAllocator {
  private readonly used = new Map<string, number>();

  allocate(text: string): string {
    const words = toId(text).split('-').filter(Boolean).slice(0, 5).join('-').slice(0, 48).replace(/-+$/, '');
    const base = `p-${words || 'paragraph'}`;
    const count = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}
