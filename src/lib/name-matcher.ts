/**
 * Name matching: finds people's names and aliases in plain text, so a story
 * can link "Jeff Sessions" or "Trump's" without the editor writing `[[…]]`
 * around every mention.
 *
 * There may be thousands of people with several aliases each, and stories of
 * thousands of words, so every name goes into ONE Aho–Corasick automaton and
 * the text is read once, whatever the number of names. A pass per person (or a
 * regex per name) would multiply the work by the number of people.
 *
 * What counts as a match, and why:
 *
 * - Case-sensitive. Names are proper nouns: "Sessions" is a person, "committee
 *   sessions" is not. A name of more than one word starting with a small
 *   particle ("de la Cruz", "van Gogh") is also found with a capital, as it
 *   is written at the start of a sentence ("De la Cruz said").
 * - Whole words. A match must not be preceded or followed by a letter, digit or
 *   combining mark (`\p{L}\p{N}\p{M}`, Unicode-aware, unlike `\b`): "Trumpet"
 *   holds no "Trump", "Kislyakov" no "Kislyak", "Зоянова" no "Зоя". Hyphens and
 *   other punctuation are not letters, so "pro-Trump" and "Trump-era" do
 *   mention Trump, as do "(Comey)", "Comey," and "“Comey”".
 * - Apostrophes ('  ’  ʼ) are read as one character, in names and text alike
 *   (smart-quote conversion must not break "O'Brien"). After a name, an
 *   apostrophe ends the word when it is a possessive — "Trump's", "Trump’s",
 *   "Sessions'", "Sessions’" all match, and the match ends before the suffix —
 *   or a closing quote. An apostrophe between two letters joins them into one
 *   word, so "Dell'Utri" holds no "Dell" and "O'Brien" no "Brien" (nor
 *   "d'Estaing" an "Estaing": a missed link is cheaper than a wrong one).
 * - CJK (Han, kana, Hangul) is written without spaces between words, so a name
 *   made only of CJK characters ("習近平", "トランプ") needs no word boundary,
 *   and a CJK character next to any other name does not join it into a longer
 *   word ("Trump氏" mentions Trump). The price: a CJK name is also found inside
 *   a longer CJK word that happens to contain it.
 * - Whitespace in a name matches any run of whitespace in the text (a line
 *   break from wrapped Markdown, a no-break space); U+2010 and U+2011 hyphens
 *   match "-".
 * - Leftmost-longest, never overlapping: the earliest match wins, and of those
 *   starting at the same place the longest ("Jeff Sessions", not "Sessions");
 *   scanning goes on after its end, so a name inside another name is not
 *   reported again.
 * - A name shared by two different people links to neither: an autolink must
 *   never guess. It still takes part in leftmost-longest, so the shared
 *   "John Smith" does not fall back to one person's alias "Smith".
 * - A name followed by a capitalised word is the start of a longer name —
 *   "Trump Tower", "Dahl Tanneries", "Donald Trump Jr." — and links to no one,
 *   unless that word starts a name of its own ("Trump Sessions": two names)
 *   or is a day or month ("asked Mullins Thursday"). So is a name that starts
 *   with a small particle after a capitalised word other than a title:
 *   "Vincent van Gogh" is not Anneke van Gogh, "Mayor van Gogh" is. So is
 *   a name that is the last words of another of the person's names: "Fábio
 *   Luís Lula da Silva" is not Luiz Inácio Lula da Silva ("Lula da Silva").
 *   A first name of the person's own is theirs: "Inácio Lula da Silva".
 *   Unlike a shared name, it claims no text: in "President Bush Sr." the
 *   name "Bush Sr." is found where "President Bush" was passed over, and the
 *   person's next mention in the section is the one linked.
 * - Two names of one person that overlap are one match: "President Xi
 *   Jinping", with the names "President Xi" and "Xi Jinping".
 * - A Latin letter matches without its accent ("Erdogan" finds Erdoğan), as
 *   English copy often writes foreign names; other scripts are exact.
 *
 * Names are normalised to NFC. Text is normalised too, but offsets always
 * refer to the text as given (see {@link nfcWithOffsets}).
 */
