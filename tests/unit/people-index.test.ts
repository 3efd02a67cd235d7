/**
 * The people index: everyone on one page up to PEOPLE_ONE_PAGE people; past
 * that, the letters with their people and the people in the most stories.
 */
import { describe, expect, it } from 'vitest';
import { letterOf, mostCovered, OTHER_LETTER, PEOPLE_ONE_PAGE, MOST_COVERED, peopleByLetter, peopleLetterPath, planPeopleIndex } from '../../src/lib/people-index.ts';
import type { PersonRecord } from '../../src/lib/records.ts';
import { sortedByFilingName } from '../../src/lib/filing.ts';
import type { PersonId } from '../../src/lib/ids.ts';

const person = (name: string, i = 0) => ({ kind: 'person', id: `p${i}` as PersonId, name, summary: `${name}.`, roles: [], aliases: [] }) as unknown as PersonRecord;
/** People sorted by surname, as the graph keeps them. */
const bySurname = (names: string[]) => sortedByFilingName(names.map(person));

describe('letterOf', () => {
  it.each([
    ['Jeff Sessions', 'j', 'J'],
    ['jeff sessions', 'j', 'J'],
    ['Élodie Martin', 'e', 'E'],
    ['Øystein Berg', 'o', 'O'],
    ['Æsa Lund', 'a', 'A'],
    ['Łukasz Nowak', 'l', 'L'],
    ['Şebnem Korur', 's', 'S'],
    ['Ñandu Pérez', 'n', 'N'],
    ['“Whitey” Bulger', 'w', 'W'],
    ["'Abd al-Rahman", 'a', 'A'],
    ['  Zeno Tor', 'z', 'Z'],
    ['50 Cent', 'other', 'Other'],
    ['Владимир Путин', 'other', 'Other'],
    ['習近平', 'other', 'Other'],
    ['Ελένη Παππά', 'other', 'Other'],
    ['—', 'other', 'Other'],
    ['', 'other', 'Other'],
  ])('%s → %s', (name, slug, label) => {
    expect(letterOf(name)).toEqual({ slug, label });
  });
});

describe('peopleByLetter', () => {
  it('files everyone once, by surname, A to Z then Other, each letter in the order given', () => {
    const people = bySurname(['Zeno Tor', 'Ada Bar', 'Владимир Путин', 'Élodie Martin', 'Ada Aal', 'Emil Ek', '50 Cent', 'Bruno Ven']);
    const letters = peopleByLetter(people);
    expect(letters.map((l) => l.label)).toEqual(['A', 'B', 'C', 'E', 'M', 'T', 'V', 'Other']);
    expect(letters.map((l) => l.people.map((p) => p.name))).toEqual([
      ['Ada Aal'],
      ['Ada Bar'],
      ['50 Cent'],
      ['Emil Ek'],
      ['Élodie Martin'],
      ['Zeno Tor'],
      ['Bruno Ven'],
      ['Владимир Путин'],
    ]);
    expect(letters.flatMap((l) => l.people)).toHaveLength(people.length);
  });

  it('files a name as its record says, where the last word is not the surname', () => {
    const li = { ...person('Li Wei'), sortAs: 'Li Wei' } as PersonRecord;
    expect(peopleByLetter([li]).map((l) => l.label)).toEqual(['L']);
  });

  it('has no letters for no people, and no Other when every name is Latin', () => {
    expect(peopleByLetter([])).toEqual([]);
    expect(peopleByLetter(bySurname(['Ada Bar'])).map((l) => l.slug)).toEqual(['b']);
  });
});

describe('peopleLetterPath', () => {
  it('is below people/a-z/, one level deeper than any person page', () => {
    expect(peopleLetterPath('m')).toBe('people/a-z/m/');
    expect(peopleLetterPath(OTHER_LETTER.slug)).toBe('people/a-z/other/');
  });
});

describe('mostCovered', () => {
  const people = bySurname(['Ada', 'Bruno', 'Clara', 'Dmitri', 'Elena']);
  const counts: Record<string, number> = { Ada: 2, Bruno: 5, Clara: 0, Dmitri: 5, Elena: 1 };
  const count = (p: PersonRecord) => counts[p.name]!;

  it('lists the people in the most stories first, ties by name, without those in none', () => {
    expect(mostCovered(people, count).map(({ person, stories }) => [person.name, stories])).toEqual([
      ['Bruno', 5],
      ['Dmitri', 5],
      ['Ada', 2],
      ['Elena', 1],
    ]);
  });

  it('keeps at most the number asked for', () => {
    expect(mostCovered(people, count, 2).map(({ person }) => person.name)).toEqual(['Bruno', 'Dmitri']);
  });
});

describe('planPeopleIndex', () => {
  const graphOf = (n: number) => {
    const peopleBySurname = Array.from({ length: n }, (_, i) => person(`${String.fromCharCode(65 + (i % 26))}${String(i).padStart(5, '0')}`, i)).sort((a, b) => a.name.localeCompare(b.name));
    // Person i is in i % 7 stories.
    const personStories = (id: PersonId) => Array.from({ length: Number(id.slice(1)) % 7 });
    return { peopleBySurname, personStories } as never;
  };

  it.each([0, 1, PEOPLE_ONE_PAGE])('lists all %i people on one page', (n) => {
    const index = planPeopleIndex(graphOf(n));
    expect(index.everyone).toHaveLength(n);
    expect(index.letters).toEqual([]);
    expect(index.mostCovered).toEqual([]);
    expect(index.count).toBe(n);
  });

  it(`splits ${PEOPLE_ONE_PAGE + 1} people by letter, with the ${MOST_COVERED} in the most stories`, () => {
    const index = planPeopleIndex(graphOf(PEOPLE_ONE_PAGE + 1));
    expect(index.everyone).toEqual([]);
    expect(index.count).toBe(PEOPLE_ONE_PAGE + 1);
    expect(index.letters.map((l) => l.label)).toEqual([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']);
    expect(index.letters.reduce((sum, l) => sum + l.people.length, 0)).toBe(PEOPLE_ONE_PAGE + 1);
    expect(index.mostCovered).toHaveLength(MOST_COVERED);
    expect(index.mostCovered.every(({ stories }) => stories === 6)).toBe(true);
  });

  it('takes another limit', () => {
    expect(planPeopleIndex(graphOf(3), 2).letters.map((l) => l.label)).toEqual(['A', 'B', 'C']);
  });
});
