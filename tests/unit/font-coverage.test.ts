/**
 * Scripts the social images cannot draw: found once per script, asked of the
 * system's fonts once per script, and the cards that have them marked so that
 * their images are drawn again once a font is installed.
 */
import { describe, expect, it } from 'vitest';
import { foreignScripts, markMissingScripts } from '../../src/integrations/font-coverage.ts';
import { cardImageKey, type RecordCard } from '../../src/lib/social-image.ts';

const card = (id: string, title: string, text = 'A sentence.'): RecordCard => ({ folder: 'people', id, card: { kind: 'Person', title, text } });

describe('scripts beyond the card font', () => {
  it('are none for Latin, Greek and Cyrillic, accents, digits and punctuation', () => {
    expect(foreignScripts([card('a', 'Zoë Øberg – José Núñez © ™'), card('b', 'Ελένη Παππά'), card('c', 'Илья Соколов, 2024!')])).toEqual([]);
  });

  it('include emoji, which belong to no script', () => {
    expect(foreignScripts([card('a', 'Ana Lima'), card('rocket', '🚀 Rocket launch 🎉')]).map((f) => [f.script, f.char, f.card.id, f.fonts])).toEqual([
      ['Emoji', '🚀', 'rocket', 'fonts-noto-color-emoji'],
    ]);
  });

  it('are each found once, with the first card that has them', () => {
    const cards = [card('li-wei', '李伟'), card('misaki', '高橋美咲', 'みさき'), card('amal', 'أمل')];
    expect(foreignScripts(cards).map((f) => [f.script, f.char, f.card.id, f.fonts])).toEqual([
      ['Han', '李', 'li-wei', 'fonts-noto-cjk'],
      ['Hiragana', 'み', 'misaki', 'fonts-noto-cjk'],
      ['Arabic', 'أ', 'amal', 'fonts-noto-core'],
    ]);
  });
});

describe('markMissingScripts', () => {
  it('asks once per script, warns for those no font has, and marks their cards', () => {
    const cards = [card('li-wei', '李伟'), card('wang', '王芳'), card('amal', 'أمل'), card('ana', 'Ana Lima')];
    const keys = cards.map((c) => cardImageKey(c.card));
    const asked: string[] = [];
    const warnings = markMissingScripts(cards, (char) => (asked.push(char), char !== '李'));
    expect(asked).toEqual(['李', 'أ']);
    expect(warnings).toEqual([
      'social images: no font on this machine has Han characters ("李", first on the card of people/li-wei), so they are drawn as boxes; install one (on Debian or Ubuntu: apt-get install fonts-noto-cjk) and build again',
    ]);
    expect(cards.map((c) => c.card.unsupported)).toEqual([['Han'], ['Han'], undefined, undefined]);
    // Drawn with boxes, kept under another key than the card drawn with a font.
    expect(cards.map((c) => cardImageKey(c.card) === keys[cards.indexOf(c)])).toEqual([false, false, true, true]);
  });

  it('says nothing when fontconfig cannot be asked', () => {
    const cards = [card('li-wei', '李伟')];
    expect(markMissingScripts(cards, () => undefined)).toEqual([]);
    expect(cards[0]!.card.unsupported).toBeUndefined();
  });

  it('asks nothing when every card is in the card font’s scripts', () => {
    expect(markMissingScripts([card('ana', 'Ana Lima')], () => { throw new Error('asked'); })).toEqual([]);
  });
});