import { LATIN_BASE, withoutLatinAccents } from './latin-accents.ts';
import type { PersonId } from './ids.ts';
import { SUFFIX } from './filing.ts';
import { MONTH_ABBREVIATIONS, MONTHS, POST_NOMINALS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS, TITLE_WORDS, WEEKDAYS } from './news-words.ts';

/** A person as the matcher sees them: the id to link to and every name (name + aliases). */
export interface NameEntry {
  id: PersonId;
  names: readonly string[];
}

export interface NameMatch {
  id: PersonId;
  /** Offsets in the input: text.slice(start, end) is the matched name, without a possessive suffix. */
  start: number;
  end: number;
  /** The name as found in the text. */
  text: string;
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const LOWER_S = 0x73;

/** The characters JavaScript's `\s` matches, all of which are read as one space. */
const WHITESPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
/** Straight, right single quotation mark (what smart quotes produce), modifier letter apostrophe. */
const APOSTROPHES = [APOSTROPHE, 0x2019, 0x02bc];
/** Hyphen and non-breaking hyphen, read as the ASCII hyphen-minus. */
const HYPHENS = [0x2010, 0x2011];

/**
 * UTF-16 code unit → the code unit it is compared as. Matching works on code
 * units (so offsets need no conversion); whitespace, apostrophes and hyphens
 * are folded, and Latin letters lose their accents ("Erdogan" finds Erdoğan,
 * see `latin-accents.ts`); everything else is compared exactly (case-sensitive).
 */
const FOLD: Uint16Array = (() => {
  const table = LATIN_BASE.slice();
  for (const unit of WHITESPACE) table[unit] = SPACE;
  for (const unit of APOSTROPHES) table[unit] = APOSTROPHE;
  for (const unit of HYPHENS) table[unit] = HYPHEN;
  return table;
})();

const fold = (unit: number): number => FOLD[unit] ?? unit;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK_CHAR = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const CJK_NAME = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul} ]+$/u;

const isApostrophe = (cp: number): boolean => cp < 0x10000 && FOLD[cp] === APOSTROPHE;
/** Whether a neighbouring character would make the name part of a longer word. CJK never does (no word spaces). */
const joins = (cp: number): boolean => {
  const char = String.fromCodePoint(cp);
  return WORD_CHAR.test(char) && !CJK_CHAR.test(char);
};

/** The code point ending just before `index`, if any. */
function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

/** Whether a name may start at `index`: nothing word-like before it, nor a word and an apostrophe ("O'Brien"). */
function startsWord(text: string, index: number): boolean {
  const before = codePointBefore(text, index);
  if (before === undefined) return true;
  if (isApostrophe(before)) {
    const beforeThat = codePointBefore(text, index - 1);
    return beforeThat === undefined || !joins(beforeThat);
  }
  return !joins(before);
}

/**
 * Whether a name may end at `index`: nothing word-like after it, except a
 * possessive ("Trump's", "Sessions'") or closing quote, which stays outside the match.
 */
function endsWord(text: string, index: number): boolean {
  const after = text.codePointAt(index);
  if (after === undefined) return true;
  if (isApostrophe(after)) {
    const next = text.codePointAt(index + 1); // apostrophes are one code unit
    if (next === undefined || !joins(next)) return true; // "Sessions'", or a closing quote
    if (next !== LOWER_S) return false; // "Dell'Utri": one word
    const afterS = text.codePointAt(index + 2);
    return afterS === undefined || !joins(afterS); // "Trump's", but not "Trump'sville"
  }
  return !joins(after);
}

const CAPITAL = /[\p{Lu}\p{Lt}]/u;

/** Capitalised words that follow a name in news copy without being part of it: "asked Mullins Thursday", "O'Brien in March". */
const NOT_A_NAME: ReadonlySet<string> = new Set([...WEEKDAYS, ...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS), ...POST_NOMINALS]);

