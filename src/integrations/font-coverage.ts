/**
 * Scripts the social images cannot draw on this machine.
 *
 * Cards are set in Source Serif 4, which has Latin, Greek and Cyrillic; for
 * any other script Pango takes a font of the system's. Where the system has
 * none (a server without CJK fonts, say), the name comes out as boxes and
 * nothing says so. So the build looks for the scripts its cards use beyond
 * those three, asks fontconfig once per script whether a font has it, and
 * warns for each one missing, with a card that shows it and what to install.
 */
import { execFileSync } from 'node:child_process';
import type { RecordCard } from '../lib/social-image.ts';

/** What the card font has, and what every script shares (digits, punctuation, marks). */
const OWN = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]+/gu;

/** The scripts looked for, each with the Debian package of Noto fonts that has it. */
const SCRIPTS: { name: string; pattern: RegExp; fonts: string }[] = [
  ...['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo'].map((name) => ({ name, fonts: 'fonts-noto-cjk' })),
  ...['Arabic', 'Hebrew', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Tibetan', 'Georgian', 'Armenian', 'Ethiopic', 'Syriac', 'Thaana'].map((name) => ({
    name,
    fonts: 'fonts-noto-core',
  })),
].map(({ name, fonts }) => ({ name, fonts, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));
/** Emoji are of no script (Common), so they are looked for in the whole text, not only beyond the card font's. */
const EMOJI = { name: 'Emoji', fonts: 'fonts-noto-color-emoji', pattern: /\p{Emoji_Presentation}/u };

/** A script the cards use beyond the card font's, with its first character and a card that has it. */
export interface ForeignScript {
  script: string;
  char: string;
  card: RecordCard;
  /** The Debian package with a font for it. */
  fonts: string;
  /** Matches a character of it. */
  pattern: RegExp;
}

/** The scripts beyond Latin, Greek and Cyrillic that the cards use, and emoji, each once. */
export function foreignScripts(cards: readonly RecordCard[]): ForeignScript[] {
  const found = new Map<string, ForeignScript>();
  for (const card of cards) {
    const { title, meta, text } = card.card;
    const all = `${title} ${meta ?? ''} ${text ?? ''}`;
    if (!found.has(EMOJI.name)) {
      const char = EMOJI.pattern.exec(all)?.[0];
      if (char) found.set(EMOJI.name, { script: EMOJI.name, char, card, fonts: EMOJI.fonts, pattern: EMOJI.pattern });
    }
    const rest = all.replace(OWN, '');
    if (!rest) continue;
    for (const script of SCRIPTS) {
      if (found.has(script.name)) continue;
      const char = [...rest].find((c) => script.pattern.test(c));
      if (char) found.set(script.name, { script: script.name, char, card, fonts: script.fonts, pattern: script.pattern });
    }
  }
  return [...found.values()];
}

/** Whether an installed font has the character, by fontconfig; `undefined` when fontconfig's `fc-list` is not there to ask. */
function fontHas(char: string): boolean | undefined {
  try {
    const hex = char.codePointAt(0)!.toString(16);
    return execFileSync('fc-list', [`:charset=${hex}`, 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim() !== '';
  } catch {
    return undefined;
  }
}

/**
 * A warning for each script the cards use that no installed font has; each
 * card with such a script is marked (`unsupported`), which changes the key
 * its image is kept under, so that it is drawn again once a font is there.
 */
export function markMissingScripts(cards: readonly RecordCard[], has: (char: string) => boolean | undefined = fontHas): string[] {
  const missing: ForeignScript[] = [];
  for (const found of foreignScripts(cards)) {
    const covered = has(found.char);
    if (covered === undefined) return []; // no way to ask: nothing to say
    if (!covered) missing.push(found);
  }
  if (missing.length === 0) return [];
  for (const { card } of cards) {
    const text = `${card.title} ${card.meta ?? ''} ${card.text ?? ''}`;
    const unsupported = missing.filter((m) => m.pattern.test(text)).map((m) => m.script);
    if (unsupported.length > 0) card.unsupported = unsupported;
  }
  return missing.map((found) => {
    const where = `${found.card.folder}/${found.card.id}`;
    return `social images: no font on this machine has ${found.script} characters ("${found.char}", first on the card of ${where}), so they are drawn as boxes; install one (on Debian or Ubuntu: apt-get install ${found.fonts}) and build again`;
  });
}
