/**
 * The body transform: mentions and dates in a Markdown tree.
 *
 * - `[[target]]` and `[[target|shown text]]` become links to person and event
 *   pages; with `autolink`, people's names and aliases are linked too, on
 *   their first mention in each section.
 * - Every paragraph gets a stable anchor, and every mention the sentence
 *   around it, so a person page can quote the sentence and link to the
 *   paragraph.
 * - With `published`, relative dates ("last year", "on Friday") are wrapped in
 *   `<time>` with the absolute date beside them, and conflicts are flagged.
 *
 * One transform serves both sides of the build: the Markdown plugin runs it to
 * render, and the graph runs it on a parsed body to learn who is mentioned
 * where. Because both use the same code, the anchor a person page links to is
 * the id the story page renders.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Target } from './records.ts';
import type { LinkIndex } from './resolve.ts';
import { toId } from './ids.ts';
import { endOf, formatDate, formatRange, formatTwoDays, overlaps, startOf, toIso, type PartialDate } from './dates.ts';
import { eventWhen } from './event-when.ts';
import { anchorDates, leadingYear, quotedSpans, type AnchoredDate } from './anchor-dates.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { typeset } from './typography.ts';
import { readsAsVerb, WORD_SURNAMES } from './news-words.ts';

export interface Mention {
  target: Target;
  /** The words the reader sees. */
  text: string;
  /** `explicit` for `[[…]]`, `auto` for a name found in the text. */
  via: 'explicit' | 'auto';
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
  /** In an editor's note (a footnote): the editor's words, not the article's. */
  note?: true;
}

export interface MentionProblem {
  message: string;
  hint?: string;
  line: number;
  column: number;
}

/** A relative date that was anchored, as reported to the editor. */
export interface DateNote {
  /** The original words. */
  text: string;
  /** The resolved date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a span of days is its first and last day, `YYYY-MM-DD/YYYY-MM-DD`. */
  datetime: string;
  /** Why the date looks wrong, when it does. */
  conflict?: string;
  line: number;
  column: number;
}

export interface MentionOptions {
  index: LinkIndex;
  /** The URL of a target's page. */
  href: (target: Target) => string;
  /** The Markdown source the tree was parsed from, for exact line and column numbers. */
  source?: string;
  /** Link people's names found in the text (first mention per section). */
  autolink?: boolean;
  /** The story's publication day: turns on anchoring of relative dates. */
  published?: PartialDate;
  /** The day the story was last updated, when it was: the past tense reaches up to it ("updated on April 24"). */
  updated?: PartialDate;
  /** The record whose body this is: its own name is not autolinked to itself. */
  self?: Target;
  /** The people the record lists (a story's or event's `people`): they are in it before the body names them. */
  listed?: readonly string[];
}

export interface MentionResult {
  mentions: Mention[];
  problems: MentionProblem[];
  /** Words left unlinked because they may mean more than one person. */
  warnings: MentionProblem[];
  dates: DateNote[];
}

/**
 * `[[target]]` or `[[target|shown]]`; neither part may hold brackets, the
 * target no pipe. Either may wrap onto the next line of its paragraph. (An
 * empty `shown` is matched to be reported.)
 */
export const WIKILINK = /\[\[([^[\]|]+?)(?:\|([^[\]]*?))?\]\]/g;

