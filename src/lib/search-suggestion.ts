/**
 * "Did you mean …?" for a search that found little: a query word a letter or
 * two away from a word of someone's name or of a title ("kislak", "sesions",
 * "recusel") is offered spelt as the site spells it. The search index matches
 * words and their beginnings, not near misses, and names are what readers
 * mistype most. Shared by the build, which lists the words, and the search
 * page, which uses them: so it imports only the edit distance.
 */
import { editDistance } from './nearest.ts';

/**
 * The words of the given names and titles, lowercase, each once, sorted: what
 * a suggestion may spell. Words under four letters are left out: no query
 * word is offered one (see {@link reach}).
 */
export function spellingWords(phrases: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const phrase of phrases) for (const [word] of phrase.toLowerCase().matchAll(/[\p{L}\p{M}]{4,}/gu)) words.add(word);
  return [...words].sort();
}

/** How far a word of this length may be from a name's word: none for short words, which are near too many. */
const reach = (length: number) => (length < 5 ? 0 : length < 8 ? 1 : 2);

/** The query with each word that is a near miss of a name's word spelt as the name has it; `undefined` when none is. */
export function suggestion(query: string, words: readonly string[]): string | undefined {
  const known = new Set(words);
  let changed = false;
  const corrected = query.replace(/[\p{L}\p{M}]+/gu, (piece) => {
    const word = piece.toLowerCase();
    if (known.has(word) || reach(word.length) === 0) return piece;
    let best: { word: string; distance: number } | undefined;
    for (const candidate of words) {
      if (Math.abs(candidate.length - word.length) > reach(word.length)) continue;
      const distance = editDistance(word, candidate);
      if (distance <= reach(word.length) && (!best || distance < best.distance)) best = { word: candidate, distance };
    }
    if (!best) return piece;
    changed = true;
    return best.word;
  });
  return changed ? corrected : undefined;
}