/** Places and things named after people, written after the name in lower case: "Charles de Gaulle airport", "the Kennedy bridge". */
const NAMED_AFTER: ReadonlySet<string> = new Set(
  'airport airfield aircraft carrier bridge tunnel street avenue boulevard square station stadium arena hospital university college museum library park prize award memorial highway expressway dam tower'.split(' '),
);

/**
 * Whether the name ending at `end` runs on into a longer proper name: after
 * whitespace comes a capitalised word ("Trump Tower", "Dahl Tanneries") that
 * starts no name of its own (`nameStarts`: where any name was found) and is
 * no day or month ("Prosecutors asked Mullins Thursday", AP's word order) or
 * letters after a name ("Priya Natarajan MP"),
 * or a place or thing named after someone ("de Gaulle airport").
 */
function startsLongerName(text: string, end: number, nameStarts: ReadonlySet<number>): boolean {
  let next = end;
  while (next < text.length && fold(text.charCodeAt(next)) === SPACE) next++;
  if (next === end || next === text.length || nameStarts.has(next)) return false;
  if (!CAPITAL.test(String.fromCodePoint(text.codePointAt(next) as number))) return NAMED_AFTER.has(/^\p{Ll}+/u.exec(text.slice(next, next + 16))?.[0] ?? '');
  return !NOT_A_NAME.has(/^\p{L}+/u.exec(text.slice(next, next + 12))?.[0] ?? '');
}

/**
 * Whether a name of one word ("Pike", at `start`), one that starts with a
 * small particle ("van Gogh"), or one that ends another of the person's names
 * ("Lula da Silva"), ends a longer name begun by the word before it: someone
 * else's first name ("coach Tom Pike", "Vincent van Gogh", "Fábio Luís Lula
 * da Silva"; not one of the person's own, "Inácio Lula da Silva"), or a
 * name of something else ("a Dean Martin song", "an Aston Martin"). That
 * word is capitalised and is no title ("Mayor", "Dr."), day, month, word
 * opening a sentence ("Yesterday van Gogh said", "Despite Pike's"),
 * possessive ("Ridgeview's Pike") or acronym ("FBI"). At the start of a
 * sentence, a word in -ing, -ed or -ly opens it ("According", "Asked").
 * A full name of more words is left alone: "Republican Jeff Sessions" is him.
 */