/** The text before a word that opens a sentence: nothing, or a sentence's end and a space. */
const OPENS_SENTENCE = /(?:^|[.!?]["”’)]*\s+)$/u;

/** How a link is written, for the messages about one written wrong. */
const LINK_FORMS = 'a link is `[[target]]` or `[[target|shown words]]`, with no formatting inside; to show the brackets themselves, write `\\[\\[`';

/**
 * Blocks that get a stable anchor and whose text is split into sentences. A
 * table's row is one: a name in a results table is quoted with its row
 * ("Luis de la Cruz · Guilty · 12 years") and linked in context.
 */
const ANCHORED = new Set(['paragraph', 'tableRow']);

/** Between a row's cells in its text, as a quote shows them. */
const CELL_GAP = ' · ';

/** Nodes whose text is never turned into links or dates. */
const OPAQUE = new Set(['link', 'linkReference', 'code', 'inlineCode', 'html', 'definition']);

/** Nodes that start a new section: a name is linked again on its first mention after one. */
const SECTION_START = new Set(['heading', 'footnoteDefinition']);

interface Pending {
  node: Omit<Mention, 'anchor' | 'sentence' | 'start' | 'end'>;
  link: PhrasingContent;
}

interface Context {
  /** Mentions of the enclosing paragraph (or of no paragraph). */
  block: Pending[];
  /** Inside a heading: explicit links only, no autolinks, no dates. */
  inHeading: boolean;
  /** Inside an editor's note (a footnote): the editor's own words, whose dates are not anchored. */
  inNote: boolean;
  /** Under a list item that opens with another year than the publication's (`namesAnotherYear`; headings and lead-ins: {@link YearFrames}). */
  framed: boolean;
  /** In a block quotation: its days are the speaker's, as in a direct quotation ("today" is the day it was said). */
  inQuote: boolean;
}

/**
 * The years the headings above a block open with. Under "## 2016" (or a
 * lead-in paragraph "**2016**"), "in March" is most likely March 2016, which
 * the words alone do not say: such dates are left as written, as after "In
 * 2016" in the same sentence. A heading that does not open with a year
 * ("## Background", "## The 2019 campaign and what it means now") keeps the
 * year of a heading above it of a higher level; one of the same or a higher
 * level ends it.
 */
class YearFrames {
  private readonly open: { depth: number; framed: boolean }[] = [];
  private readonly published: PartialDate | undefined;
  constructor(published: PartialDate | undefined) {
    this.published = published;
  }

  /** A heading (depth 1–6) or a lead-in (deeper than any) with its words. */
  enter(depth: number, words: string): void {
    while ((this.open.at(-1)?.depth ?? 0) >= depth) this.open.pop();
    const year = this.published ? leadingYear(words) : undefined;
    if (year !== undefined) this.open.push({ depth, framed: year !== this.published!.year });
  }

  get framed(): boolean {
    return this.open.at(-1)?.framed ?? false;
  }
}

/**
 * A short paragraph of only bold or italic words ("**2016**", "*Spring
 * 2018:*"): a heading in all but name. A long one is a note of its own
 * ("**Correction: an earlier version misstated the 2016 vote.**").
 */
const LEAD_IN_DEPTH = 7;
const LEAD_IN_LENGTH = 40;
function isLeadIn(node: RootContent): boolean {
  return node.type === 'paragraph' && node.children.some((c) => c.type === 'strong' || c.type === 'emphasis') &&
    node.children.every((c) => c.type === 'strong' || c.type === 'emphasis' || (c.type === 'text' && /^[\s:.—–-]*$/.test(c.value))) &&
    plainText(node).length <= LEAD_IN_LENGTH;
}

/**
 * Transforms the tree in place and returns the mentions with their sentences,
 * the anchored dates, and any target that could not be resolved.
 */
export function linkMentions(tree: Root, options: MentionOptions): MentionResult {
  const mentions: Mention[] = [];
  const problems: MentionProblem[] = [];
  const warnings: MentionProblem[] = [];
  const dates: DateNote[] = [];
  const anchors = new AnchorAllocator();
  const locator = new Locator(options.source);
  // People already linked in the current section.
  let linked = new Set<string>();
  // People the record is about so far: those it lists, and those named up to here (in any section).
  const present = new Set<string>(options.listed ?? []);
  // Names left unlinked for being ambiguous, each reported once.
  const leftAmbiguous = new Set<string>();
  const unanchored: Pending[] = [];
  const years = new YearFrames(options.published);

  const linkFor = (target: Target, shown: string, via: Mention['via']): PhrasingContent => ({
    type: 'link',
    url: options.href(target),
    children: [{ type: 'text', value: shown }],
    data: {
      hProperties: {
        className: ['mention', `mention-${target.kind}`],
        dataRef: `${target.kind}:${target.id}`,
        ...(via === 'auto' ? { dataAuto: '' } : {}),
      },
    },
  });

  const splitText = (node: Text, ctx: Context): PhrasingContent[] => {
    const value = node.value;
    const out: PhrasingContent[] = [];
    const cursor = locator.cursor(node);
    // The node's brackets, only when it may hold a link: whether each is escaped (`\[`), and where it is in the file.
    const brackets = value.includes('[[') || value.includes(']]') ? locator.brackets(node) : undefined;
    const escaped = (at: number) => brackets?.get(at)?.escaped === true;
    /** Where the links taken out of the text start and end. */
    const taken: [number, number][] = [];
    const plain = (text: string) => {
      if (!text) return;
      if (!options.autolink || ctx.inHeading) {
        out.push({ type: 'text', value: text });
        return;
      }
      let last = 0;
      const matches = options.index.names.find(text);
      /** Where each person is last named in more than one word in this text. */
      const lastLong = new Map<string, number>();
      for (const [i, match] of matches.entries()) if (/\s/.test(match.text.trim())) lastLong.set(match.id, i);
      for (const [i, match] of matches.entries()) {
        const key = `person:${match.id}`;
        const self = options.self?.kind === 'person' && options.self.id === match.id;
        // "Müller", an alias of Hans-Peter Müller, in a story that names Greta Müller: linked, or
        // counted as his, it might tie her words to him. Left as words, and the editor told.
        const meant = self ? [] : options.index.alsoInNamesOf(match.text, match.id).filter((id) => present.has(id));
        if (meant.length > 0) {
          if (!leftAmbiguous.has(match.text)) {
            leftAmbiguous.add(match.text);
            const label = (id: string) => options.index.labelOf({ kind: 'person', id } as Target);
            const owner = `${label(match.id)} (\`${match.id}\`)`;
            warnings.push({
              message: present.has(match.id)
                ? `"${match.text}" is not linked: it may be ${owner} or ${meant.map(label).join(' or ')}, all named in this record`
                : `"${match.text}" is not linked: it names ${owner}, whom this record does not name otherwise, and is part of the name of ${meant.map(label).join(' and ')}, whom it does`,
              hint: `link each such mention: ${[...meant, match.id].map((id) => `[[${id}|${match.text}]]`).join(' or ')}`,
              ...cursor.find(match.text),
            });
          }
          continue;
        }
        if (linked.has(key) || self) {
          present.add(match.id);
          continue;
        }
        // One word that names someone ("Young"), then their name in words that say more ("Rosa Young"):
        // the second is surely them, the first may be an ordinary word ("Young residents…"). It is the one linked.
        const oneWord = !/\s/.test(match.text.trim());
        if ((lastLong.get(match.id) ?? -1) > i && oneWord) continue;
        // A one-word name with a number after it names a place or a thing, not its person: "Ward 12", "Bell 206".
        const number = oneWord ? /^\s(\d[\p{L}\d]*)/u.exec(text.slice(match.end))?.[1] : undefined;
        if (number !== undefined) {
          const words = `${match.text} ${number}`;
          if (!leftAmbiguous.has(words)) {
            leftAmbiguous.add(words);
            const owner = options.index.labelOf({ kind: 'person', id: match.id } as Target);
            warnings.push({
              message: `"${words}" reads as the name of a place or thing (a ward, a room, a model), not ${owner}: it is not linked`,
              hint: `if it is them, link it: [[${match.id}|${match.text}]]`,
              ...cursor.find(match.text),
            });
          }
          continue;
        }
        // A surname that is an everyday word, opening a sentence and followed by a small word, is as likely the
        // word as the name: "Young jurors took notes", "Bell rang". Before the record has named its owner it is
        // taken for the word; after, for the name only where that word reads as its verb ("Rich said", not
        // "Rich investors").
        const next = oneWord && WORD_SURNAMES.has(match.text.trim()) && OPENS_SENTENCE.test(text.slice(0, match.start)) ? /^\s+(\p{Ll}[\p{L}'’]*)/u.exec(text.slice(match.end))?.[1] : undefined;
        if (next !== undefined && (!present.has(match.id) || !readsAsVerb(next))) {
          if (!leftAmbiguous.has(match.text)) {
            leftAmbiguous.add(match.text);
            const owner = options.index.labelOf({ kind: 'person', id: match.id } as Target);
            warnings.push({
              message: present.has(match.id)
                ? `"${match.text} ${next}" opens a sentence and reads as the ordinary word, not ${owner}: it is not linked`
                : `"${match.text}" opens a sentence before this record names ${owner} and is not linked: it may be the ordinary word`,
              hint: `if it is them, ${present.has(match.id) ? '' : 'name them in full first, or '}link it: [[${match.id}|${match.text}]]`,
              ...cursor.find(match.text),
            });
          }
          continue;
        }
        linked.add(key);
        present.add(match.id);
        if (match.start > last) out.push({ type: 'text', value: text.slice(last, match.start) });
        const target: Target = { kind: 'person', id: match.id };
        const link = linkFor(target, match.text, 'auto');
        out.push(link);
        ctx.block.push({ node: { target, text: match.text, via: 'auto', ...cursor.find(match.text), ...(ctx.inNote ? { note: true as const } : {}) }, link });
        last = match.end;
      }
      if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
    };

    let last = 0;
    for (const match of value.matchAll(WIKILINK)) {
      const end = match.index + match[0].length;
      // Brackets written `\[\[` are text.
      if ([match.index, match.index + 1, end - 2, end - 1].some(escaped)) continue;
      taken.push([match.index, end]);
      plain(value.slice(last, match.index));
      last = end;
      const where = cursor.find(match[0]);
      const targetText = match[1]!.trim();
      if (!targetText) {
        problems.push({ message: `the link ${match[0]} is empty`, hint: 'write the id, name or title of a person or event between the brackets', ...where });
        continue;
      }
      const resolution = options.index.resolve(targetText, match[2]?.trim() || undefined);
      // `[[jeff-sessions]]` reads as the name; any other target as written.
      // A link wrapped onto the next line reads as one line.
      const shown = (match[2] ?? (resolution.ok && resolution.target.id === targetText ? resolution.label : targetText)).trim().replace(/\s+/g, ' ');
      if (!resolution.ok) {
        problems.push({ message: resolution.message, hint: resolution.hint, ...where });
        out.push({ type: 'text', value: shown });
        continue;
      }
      if (!shown) {
        problems.push({ message: `nothing to show after the \`|\` of ${match[0]}`, hint: `write the words to show after \`|\`, or write [[${targetText}]] to show the ${resolution.target.kind === 'person' ? 'name' : 'title'}`, ...where });
        continue;
      }
      linked.add(`${resolution.target.kind}:${resolution.target.id}`);
      present.add(resolution.target.id);
      const link = linkFor(resolution.target, shown, 'explicit');
      out.push(link);
      ctx.block.push({ node: { target: resolution.target, text: shown, via: 'explicit', ...where, ...(ctx.inNote ? { note: true as const } : {}) }, link });
    }
    plain(value.slice(last));
    if (brackets) {
      const stray = strayBracket(value, brackets, taken);
      if (stray) problems.push({ message: stray.message, hint: LINK_FORMS, ...locator.bracketPlace(node, stray.bracket) });
    }
    return out;
  };

  // Items of tight lists: their paragraphs are no <p> of their own in the page (see `walk`).
  const tightItems = new WeakSet<Parent>();
  const walk = (parent: Parent, ctx: Context): void => {
    const children: RootContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'text') {
        children.push(...splitText(child, ctx));
        continue;
      }
      children.push(child);
      if (SECTION_START.has(child.type)) linked = new Set();
      if (child.type === 'heading') years.enter(child.depth, plainText(child));
      else if (isLeadIn(child)) years.enter(LEAD_IN_DEPTH, plainText(child));
      if (child.type === 'list' && !child.spread && !child.children.some((item) => item.spread)) for (const item of child.children) tightItems.add(item);
      if (OPAQUE.has(child.type) || !('children' in child)) continue;
      if (ANCHORED.has(child.type)) {
        const pending: Pending[] = [];
        walk(child, { ...ctx, block: pending });
        const anchor = anchors.allocate(plainText(child));
        // A tight list's item shows its first paragraph's words without a <p>: the item carries the anchor.
        setId(tightItems.has(parent) && parent.children[0] === child ? parent : child, anchor);
        const text = layout(child);
        // Dates first: the quotes of the mentions carry their resolved dates too ("last year's (2016) elections").
        const framed = ctx.framed || years.framed;
        const anchored = options.published && !ctx.inHeading && !ctx.inNote ? anchorDatesIn(child, text, pending, options.published, { framed, quoted: ctx.inQuote, updated: options.updated }, options.index, locator) : undefined;
        if (anchored) dates.push(...anchored.notes);
        mentions.push(...withSentences(text, pending, anchor, anchored?.resolved));
      } else {
        walk(child, {
          block: ctx.block,
          inHeading: ctx.inHeading || child.type === 'heading',
          inNote: ctx.inNote || child.type === 'footnoteDefinition',
          // "- **Spring 2018**: …" with "  - testifies April 17" under it: April 2018, most likely.
          framed: ctx.framed || (child.type === 'list' && parent.type === 'listItem' && namesAnotherYear(parent.children[0], options.published)),
          inQuote: ctx.inQuote || child.type === 'blockquote',
        });
      }
    }
    parent.children = children;
  };
  walk(tree, { block: unanchored, inHeading: false, inNote: false, framed: false, inQuote: false });
  mentions.push(...unanchored.map(({ node }) => ({ ...node, sentence: node.text, start: 0, end: node.text.length })));
  mentions.sort((a, b) => a.line - b.line || a.column - b.column);

  return { mentions, problems, warnings, dates };
}

/** Whether a list item's first block opens with another year than the publication's ("**Spring 2018**: …"). */
function namesAnotherYear(first: RootContent | undefined, published: PartialDate | undefined): boolean {
  if (published === undefined || first?.type !== 'paragraph') return false;
  const year = leadingYear(plainText(first));
  return year !== undefined && year !== published.year;
}

/** A bracket of a text node: escaped in the source or not, and its offset there when known. */
interface Bracket {
  escaped: boolean;
  offset?: number;
}

/**
 * The first `[[` or `]]` of a text that belongs to no link taken out of it:
 * a link written wrong, which would show the reader its brackets. Only the
 * first, or a run of brackets would give one message each.
 */
function strayBracket(value: string, brackets: ReadonlyMap<number, Bracket>, taken: readonly [number, number][]): { message: string; bracket: { at: number; offset?: number } } | undefined {
  const inLink = (at: number) => taken.some(([start, end]) => at >= start && at < end);
  for (const [at, bracket] of brackets) {
    const next = brackets.get(at + 1);
    if (!next || value[at] !== value[at + 1] || bracket.escaped || next.escaped || inLink(at) || inLink(at + 1)) continue;
    const opens = value[at] === '[';
    return {
      message: opens ? '`[[` opens a link that is not closed' : '`]]` closes no link',
      bracket: { at, ...(bracket.offset !== undefined ? { offset: bracket.offset } : {}) },
    };
  }
  // One bracket too many around a link: `[[[x]]` or `[[x]]]`.
  for (const [start, end] of taken) {
    for (const at of [start - 1, end]) {
      const bracket = brackets.get(at);
      if (!bracket || bracket.escaped || value[at] !== (at < start ? '[' : ']')) continue;
      return {
        message: `one \`${value[at]}\` too many ${at < start ? 'before' : 'after'} ${value.slice(start, end)}`,
        bracket: { at, ...(bracket.offset !== undefined ? { offset: bracket.offset } : {}) },
      };
    }
  }
  return undefined;
}

/** Text of a block as a reader sees it; footnote markers and raw HTML left out. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'footnoteReference' || node.type === 'html') return '';
  if (node.type === 'tableRow') return node.children.map(plainText).join(CELL_GAP);
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** A block's plain text with, for every text node and mention link, where it starts in that text. */
interface Layout {
  text: string;
  starts: Map<Nodes, number>;
  /** Where each node's text ends, as laid out before any date was wrapped. */
  ends: Map<Nodes, number>;
  /** Text nodes in order, with their parents, for splitting around dates. */
  texts: { node: Text; parent: Parent; start: number }[];
  /** The text's sentences, split once (see {@link sentencesOf}): the mentions' quotes and the relative dates both need them. */
  sentences?: Sentence[];
}

function layout(block: Parent): Layout {
  let text = '';
  const starts = new Map<Nodes, number>();
  const ends = new Map<Nodes, number>();
  const texts: Layout['texts'] = [];
  const visit = (node: Nodes, parent: Parent | undefined): void => {
    starts.set(node, text.length);
    // A soft line break inside a paragraph is a space to the reader (and to the sentence splitter).
    if (node.type === 'text') {
      if (parent) texts.push({ node, parent, start: text.length });
      text += node.value.replace(/\n/g, ' ');
    } else if (node.type === 'inlineCode') text += node.value.replace(/\n/g, ' ');
    else if (node.type === 'break') text += ' ';
    else if (node.type !== 'footnoteReference' && node.type !== 'html' && 'children' in node) {
      for (const [i, child] of (node.children as Nodes[]).entries()) {
        if (node.type === 'tableRow' && i > 0) text += CELL_GAP;
        visit(child, node as Parent);
      }
    }
    ends.set(node, text.length);
  };
  visit(block as Nodes, undefined);
  return { text, starts, ends, texts };
}

/** A block's sentences, split the first time they are asked for: the splitter is a fair part of reading mentions. */
function sentencesOf(layout: Layout): Sentence[] {
  return (layout.sentences ??= splitSentences(layout.text));
}

/**
 * Places each mention of a block in the sentence that holds it. `resolved`:
 * the dates the page shows beside their words (` (2016)`, at the layout
 * offset where the words end), which the quoted sentence shows too.
 */
function withSentences(layout: Layout, pending: Pending[], anchor: string, resolved: readonly Resolved[] = []): Mention[] {
  if (pending.length === 0) return [];
  const { text, starts, ends } = layout;
  const sentences = sentencesOf(layout);
  return pending.map(({ node, link }) => {
    const offset = starts.get(link as Nodes) ?? 0;
    const segment = sentenceAt(sentences, offset);
    const from = segment?.index ?? 0;
    let raw = segment?.segment ?? text;
    let local = offset - from;
    let localEnd = (ends.get(link as Nodes) ?? offset + node.text.length) - from;
    // From the end backwards, so the earlier offsets stay right; a date ending where the mark starts goes before it.
    for (const date of resolved.filter((d) => d.at > from && d.at <= from + raw.length).reverse()) {
      const at = date.at - from;
      raw = raw.slice(0, at) + date.text + raw.slice(at);
      if (at <= local) local += date.text.length;
      if (at <= localEnd) localEnd += date.text.length;
    }
    const leading = raw.length - raw.trimStart().length;
    const collapse = (s: string) => s.replace(/\s+/g, ' ');
    const sentence = collapse(raw.trim());
    const start = collapse(raw.slice(leading, Math.max(leading, local))).length;
    const end = collapse(raw.slice(leading, Math.max(leading, localEnd))).length;
    return { ...node, anchor, ...typesetQuote(excerpt(sentence, start, Math.min(sentence.length, end))) };
  });
}

/** The quote with its punctuation as the page prints it (curly quotes, dashes), the mark moved with it. */
function typesetQuote(quote: Pick<Mention, 'sentence' | 'start' | 'end'>): Pick<Mention, 'sentence' | 'start' | 'end'> {
  const head = typeset(quote.sentence.slice(0, quote.start));
  const marked = typeset(quote.sentence.slice(quote.start, quote.end), head.at(-1) ?? '');
  const tail = typeset(quote.sentence.slice(quote.end), (head + marked).at(-1) ?? '');
  return { sentence: head + marked + tail, start: head.length, end: head.length + marked.length };
}

/** A date the page shows resolved beside its words: the text ` (2016)` at the layout offset where the words end. */
interface Resolved {
  at: number;
  text: string;
}

/** The sentence holding `offset`, by binary search over the sentences in order. */
function sentenceAt<T extends { index: number; segment: string }>(sentences: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const s = sentences[middle]!;
    if (offset < s.index) high = middle - 1;
    else if (offset >= s.index + s.segment.length) low = middle + 1;
    else return s;
  }
  return sentences[0];
}

/** The longest quote kept for a mention; a page quotes a sentence, not a wall of text. */
export const MAX_QUOTE = 320;

/**
 * The sentence, or, when it runs on past {@link MAX_QUOTE}, the words around
 * the mention with an ellipsis on the cut sides. Keeping whole sentences cost
 * memory in proportion to mentions × sentence length.
 */
function excerpt(sentence: string, start: number, end: number): Pick<Mention, 'sentence' | 'start' | 'end'> {
  if (sentence.length <= MAX_QUOTE) return { sentence, start, end };
  const room = Math.max(0, MAX_QUOTE - (end - start)) >> 1;
  let from = Math.max(0, start - room);
  let to = Math.min(sentence.length, end + room);
  // Cut at spaces, not inside words.
  if (from > 0) from = Math.min(start, sentence.indexOf(' ', from) + 1 || start);
  if (to < sentence.length) to = Math.max(end, sentence.lastIndexOf(' ', to));
  const head = from > 0 ? '\u2026' : '';
  const tail = to < sentence.length ? '\u2026' : '';
  return { sentence: head + sentence.slice(from, to).trim() + tail, start: start - from + head.length, end: end - from + head.length };
}

/**
 * Finds relative dates in each sentence of a block, wraps them in `<time>`
 * with the resolved date shown beside them, and checks them against the
 * publication date and against events linked in the same sentence.
 */
function anchorDatesIn(
  block: Parent,
  layoutOf: Layout,
  pending: Pending[],
  published: PartialDate,
  { framed, quoted, updated }: { framed: boolean; quoted: boolean; updated: PartialDate | undefined },
  index: LinkIndex,
  locator: Locator,
): { notes: DateNote[]; resolved: Resolved[] } {
  const notes: DateNote[] = [];
  const resolved: Resolved[] = [];
  const edits: { at: Layout['texts'][number]; from: number; to: number; nodes: PhrasingContent[] }[] = [];
  const blockStart = block.position?.start.offset;
  const linkedEvents = pending
    .filter(({ node }) => node.target.kind === 'event')
    .map(({ node, link }) => {
      return { target: node.target, link, start: layoutOf.starts.get(link as Nodes) ?? -1, end: layoutOf.ends.get(link as Nodes) ?? -1 };
    });
  // Where the editor's notes are marked: a sentence with one has the editor's word on it, and no date check is shown there too.
  const noteMarks: number[] = [];
  for (const [node, start] of layoutOf.starts) if (node.type === 'footnoteReference') noteMarks.push(start);
  /** Date checks for words inside a link go after the link: inside, they would be part of its name and its underline. */
  const afterLinks: { link: PhrasingContent; note: PhrasingContent[] }[] = [];
  // "Today" in a quote is the day the words were said, which the story need not give: days there are left
  // as written. The quotes are found only in a block that has such a day.
  let quotes: ReturnType<typeof quotedSpans> | undefined;
  for (const sentence of sentencesOf(layoutOf)) {
    const sentenceEnd = sentence.index + sentence.segment.length;
    const events = linkedEvents.filter((e) => e.start >= sentence.index && e.start < sentenceEnd);
    for (const found of anchorDates(sentence.segment, published, { framed, ...(updated ? { updated } : {}) })) {
      const from = sentence.index + found.start;
      if (found.date.precision === 'day' && (quoted || (quotes ??= quotedSpans(layoutOf.text)).some((q) => from > q.start && from < q.end))) continue;
      // "last year's elections": the possessive stays with its words, the date goes after it.
      const possessive = /^['’]s\b/.exec(layoutOf.text.slice(sentence.index + found.end))?.[0] ?? '';
      const to = sentence.index + found.end + possessive.length;
      // Only expressions within one text node can be wrapped.
      const at = layoutOf.texts.find((t) => from >= t.start && to <= t.start + t.node.value.length);
      if (!at) continue;
      const conflicts = found.conflict ? [found.conflict.message] : [];
      // An event link says what a date refers to only when the date is part
      // of its words. Beside the link, the date may be another moment: in "the
      // mayor yesterday invited talks, three weeks after the [[ruling|court
      // ruled]]", yesterday is not the ruling, and a note saying so would
      // tell readers the story is wrong when it is not.
      const related = events.filter((e) => from >= e.start && to <= e.end);
      for (const event of related) {
        const span = index.eventSpan(event.target.id);
        if (!span) continue;
        // An event still going on covers every day from its start: only a date before it is a conflict.
        const within = (date: PartialDate) => (span.ongoing ? startOf(span.date) <= endOf(date) : overlaps(date, span.date, span.end));
        if (!within(found.date) && !(found.until && overlaps(span.date, found.date, found.until)) && !(found.also && within(found.also))) {
          conflicts.push(span.ongoing ? `the linked event “${index.labelOf(event.target)}” began ${formatDate(span.date)}` : `the linked event “${index.labelOf(event.target)}” is dated ${eventWhen(span)}`);
        }
      }
      const conflict = conflicts.length > 0 ? conflicts.join('; ') : undefined;
      const datetime = found.until ? `${toIso(found.date)}/${toIso(found.until)}` : found.also ? `${toIso(found.date)} and ${toIso(found.also)}` : toIso(found.date);
      const where = locator.inBlock(at.node.value.slice(from - at.start), blockStart) ?? locator.at(at.node, from - at.start);
      notes.push({ text: found.text, datetime, ...(conflict ? { conflict } : {}), ...where });
      // A date in conflict is not shown resolved: beside the words, the site would state a date that is wrong.
      const nodes: PhrasingContent[] = conflict ? [{ type: 'text', value: found.text + possessive }] : dateNodes(found.text + possessive, found);
      // A quote of the sentence shows the date as the page does; not one the story gets wrong.
      if (!conflict) resolved.push({ at: to, text: resolvedText(found) });
      if (conflict && !noteMarks.some((mark) => mark > sentence.index && mark <= sentenceEnd)) {
        const note = conflictNote(conflict);
        const link = linkedEvents.find((e) => from >= e.start && to <= e.end)?.link;
        if (link) afterLinks.push({ link, note });
        else nodes.push(...note);
      }
      edits.push({ at, from: from - at.start, to: to - at.start, nodes });
    }
  }
  // Apply from the end of each text node backwards so earlier offsets stay valid.
  edits.sort((a, b) => b.from - a.from);
  for (const edit of edits) {
    const { node, parent } = edit.at;
    const value = node.value;
    const position = parent.children.indexOf(node as never);
    if (position < 0) continue;
    const replacement: PhrasingContent[] = [
      ...(edit.from > 0 ? [{ type: 'text', value: value.slice(0, edit.from) } as Text] : []),
      ...edit.nodes,
      ...(edit.to < value.length ? [{ type: 'text', value: value.slice(edit.to) } as Text] : []),
    ];
    // Later edits on the same node work on its first piece, which keeps the node's identity.
    const head = replacement[0];
    if (head && head.type === 'text' && edit.from > 0) {
      node.value = head.value;
      (parent.children as PhrasingContent[]).splice(position, 1, node, ...replacement.slice(1));
    } else {
      (parent.children as PhrasingContent[]).splice(position, 1, ...replacement);
    }
  }
  for (const { link, note } of afterLinks) {
    const parent = parentOf(block, link);
    parent?.children.splice(parent.children.indexOf(link as never) + 1, 0, ...(note as never[]));
  }
  return { notes, resolved: resolved.sort((a, b) => a.at - b.at) };
}

type ResolvedDate = Pick<AnchoredDate, 'date' | 'until' | 'also'>;

/** The resolved date as the page shows it beside the words: ` (June 9, 2017)`, a span's ` (March 3–5, 2020)`, two days' ` (March 3 and 10, 2020)`. */
const resolvedText = ({ date, until, also }: ResolvedDate) => ` (${until ? formatRange(date, until) : also ? formatTwoDays(date, also) : formatDate(date)})`;

/** The node whose children hold `child`, searched below `root`. */
function parentOf(root: Parent, child: PhrasingContent): Parent | undefined {
  if ((root.children as unknown[]).includes(child)) return root;
  for (const node of root.children) {
    if ('children' in node) {
      const found = parentOf(node as Parent, child);
      if (found) return found;
    }
  }
  return undefined;
}

/** An element made of an mdast node: `hName` and `hProperties` carry it through to HTML. */
const element = (tag: string, className: string, children: PhrasingContent[], extra: Record<string, string> = {}): PhrasingContent => ({
  type: 'emphasis',
  data: { hName: tag, hProperties: { className: [className], ...extra } },
  children,
});

/** `<time datetime>` around the words (a span's first day: a `datetime` holds one moment), and the resolved date beside them. */
function dateNodes(words: string, found: ResolvedDate): PhrasingContent[] {
  return [
    element('time', 'anchored-date', [{ type: 'text', value: words }], { dateTime: toIso(found.date) }),
    element('span', 'resolved-date', [{ type: 'text', value: resolvedText(found) }]),
  ];
}

/** The note on a date that conflicts with the story or its linked event. */
function conflictNote(conflict: string): PhrasingContent[] {
  // The space stays outside the note's box, and no full stop inside it: the sentence goes on after it ("…, invited").
  return [{ type: 'text', value: ' ' }, element('span', 'date-conflict', [{ type: 'text', value: `Date check: ${conflict}` }], { role: 'note' })];
}

function setId(node: Parent, id: string): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...data.hProperties, id };
}

