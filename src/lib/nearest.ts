/** Suggestions for a mistyped id or name: the closest known keys by edit distance. */

import { withoutLatinAccents } from './latin-accents.ts';

/** How many letters must be added, dropped, changed, or swapped with their neighbour to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Two rows back as well as one: two letters swapped ("recsual") is one slip, not two.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `limit` candidates near `query`, closest first. A candidate counts as
 * near when it contains the query or differs in at most a third of its letters.
 * Accents on Latin letters are not counted: `erdoğan` is near `recep-tayyip-erdogan`.
 */
export function nearest(query: string, candidates: Iterable<string>, limit = 3): string[] {
  const q = withoutLatinAccents(query).toLowerCase();
  const scored: { value: string; score: number }[] = [];
  for (const value of new Set(candidates)) {
    const v = withoutLatinAccents(value).toLowerCase();
    const distance = v.includes(q) || q.includes(v) ? Math.abs(v.length - q.length) / 4 : editDistance(q, v);
    if (distance <= Math.max(2, Math.ceil(Math.max(q.length, v.length) / 3))) scored.push({ value, score: distance });
  }
  scored.sort((a, b) => a.score - b.score || a.value.localeCompare(b.value));
  return scored.slice(0, limit).map((s) => s.value);
}
