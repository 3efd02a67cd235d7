/**
 * The people index, `/people/`. A small newsroom's people all fit on it, each
 * with their one-line summary. A newsroom's list of people grows with its
 * archive (101 KB of HTML at 800 people, 222 KB at 2,000), so past
 * PEOPLE_ONE_PAGE the index shows the letters of the alphabet with their
 * counts and the people in the most stories, and each letter has its own page
 * (`people/a-z/<letter>/`).
 *
 * That path cannot clash with a person's: a person's page is `people/<id>/`
 * and its only subpages are `people/<id>/stories/<year>/`, while a letter's
 * page is one level deeper than any person's and never named `stories`.
 */
import type { Graph } from './graph.ts';
import type { PersonRecord } from './records.ts';
import { groupBy } from './group.ts';
import { foldLatin } from './fold.ts';
import { filingName } from './filing.ts';

/** Past this many people, the index is split by letter. */
export const PEOPLE_ONE_PAGE = 300;

/** How many of the people in the most stories the split index shows. */
export const MOST_COVERED = 20;

/** The letter of names that start with no letter from A to Z (digits, other scripts). */
export const OTHER_LETTER = { slug: 'other', label: 'Other' } as const;

/** Where people are filed: a letter from A to Z, or {@link OTHER_LETTER}. */
export interface Letter {
  /** Its part of the page's path: `a` … `z`, or `other`. */
  slug: string;
  /** What readers see: `A` … `Z`, or `Other`. */
  label: string;
}

/** A letter with its people, by surname. */
export interface PeopleLetter extends Letter {
  people: readonly PersonRecord[];
}

/** A person and how many stories name or list them. */
export interface Covered {
  person: PersonRecord;
  stories: number;
}

/** What the people index shows. */
export interface PeopleIndex {
  /** Everyone, by surname, when they fit on one page; else none. */
  everyone: readonly PersonRecord[];
  /** The letters that have people, A to Z then Other, when the index is split; else none. */
  letters: readonly PeopleLetter[];
  /** When split: the people in the most stories, most first (ties by surname), each with their number of stories. */
  mostCovered: readonly Covered[];
  /** How many people in all. */
  count: number;
}

/**
 * The letter a name is filed under: its first letter or digit, without
 * accents (Élodie under E, Øystein under O). Leading quotes and other
 * punctuation are skipped.
 */
export function letterOf(name: string): Letter {
  // Folded before the first letter is taken: "É" is "E" and a mark, "Æ" is typed "AE", "Ø" "O".
  const base = /[\p{L}\p{N}]/u.exec(foldLatin(name))?.[0]?.toUpperCase() ?? '';
  return /^[A-Z]$/.test(base) ? { slug: base.toLowerCase(), label: base } : OTHER_LETTER;
}

/** The people filed under each letter of their surname (see filing.ts), A to Z then Other, each list in the order given. Letters without people are left out. */
export function peopleByLetter(peopleBySurname: readonly PersonRecord[]): PeopleLetter[] {
  const letters = groupBy(peopleBySurname, (person) => letterOf(filingName(person)).slug);
  const rank = (slug: string) => (slug === OTHER_LETTER.slug ? 1 : 0);
  return [...letters]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([, people]) => ({ ...letterOf(filingName(people[0]!)), people }));
}

/** The path of a letter's page, below the base. */
export const peopleLetterPath = (slug: string) => `people/a-z/${slug}/`;

/** The `count` people in the most stories, most first, then in the order given (by surname); people in no story are left out. */
export function mostCovered(peopleBySurname: readonly PersonRecord[], storyCount: (person: PersonRecord) => number, count = MOST_COVERED): Covered[] {
  return peopleBySurname
    .map((person, order) => ({ person, order, stories: storyCount(person) }))
    .filter(({ stories }) => stories > 0)
    .sort((a, b) => b.stories - a.stories || a.order - b.order)
    .slice(0, count)
    .map(({ person, stories }) => ({ person, stories }));
}

/** What `/people/` shows, and the letter pages if it is split. */
export function planPeopleIndex(graph: Pick<Graph, 'peopleBySurname' | 'personStories'>, limit = PEOPLE_ONE_PAGE): PeopleIndex {
  const people = graph.peopleBySurname;
  if (people.length <= limit) return { everyone: people, letters: [], mostCovered: [], count: people.length };
  return {
    everyone: [],
    letters: peopleByLetter(people),
    mostCovered: mostCovered(people, (person) => graph.personStories(person.id).length),
    count: people.length,
  };
}