function endsLongerName(text: string, start: number, oneWord: boolean, nameEnds: ReadonlySet<number>, given?: ReadonlySet<string>): boolean {
  if (!oneWord && !/^\p{Ll}/u.test(text.slice(start, start + 2))) return false;
  const before = text.slice(Math.max(0, start - 60), start);
  if (oneWord && given !== undefined) {
    const initials = INITIALS_BEFORE.exec(before);
    if (initials && !NOT_INITIALS.has(initials[1]!.replace(/\s/gu, ''))) return notTheirInitials(before.slice(0, initials.index), initials[1]!, given);
  }
  const m = WORD_BEFORE.exec(before);
  const word = m?.[1];
  if (word === undefined || !mayBeGivenName(word)) return false;
  // "Inácio Lula da Silva": one of the person's own first names.
  if (given?.has(withoutLatinAccents(word))) return false;
  // "Trump Sessions": the word before is a name of its own.
  if (nameEnds.has(start - m![2]!.length)) return false;
  const opensSentence = /(?:^|[.!?:;"“‘(—–]\s*)$/u.test(before.slice(0, m!.index)) && (m!.index > 0 || start <= 60);
  return !(opensSentence && /(?:ing|ed|ly)$/u.test(word));
}

/** A capitalised word, and the space after it, at the end of a text: the word before a name. */
const WORD_BEFORE = /(\p{Lu}(?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?)(\s+)$/u;

/** Whether a word before a name may be someone's first name: see {@link mayBeFirstName}, and no possessive ("Ridgeview's") or acronym ("FBI"). */
function mayBeGivenName(word: string): boolean {
  return mayBeFirstName(word) && !/['’]s$/u.test(word) && word !== word.toUpperCase();
}

/** Up to three initials, each a capital and a full stop, just before a name: "J. ", "T.J. ", "T. J. ". */
const INITIALS_BEFORE = /(?<![\p{L}\p{M}.'’-])((?:\p{Lu}\.[ \t]?){1,3})\s*$/u;

/** Abbreviations written like initials that end a sentence more often than they start a name ("in the U.S. Pike said"). */
const NOT_INITIALS: ReadonlySet<string> = new Set(['U.S.', 'U.K.', 'U.N.', 'E.U.', 'D.C.', 'L.A.', 'N.Y.', 'A.M.', 'P.M.']);

/**
 * Whether initials before a surname make someone else's name: a first name
 * before them that is not one of the person's ("coach Tom J. Pike" for
 * Harold Pike, but "Donald J. Trump"), or, with no first name before them,
 * initials that start none of the person's ("T.J. Pike", but "H. Pike").
 * A title or an opening word before the initials counts as no first name.
 */
function notTheirInitials(before: string, initials: string, given: ReadonlySet<string>): boolean {
  const word = WORD_BEFORE.exec(before)?.[1];
  if (word !== undefined && mayBeGivenName(word)) return !given.has(withoutLatinAccents(word));
  const first = initials[0]!;
  return ![...given].some((name) => name.startsWith(first));
}

/**
 * Whether a capitalised word before a name may be a first name: no title or
 * word before one ("Mayor", "Republican", "Senators"), day or month, word
 * that opens a sentence, or title joined by a hyphen ("President-elect",
 * "Then-Mayor").
 */
function mayBeFirstName(word: string): boolean {
  const notAName = (w: string) => TITLE_WORDS.has(w) || TITLE_ABBREVIATIONS.has(w) || SENTENCE_OPENERS.has(w) || NOT_A_NAME.has(w);
  if (notAName(word)) return false;
  // "Senators Pike and Bell", "Republicans Pike and Bell".
  if (word.endsWith('s') && TITLE_WORDS.has(word.slice(0, -1))) return false;
  const parts = word.split(/[-‐‑]/);
  return !(parts.length > 1 && parts.some((part) => notAName(part) || /^\p{Ll}/u.test(part) || ['Then', 'Ex', 'Vice'].includes(part)));
}

/**
 * Whether the name from `start` to `end` is one part of someone else's
 * double-barrelled name: a full name followed by a hyphen and a capital
 * ("Maria Garcia" of "Maria Garcia-Lopez", "Li Wei" of "Li Wei-Ming"), or a
 * one-word name joined by a hyphen to a capitalised word that is no name
 * found, the two after a first name ("Dana Whitfield-Jones", "Ana
 * Garcia-Lopez"). Without a first name the pair is taken as two names or
 * things ("the Trump-Kim summit", "Russia-Trump ties"), and a prefix is none
 * ("pro-Trump", "Anti-Trump").
 */
function hyphenatedName(text: string, start: number, end: number, nameStarts: ReadonlySet<number>, nameEnds: ReadonlySet<number>): boolean {
  const hyphenAt = (at: number) => at >= 0 && at < text.length && fold(text.charCodeAt(at)) === HYPHEN;
  const after = hyphenAt(end) && CAPITAL.test(text[end + 1] ?? '') && !nameStarts.has(end + 1);
  if (after && /\s/u.test(text.slice(start, end))) return true;
  const partner = hyphenAt(start - 1) ? /(?:^|[^\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}'’]*)$/u.exec(text.slice(Math.max(0, start - 41), start - 1))?.[1] : undefined;
  const before = partner !== undefined && !PREFIXES.has(partner) && !nameEnds.has(start - 1);
  if (!after && !before) return false;
  // Where the pair starts: a first name before it makes it one person's name.
  const pairStart = before ? start - 1 - partner!.length : start;
  return endsLongerName(text, pairStart, true, nameEnds);
}
/** Prefixes written with a capital at the start of a sentence: "Anti-Trump protesters". */
const PREFIXES: ReadonlySet<string> = new Set(['Anti', 'Pro', 'Ex', 'Post', 'Pre', 'Non', 'Neo', 'Mid', 'Pan', 'Un']);

/**
 * A name as matched: NFC, whitespace/apostrophes/hyphens folded, whitespace
 * runs collapsed and trimmed. Two names with the same key are the same name.
 */
function nameKey(name: string): string {
  let key = '';
  // A nickname in quotes is read as a space in names as in text: "Francis “Buddy” DeLuca" is found as written.
  for (const unit of withoutNicknames(name.normalize('NFC'))) {
    const folded = fold(unit.charCodeAt(0));
    key += folded === SPACE ? ' ' : unit.length === 1 ? String.fromCharCode(folded) : unit;
  }
  return key.replace(/ {2,}/g, ' ').trim();
}

/**
 * A name with small particles written with capitals: the first word only ("De
 * la Cruz", as a sentence opens), and every word ("De La Cruz"). None when no
 * word starts in lower case.
 */
function capitalisedParticles(key: string): string[] {
  const upper = (word: string) => {
    const first = String.fromCodePoint(word.codePointAt(0)!);
    const capital = first.toUpperCase();
    return /\p{Ll}/u.test(first) && [...capital].length === 1 ? capital + word.slice(first.length) : word;
  };
  const words = key.split(' ');
  const variants = new Set<string>([[upper(words[0]!), ...words.slice(1)].join(' '), words.map(upper).join(' ')]);
  variants.delete(key);
  return [...variants];
}

interface IndexedName {
  /** Who the name links to; `null` when different people share it (it then only blocks shorter matches). */
  id: PersonId | null;
  /** Made only of CJK characters: matched without word boundaries. */
  cjk: boolean;
  /**
   * The last words of another of the person's names ("Lula da Silva" of "Luiz
   * Inácio Lula da Silva"): like a surname, it may end someone else's longer
   * name ("Fábio Luís Lula da Silva").
   */
  tail: boolean;
}

/**
 * A nickname in quotation marks between two parts of a name ("Marcus “Moose”
 * Bell") read as spaces, which the matcher reads as one: the name is found,
 * and its match runs over the nickname. Same length, so offsets stay.
 */
const NICKNAME = /(?<=\p{Lu}[\p{L}\p{M}'’.-]{0,30}\s{1,3})[“"‘'][\p{L}\p{M}'’. -]{1,24}[”"’'](?=\s+\p{Lu})/gu; // bounded: no slow input
export function withoutNicknames(text: string): string {
  if (!/[“"‘']/.test(text)) return text;
  return text.replace(NICKNAME, (nickname) => ' '.repeat(nickname.length));
}

/** Where `suffix` ends when it follows `end` after a space ("DeLuca| Sr."), as a word of its own; else `end`. */
function afterSuffix(text: string, end: number, suffix: string): number {
  let next = end;
  while (next < text.length && fold(text.charCodeAt(next)) === SPACE) next++;
  if (next === end) return end;
  const bare = suffix.replace(/\.$/u, '');
  if (!text.startsWith(bare, next)) return end;
  let after = next + bare.length;
  if (suffix.endsWith('.') && text[after] === '.') after++;
  return endsWord(text, after) ? after : end;
}

/** Offsets of a scanned string in the original text, when they differ. */
interface OffsetMap {
  /** Original offset where the character at a scanned index starts. */
  start: Int32Array;
  /** Original offset where the character at a scanned index ends. */
  end: Int32Array;
}

/**
 * The text in NFC, with a map back to the original offsets when normalising
 * changed it.
 *
 * Matching must see "Zoë" whether the text spells it with one code point or
 * with "e" and a combining diaeresis, but a match's offsets must point into the
 * text as given. Each base character with its combining marks (and following
 * Hangul vowel/final jamo, which compose too) is normalised on its own, so each
 * scanned position knows the original range it came from. If that piecewise
 * result differs from normalising the whole text (a composition this split
 * does not foresee), the text is scanned as given instead: names in it that
 * are not in NFC are then missed, never misplaced.
 */
function nfcWithOffsets(text: string): { scanned: string; offsets?: OffsetMap } {
  const whole = text.normalize('NFC');
  if (whole === text) return { scanned: text };
  const start = new Int32Array(whole.length + 1);
  const end = new Int32Array(whole.length + 1);
  let scanned = '';
  for (const cluster of text.matchAll(/[^\p{M}][\p{M}\u1160-\u11ff\ud7b0-\ud7ff]*|\p{M}+/gsu)) {
    const piece = cluster[0].normalize('NFC');
    const from = cluster.index;
    if (scanned.length + piece.length > whole.length) return { scanned: text };
    for (let i = 0; i < piece.length; i++) {
      start[scanned.length + i] = from;
      end[scanned.length + i] = from + cluster[0].length;
    }
    scanned += piece;
  }
  return scanned === whole ? { scanned, offsets: { start, end } } : { scanned: text };
}

/**
 * One automaton for all names. See the module comment for the matching rules.
 *
 * The automaton's alphabet is the (folded) UTF-16 code units that occur in
 * some name; any other character sends the scan back to the root at once.
 * Transitions live in one Map keyed by `node * width + symbol` rather than a
 * Map per node, which keeps a 100,000-node trie compact and quick to build.
 */
export class NameMatcher {
  /** Number of distinct names indexed (for diagnostics). Names shared by different people are not counted. */
  readonly size: number;

  /** Folded code unit → symbol, or -1 when no name contains it. */
  readonly #symbols = new Int32Array(0x10000).fill(-1);
  /** Number of symbols, the stride of transition keys. */
  readonly #width: number;
  /** Trie edges: `node * width + symbol` → child node. Node 0 is the root. */
  readonly #edges = new Map<number, number>();
  /** The root's move on each symbol (0: none), where most of a text's characters are read: an array, not a Map lookup. */
  readonly #fromRoot: Int32Array;
  /** Failure link: the node of the longest proper suffix of this node's path that is also in the trie. */
  readonly #fail: Int32Array;
  /** Nearest node along the failure chain that ends a name (0: none), so outputs are found without walking every link. */
  readonly #output: Int32Array;
  /** Node → index into `#names` of the name it ends, or -1. */
  readonly #nameAt: Int32Array;
  /** Node → length of its path in symbols (a whitespace run is one symbol). */
  readonly #depth: Int32Array;
  readonly #names: IndexedName[] = [];
  /** Each person's given names, the words before the last of their names of two or more ("Donald" of "Donald J. Trump"): initials before a surname are checked against them. */
  readonly #given = new Map<PersonId, Set<string>>();
  /** The suffix that ends a person's name ("Sr." of "Francis DeLuca Sr."): after another of their names it is theirs too. */
  readonly #suffix = new Map<PersonId, string>();

  constructor(entries: readonly NameEntry[]) {
    for (const entry of entries) {
      const suffix = entry.names[0]?.trim().split(/\s+/u).slice(1).at(-1);
      if (suffix !== undefined && SUFFIX.test(suffix)) this.#suffix.set(entry.id, suffix);
      for (const name of entry.names) {
        const words = name.normalize('NFC').trim().split(/\s+/u).slice(0, -1).filter((word) => /^\p{Lu}[\p{L}\p{M}'’-]*\p{L}$/u.test(word) && mayBeFirstName(word));
        if (words.length === 0) continue;
        const given = this.#given.get(entry.id) ?? new Set<string>();
        // Without accents, as names are matched: "Jose J. Pike" is José Pike.
        for (const word of words) given.add(withoutLatinAccents(word));
        this.#given.set(entry.id, given);
      }
    }
    // Distinct names first, so a name two people share can be marked before it is indexed.
    const byKey = new Map<string, IndexedName>();
    for (const entry of entries) {
      const keys = entry.names.map(nameKey);
      for (const key of keys) {
        if ([...key].length < 2) continue; // empty, blank, or too short to be worth linking
        const tail = key.includes(' ') && keys.some((other) => other.endsWith(` ${key}`));
        const seen = byKey.get(key);
        if (seen === undefined) byKey.set(key, { id: entry.id, cjk: CJK_NAME.test(key), tail });
        else if (seen.id !== entry.id) seen.id = null; // same name, different people: never guess
        else seen.tail ||= tail;
      }
    }
    // A name that starts with a small particle ("de la Cruz", "van Gogh") opens a sentence with a capital
    // ("De la Cruz said…"), and some copy capitalises every particle ("Von Der Leyen", "De La Cruz"):
    // those spellings are the same person's, unless one is someone's name as written.
    const capitalised = new Map<string, IndexedName>();
    for (const [key, name] of byKey) {
      if (name.cjk || !/[ -]/.test(key)) continue;
      for (const variant of capitalisedParticles(key)) {
        if (byKey.has(variant)) continue;
        const seen = capitalised.get(variant);
        if (seen === undefined) capitalised.set(variant, { ...name });
        else if (seen.id !== name.id) seen.id = null;
      }
    }
    // What the size counts: the names as written, not their capitalised spellings.
    let size = 0;
    for (const name of byKey.values()) if (name.id !== null) size++;
    this.size = size;
    for (const [variant, name] of capitalised) byKey.set(variant, name);

    let width = 0;
    let units = 0;
    for (const key of byKey.keys()) {
      units += key.length;
      for (let i = 0; i < key.length; i++) {
        const unit = key.charCodeAt(i);
        if (this.#symbols[unit] === -1) this.#symbols[unit] = width++;
      }
    }
    this.#width = width;

    // Build the trie. A trie has at most one node per name code unit, plus the root.
    const capacity = units + 1;
    const parent = new Int32Array(capacity);
    const symbolOf = new Int32Array(capacity);
    this.#depth = new Int32Array(capacity);
    this.#nameAt = new Int32Array(capacity).fill(-1);
    let nodes = 1;
    for (const [key, name] of byKey) {
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const symbol = this.#symbols[key.charCodeAt(i)] as number;
        const edge = node * width + symbol;
        let child = this.#edges.get(edge);
        if (child === undefined) {
          child = nodes++;
          this.#edges.set(edge, child);
          parent[child] = node;
          symbolOf[child] = symbol;
          this.#depth[child] = (this.#depth[node] as number) + 1;
        }
        node = child;
      }
      this.#nameAt[node] = this.#names.length;
      this.#names.push(name);
    }

    this.#fromRoot = new Int32Array(width);
    for (let symbol = 0; symbol < width; symbol++) this.#fromRoot[symbol] = this.#edges.get(symbol) ?? 0;

    // Failure and output links, shallowest nodes first (a node's links depend on shallower nodes').
    let maxDepth = 0;
    for (let node = 1; node < nodes; node++) maxDepth = Math.max(maxDepth, this.#depth[node] as number);
    const firstAtDepth = new Int32Array(maxDepth + 2);
    for (let node = 1; node < nodes; node++) (firstAtDepth[(this.#depth[node] as number) + 1] as number)++;
    for (let depth = 1; depth <= maxDepth + 1; depth++) {
      firstAtDepth[depth] = (firstAtDepth[depth] as number) + (firstAtDepth[depth - 1] as number);
    }
    const order = new Int32Array(Math.max(nodes - 1, 0));
    for (let node = 1; node < nodes; node++) {
      const depth = this.#depth[node] as number;
      order[firstAtDepth[depth] as number] = node;
      firstAtDepth[depth] = (firstAtDepth[depth] as number) + 1;
    }
    this.#fail = new Int32Array(nodes);
    this.#output = new Int32Array(nodes);
    for (const node of order) {
      const from = parent[node] as number;
      const fail = from === 0 ? 0 : this.#step(this.#fail[from] as number, symbolOf[node] as number);
      this.#fail[node] = fail;
      this.#output[node] = (this.#nameAt[fail] as number) >= 0 ? fail : (this.#output[fail] as number);
    }
  }

  /** The automaton's move from `node` on `symbol`, following failure links. */
  #step(node: number, symbol: number): number {
    for (;;) {
      if (node === 0) return this.#fromRoot[symbol] as number;
      const child = this.#edges.get(node * this.#width + symbol);
      if (child !== undefined) return child;
      node = this.#fail[node] as number;
    }
  }

  /**
   * All non-overlapping matches in `text`, left to right.
   *
   * Reads the text once with the automaton, collecting every occurrence of
   * every name that stands as a whole word; then keeps, left to right, the
   * longest match at the earliest free position.
   */
  find(text: string): NameMatch[] {
    if (this.#names.length === 0 || text.length === 0) return [];
    const { scanned: normalised, offsets } = nfcWithOffsets(text);
    const scanned = withoutNicknames(normalised);

    // symbolStart[k]: where the k-th symbol read starts in `scanned`, to turn a name's length in symbols into a start.
    const symbolStart = new Int32Array(scanned.length);
    const found: { start: number; end: number; name: number }[] = [];
    let node = 0;
    let read = 0;
    let inSpace = false;
    for (let i = 0; i < scanned.length; i++) {
      const unit = fold(scanned.charCodeAt(i));
      if (unit === SPACE) {
        if (inSpace) continue; // a whitespace run is one symbol
        inSpace = true;
      } else {
        inSpace = false;
      }
      symbolStart[read++] = i;
      const symbol = this.#symbols[unit] as number;
      if (symbol < 0) {
        node = 0;
        continue;
      }
      node = this.#step(node, symbol);
      let hit = (this.#nameAt[node] as number) >= 0 ? node : (this.#output[node] as number);
      while (hit !== 0) {
        const index = this.#nameAt[hit] as number;
        const start = symbolStart[read - (this.#depth[hit] as number)] as number;
        const end = i + 1;
        const name = this.#names[index] as IndexedName;
        if (name.cjk || (startsWord(scanned, start) && endsWord(scanned, end))) found.push({ start, end, name: index });
        hit = this.#output[hit] as number;
      }
    }

    // Leftmost-longest: earliest start first, longest first among equal starts; skip anything overlapping a kept match
    // (a name passed over for the words around it claims nothing).
    if (found.length === 0) return [];
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const nameStarts = new Set(found.map((candidate) => candidate.start));
    const nameEnds = new Set(found.map((candidate) => candidate.end));
    const matches: NameMatch[] = [];
    let free = 0;
    for (const [index, hit] of found.entries()) {
      if (hit.start < free) continue;
      const name = this.#names[hit.name] as IndexedName;
      const id = name.id;
      if (id === null) {
        free = hit.end;
        continue; // a shared name: it claims the text but links nowhere
      }
      // Two names of one person that overlap are one: "President Xi" and "Xi Jinping" in "President Xi Jinping".
      const candidate = { ...hit };
      for (let j = index + 1; j < found.length && found[j]!.start < candidate.end; j++) {
        const next = found[j]!;
        if (next.end > candidate.end && this.#names[next.name]!.id === id) candidate.end = next.end;
      }
      // Their own suffix after one of their names is theirs: "Francis DeLuca Sr." of Francis “Buddy” DeLuca Sr.
      const suffix = this.#suffix.get(id);
      if (suffix !== undefined) candidate.end = afterSuffix(normalised, candidate.end, suffix);
      // The words around a name are read as written, nickname and all: "Pike 'Lied' About" is no "Pike About".
      if (!name.cjk && startsLongerName(normalised, candidate.end, nameStarts)) continue; // "Trump Tower": likewise
      const oneWord = name.tail || !/\s/u.test(scanned.slice(candidate.start, candidate.end));
      if (!name.cjk && endsLongerName(normalised, candidate.start, oneWord, nameEnds, this.#given.get(id))) continue; // "Vincent van Gogh", "Tom Pike", "Tom J. Pike": likewise
      if (!name.cjk && hyphenatedName(normalised, candidate.start, candidate.end, nameStarts, nameEnds)) continue; // "Dana Whitfield-Jones": likewise
      // Only a name kept claims its text: in "President Bush Sr.", "Bush Sr." is found where "President Bush" was not.
      free = candidate.end;
      const start = offsets ? (offsets.start[candidate.start] as number) : candidate.start;
      const end = offsets ? (offsets.end[candidate.end - 1] as number) : candidate.end;
      matches.push({ id, start, end, text: text.slice(start, end) });
    }
    return matches;
  }
}
