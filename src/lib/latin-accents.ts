/**
 * Latin letters read without their accents, for matching names: "Erdogan" is
 * how much English copy writes Erdoğan, "Lopez Obrador" López Obrador. Only
 * the Latin script: in Cyrillic "й" is a letter of its own, not "и" with a mark.
 */

/** The Latin blocks with precomposed accented letters: Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional. */
const RANGES: readonly [number, number][] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
];

/**
 * UTF-16 code unit → the letter under its accents ("ğ" → "g"), or the unit
 * itself. One unit for one: offsets in a text stay where they were.
 */
export const LATIN_BASE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let unit = 0; unit < table.length; unit++) table[unit] = unit;
  for (const [from, to] of RANGES) {
    for (let unit = from; unit <= to; unit++) {
      const parts = String.fromCharCode(unit).normalize('NFD');
      if (parts.length > 1 && /^[A-Za-z]\p{M}+$/u.test(parts)) table[unit] = parts.charCodeAt(0);
    }
  }
  return table;
})();

/** The text with its Latin letters' accents taken off (NFC first, so "e" + a combining mark counts too). */
export function withoutLatinAccents(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) out += char.length === 1 ? String.fromCharCode(LATIN_BASE[char.charCodeAt(0)]!) : char;
  return out;
}
