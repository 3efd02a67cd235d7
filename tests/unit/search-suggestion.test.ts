/** "Did you mean …?": a query word a letter or two from a word of someone's name, spelt as the name has it. */
import { describe, expect, it } from 'vitest';
import { nameWords, suggestion } from '../../src/lib/search-suggestion.ts';

const words = nameWords(['Sergey Kislyak', 'Kislyak', 'Jeff Sessions', 'Attorney General Sessions', 'Rod Rosenstein', 'Robert S. Mueller III', 'Lech Wałęsa', 'Li']);

describe('nameWords', () => {
  it('lists each word of three letters or more once, lowercase, sorted', () => {
    expect(words).toEqual(['attorney', 'general', 'iii', 'jeff', 'kislyak', 'lech', 'mueller', 'robert', 'rod', 'rosenstein', 'sergey', 'sessions', 'wałęsa']);
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
