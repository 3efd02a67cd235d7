/**
 * Letters as a reader types them on a plain keyboard. Accents come off by
 * Unicode's own decomposition (é → e, ñ → n, ś → s), and the search index
 * matches those already. A few letters have no such decomposition: Ł is not
 * L plus a mark, nor is ø o. "Wałęsa" stays out of reach of "Walesa" unless
 * the site spells the word for the index itself (see {@link typedSpellings}).
 */

/** Letters Unicode does not decompose, by what is typed for them. */
const TYPED: Readonly<Record<string, string>> = {
  Æ: 'AE', æ: 'ae', Ø: 'O', ø: 'o', Œ: 'OE', œ: 'oe', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ð: 'D', ð: 'd',
  Þ: 'TH', þ: 'th', Ħ: 'H', ħ: 'h', ẞ: 'SS', ß: 'ss', ı: 'i',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(TYPED).join('')}]`, 'gu');
const HAS_UNDECOMPOSED = new RegExp(UNDECOMPOSED.source, 'u');

/** `text` in plain Latin letters where it has accented ones: "Zoë Łukasiewicz" → "Zoe Lukasiewicz". */
export function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(UNDECOMPOSED, (letter) => TYPED[letter]!);
}

/**
 * The words of `texts` that hold a letter the search index cannot fold, by
 * their typed spelling: `{ walesa: ['wałęsa'], sondergaard: ['søndergaard'] }`.
 * Lowercase, each spelling once, in order.
 */
export function typedSpellings(texts: Iterable<string>): Record<string, string[]> {
  const spellings = new Map<string, Set<string>>();
  for (const text of texts) {
    // Most texts have no such letter: one scan of the whole text rules them out (240 → 45 ms for 4,000 stories).
    if (!HAS_UNDECOMPOSED.test(text)) continue;
    for (const [word] of text.matchAll(/[\p{L}\p{M}]+/gu)) {
      if (!HAS_UNDECOMPOSED.test(word)) continue;
      const written = word.toLowerCase();
      const typed = foldLatin(written);
      const known = spellings.get(typed) ?? new Set();
      known.add(written);
      spellings.set(typed, known);
    }
  }
  return Object.fromEntries([...spellings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([typed, written]) => [typed, [...written]]));
}

/**
 * The query again with each word that has such a spelling written that way
 * ("Walesa strike" → "wałęsa strike"), for a second search beside the
 * reader's own; none when no word has one. A word with two spellings gives
 * one query for each, at most `limit` in all.
 */
export function respellings(query: string, spellings: Readonly<Record<string, readonly string[]>>, limit = 4): string[] {
  let queries = [''];
  let changed = false;
  for (const piece of query.split(/([\p{L}\p{M}]+)/u)) {
    const options = /^[\p{L}\p{M}]+$/u.test(piece) ? spellings[foldLatin(piece.toLowerCase())] : undefined;
    const written = options?.filter((w) => w !== piece.toLowerCase());
    if (!written || written.length === 0) {
      queries = queries.map((q) => q + piece);
      continue;
    }
    changed = true;
    queries = queries.flatMap((q) => written.map((w) => q + w)).slice(0, limit);
  }
  return changed ? queries : [];
}

/** Every string in a value, nested in arrays and objects at any depth: a record's fields and body, for {@link typedSpellings}. */
export function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === 'object' && !(value instanceof Date)) for (const item of Object.values(value)) yield* stringsIn(item);
}
