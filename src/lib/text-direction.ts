/**
 * The direction a language is written in, for the `dir` beside a `lang`: a
 * story in Arabic marked only `lang="ar"` is laid out left to right, its full
 * stops at the wrong end and its wrapped lines out of order.
 */

/** Languages written right to left, by their first subtag. */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Scripts written right to left, for a tag that names its script ("az-Arab"). */
const RIGHT_TO_LEFT_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg']);

/** `'rtl'` for a BCP 47 tag of a language or script written right to left ("ar", "fa-IR", "ku-Arab"); otherwise undefined, the page's own direction. */
export function directionOf(lang: string | undefined): 'rtl' | undefined {
  if (lang === undefined) return undefined;
  const [language, ...rest] = lang.toLowerCase().split('-');
  const script = rest.find((subtag) => subtag.length === 4);
  if (script !== undefined) return RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : undefined;
  return RIGHT_TO_LEFT.has(language!) ? 'rtl' : undefined;
}
