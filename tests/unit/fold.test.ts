import { describe, expect, it } from 'vitest';
import { foldLatin, respellings, stringsIn, typedSpellings } from '../../src/lib/fold.ts';

describe('foldLatin', () => {
  it.each([
    ['Zoë Łukasiewicz', 'Zoe Lukasiewicz'],
    ['Ingrid Søndergaard', 'Ingrid Sondergaard'],
    ['Ærø', 'AEro'],
    ['Œuvre, straße', 'OEuvre, strasse'],
    ['Þórður Ðorđević', 'THordur Dordevic'],
    ['José Núñez', 'Jose Nunez'],
    ['Сергей', 'Сергеи'],
    ['plain', 'plain'],
  ])('%s → %s', (text, folded) => expect(foldLatin(text)).toBe(folded));
});

describe('typedSpellings', () => {
  it('lists the words the index cannot fold, by how they are typed', () => {
    expect(typedSpellings(['Lech Wałęsa met José Núñez in Wrocław.', 'WAŁĘSA again; Søndergaard and Sondergaard.'])).toEqual({
      sondergaard: ['søndergaard'],
      walesa: ['wałęsa'],
      wroclaw: ['wrocław'],
    });
  });

  it('is empty for text that folds by itself', () => expect(typedSpellings(['Zoë Núñez, Élodie'])).toEqual({}));
});

describe('respellings', () => {
  const spellings = { walesa: ['wałęsa'], wroclaw: ['wrocław'], lodz: ['łódź', 'łodz'] };
  it.each<[string, string[]]>([
    ['Walesa', ['wałęsa']],
    ['Walesa in Wroclaw', ['wałęsa in wrocław']],
    ['Wałęsa', []],
    ['Walęsa', ['wałęsa']],
    ['strike', []],
    ['Lodz', ['łódź', 'łodz']],
  ])('%s → %j', (query, expected) => expect(respellings(query, spellings)).toEqual(expected));

  it('makes at most `limit` queries', () => {
    expect(respellings('Lodz Lodz Lodz', spellings, 3)).toHaveLength(3);
  });
});

describe('stringsIn', () => {
  it('yields every string of a record, nested, and nothing else', () => {
    expect([...stringsIn({ name: 'Ł', roles: [{ title: 'Ø', from: { year: 2020 } }], count: 3, locate: () => 'x', body: 'æ' })]).toEqual(['Ł', 'Ø', 'æ']);
  });
});
