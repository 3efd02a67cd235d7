/**
 * Cyrillic and Greek in Latin letters, for ids made from a name or title:
 * "Ли Вэй" → "li vey", "Αλέξανδρος" → "alexandros". A simple letter-for-letter
 * scheme, close to the one passports use; it makes readable URLs, not a
 * scholarly romanisation. Other scripts are left as they are.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian, Belarusian, Serbian and Macedonian letters.
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** The text, lower-cased, with its Cyrillic and Greek letters in Latin ones. */
export function transliterate(text: string): string {
  let out = '';
  let previous = '';
  for (const char of text.normalize('NFC').toLowerCase()) {
    // Cyrillic first, as it is: й and ё would lose what tells them apart once decomposed.
    const cyrillic = CYRILLIC[char];
    if (cyrillic !== undefined) {
      out += cyrillic;
      previous = char;
      continue;
    }
    // Greek without its accents: ά is α. The pair ου reads "ou".
    const base = char.normalize('NFD')[0]!;
    out += base === 'υ' && previous === 'ο' ? 'u' : (GREEK[base] ?? char);
    previous = base;
  }
  return out;
}
