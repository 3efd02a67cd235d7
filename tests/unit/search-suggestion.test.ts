/** "Did you mean …?": a query word a letter or two from a word of a name or title, spelt as the site has it. */
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/lib/nearest.ts';
import { spellingWords, suggestion } from '../../src/lib/search-suggestion.ts';

const words = spellingWords(['Sergey Kislyak', 'Kislyak', 'Jeff Sessions', 'Attorney General Sessions', 'Rod Rosenstein', 'Robert S. Mueller III', 'Lech Wałęsa', 'Li', 'Sessions recuses himself from the Russia inquiry', 'travel ban']);

describe('spellingWords', () => {
  it('lists each word of four letters or more once, lowercase, sorted', () => {
    expect(words).toEqual(['attorney', 'from', 'general', 'himself', 'inquiry', 'jeff', 'kislyak', 'lech', 'mueller', 'recuses', 'robert', 'rosenstein', 'russia', 'sergey', 'sessions', 'travel', 'wałęsa']);
  });
});

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['sessions', 'sessions', 0],
    ['sesions', 'sessions', 1],
    ['kislak', 'kislyak', 1],
    ['travle', 'travel', 1],
    ['rsusia', 'russia', 1],
    ['abc', 'cba', 2],
    ['', 'abc', 3],
  ])('%s → %s: %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('suggestion', () => {
  it.each<[string, string | undefined]>([
    ['kislak', 'kislyak'],
    ['Kisljak', 'kislyak'],
    ['sesions', 'sessions'],
    ['sesssions', 'sessions'],
    ['rosenstien', 'rosenstein'],
    ['jeff sesions', 'jeff sessions'],
    ['Mueler testimony', 'mueller testimony'],
    // Titles' words too, and two letters swapped is one slip.
    ['recusel', 'recuses'],
    ['travle ban', 'travel ban'],
    ['Rusisa inquiry', 'russia inquiry'],
    // Spelt right, or nothing near: nothing to offer.
    ['sessions', undefined],
    ['Sessions', undefined],
    ['recusal', undefined],
    // Short words are near too many others.
    ['jef', undefined],
    ['rodd', undefined],
  ])('%s → %s', (query, expected) => {
    expect(suggestion(query, words)).toBe(expected);
  });
});