/**
 * Line and column numbers in the source. The parser's text values have lost
 * blockquote markers, list indentation and entity escapes, so positions are
 * found by searching the source from the node's start; without a source they
 * are estimated from the node's own position.
 */
class Locator {
  private readonly lineStarts: number[] = [0];
  private readonly source: string | undefined;

  constructor(source?: string) {
    this.source = source;
    if (source) for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** A reader that finds successive pieces of one text node in the source. */
  cursor(node: Text): { find: (piece: string) => { line: number; column: number } } {
    let from = node.position?.start.offset ?? 0;
    let consumed = 0;
    return {
      find: (piece) => {
        const found = this.source ? this.source.indexOf(piece, from) : -1;
        if (found >= 0 && (node.position?.end.offset === undefined || found < node.position.end.offset)) {
          from = found + piece.length;
          return this.position(found);
        }
        const offset = node.value.indexOf(piece, consumed);
        consumed = offset >= 0 ? offset + piece.length : consumed;
        return this.estimate(node, Math.max(0, offset));
      },
    };
  }

  /**
   * The `[` and `]` of a text node, by their offset in its value: whether
   * the source escapes each with a backslash, and its offset in the source.
   * The value's brackets are the source's, one for one, in order; where they
   * are not (a bracket written as an entity), none counts as escaped.
   */
  brackets(node: Text): Map<number, Bracket> {
    const value = node.value;
    const inValue: number[] = [];
    for (let i = 0; i < value.length; i++) if (value[i] === '[' || value[i] === ']') inValue.push(i);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const inSource: Bracket[] = [];
    if (this.source !== undefined && start !== undefined && end !== undefined) {
      for (let p = start; p < end; p++) {
        const c = this.source[p];
        if (c === '\\') {
          p++;
          if (this.source[p] === '[' || this.source[p] === ']') inSource.push({ escaped: true, offset: p });
        } else if (c === '[' || c === ']') inSource.push({ escaped: false, offset: p });
      }
    }
    const matched = inSource.length === inValue.length;
    return new Map(inValue.map((at, k) => [at, matched ? inSource[k]! : { escaped: false }]));
  }

  /** Where a bracket of a text node is in the file. */
  bracketPlace(node: Text, bracket: { at: number; offset?: number }): { line: number; column: number } {
    return bracket.offset === undefined ? this.estimate(node, bracket.at) : this.position(bracket.offset);
  }

  /** The position of an offset within a text node's value. */
  at(node: Text, offset: number): { line: number; column: number } {
    if (this.source && node.position?.start.offset !== undefined) {
      const piece = node.value.slice(offset, offset + 12);
      const found = piece ? this.source.indexOf(piece, node.position.start.offset) : -1;
      if (found >= 0) return this.position(found);
    }
    return this.estimate(node, offset);
  }

  /** The position of a piece of text found after a block's start (text nodes made by splitting have no position). */
  inBlock(text: string, blockStart: number | undefined): { line: number; column: number } | undefined {
    if (!this.source || blockStart === undefined) return undefined;
    const piece = text.slice(0, 24);
    const found = piece ? this.source.indexOf(piece, blockStart) : -1;
    return found >= 0 ? this.position(found) : undefined;
  }

  private position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  private estimate(node: Text, offset: number): { line: number; column: number } {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const lines = node.value.slice(0, offset).split('\n');
    if (lines.length === 1) return { line: start.line, column: start.column + offset };
    return { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
  }
}

/** How many of a paragraph's first words its anchor takes. */
const ANCHOR_WORDS = 5;

/** Enough of a paragraph's text for its first words, nearly always (a paragraph may run to thousands of characters). */
const OPENING = 160;

/**
 * A paragraph's words as an id's, from its opening only when that holds one
 * word more than the anchor takes: then no word the anchor takes was cut off.
 */
function openingWords(text: string): string[] {
  const wordsOf = (part: string) => (NOT_LATIN.test(part) ? wordsInAnyScript(part) : toId(part).split('-').filter(Boolean));
  if (text.length > OPENING) {
    const opening = wordsOf(text.slice(0, OPENING));
    if (opening.length > ANCHOR_WORDS) return opening;
  }
  return wordsOf(text);
}

/** A letter of another script than Latin: "李伟", "Иван", "العمال". */
const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * The words of a text with letters of other scripts, as an id's: Latin words
 * as `toId` makes them, the others in lower case as written, so a paragraph
 * in Arabic or Chinese is anchored by its words, not as `p-paragraph`.
 */
function wordsInAnyScript(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}]+/u).flatMap((word) => {
    const id = toId(word);
    if (id) return id.split('-');
    return /\p{L}/u.test(word) ? [word.normalize('NFC').toLowerCase()] : [];
  });
}

/**
 * Paragraph anchors from the paragraph's first words: `p-sessions-was-removed-from`.
 * They survive edits elsewhere in the story (unlike `p-7`); a repeat gets the
 * next free number, so no two paragraphs ever share an id.
 */
class AnchorAllocator {
  private readonly used = new Set<string>();
  /** The next number to try for each base: a thousand identical paragraphs cost a thousand steps, not half a million. */
  private readonly next = new Map<string, number>();

  allocate(text: string): string {
    // At most 48 characters, counted whole: a letter beyond the Basic Multilingual Plane is not cut in two.
    const words = [...openingWords(text).slice(0, ANCHOR_WORDS).join('-')].slice(0, 48).join('').replace(/-+$/, '');
    const base = `p-${words || 'paragraph'}`;
    let id = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(id)) id = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(id);
    return id;
  }
}
