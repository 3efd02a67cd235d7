/**
 * A block's text split into sentences, for the quotes on person and event
 * pages and for the dates that count from the sentence around them.
 *
 * The platform's splitter (Intl.Segmenter) ends a sentence at every full stop
 * followed by a capital or a digit, so news copy came apart at its
 * abbreviations: "led by Sen. | Diane Hartley-Moss", "set for Oct. | 20.",
 * "Former U.S. | Attorney General Jeff Sessions". A page quoting the first
 * half then quoted "Sen." for a mention of her, and "Oct. 20" was never read
 * as a date. Its pieces are joined again where the full stop belongs to an
 * abbreviation, an initial, a "Jr." or "Inc.", or a sentence that goes on in
 * lower case.
 */

import { MONTH_ABBREVIATIONS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS } from './news-words.ts';

export interface Sentence {
  /** Where the sentence starts in the text. */
  index: number;
  /** Its words, with the spaces after them. */
  segment: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words written short inside a sentence, besides titles: "vs.", "e.g.". */
const SHORT_WORDS = new Set(['vs', 'cf', 'e.g', 'i.e']);

/** Words written short before a number ("Sept. 12", "No. 5"): their full stop ends no sentence when a number follows. */
const BEFORE_NUMBERS = new Set([...Object.keys(MONTH_ABBREVIATIONS), 'Mar', 'Apr', 'Jun', 'Jul', 'No', 'Nos', 'Vol', 'Art', 'Sec', 'Ch', 'Fig', 'pp', 'p']);

/**
 * Words written short after a name ("Martin Luther King Jr.", "Acme Inc."):
 * a sentence ends after them as often as not ("…against Acme Inc. Pike said
 * …"), so it goes on only into a word that names a place or a post after a
 * name ("Martin Luther King Jr. Boulevard", "Acme Inc. Chief Executive").
 */
const AFTER_NAMES = new Set(['Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Bros']);
const NAME_GOES_ON = new Set([
  'Boulevard', 'Blvd', 'Avenue', 'Ave', 'Street', 'Drive', 'Road', 'Parkway', 'Highway', 'Bridge', 'Center', 'Centre', 'Hall', 'High', 'School',
  'Elementary', 'Middle', 'Library', 'Park', 'Square', 'Memorial', 'Day', 'Airport', 'Stadium', 'Arena', 'Way', 'Plaza',
  'Chief', 'President', 'Chairman', 'Chairwoman', 'Chair', 'Executive', 'Director', 'Founder', 'Spokesman', 'Spokeswoman', 'Spokesperson',
]);

/** The word a piece ends with, when it ends with a full stop (and the spaces after it). */
const LAST_WORD = /(?:^|[\s(“"‘'[])([\p{L}.]+)\.\s*$/u;

/**
 * Whether the full stop ending `piece` belongs to a word written short, so
 * that `next` goes on the same sentence. (Also asked by the tense reading of
 * anchor-dates.ts, which splits at semicolons too.)
 */
export function goesOn(piece: string, next: string): boolean {
  // No sentence starts in lower case: "Trump Jr. said" is one sentence.
  const first = /^\s*["“‘'(]*(\S)/u.exec(next)?.[1] ?? '';
  if (/\p{Ll}/u.test(first)) return true;
  const word = LAST_WORD.exec(piece)?.[1];
  if (word === undefined) return false;
  if (TITLE_ABBREVIATIONS.has(word) || SHORT_WORDS.has(word)) return true;
  if (BEFORE_NUMBERS.has(word)) return /\d/.test(first);
  // An initial ("J.", "J. R. R.") or letters with stops ("U.S.", "D.C."): a sentence goes on unless the next word usually opens one.
  if (AFTER_NAMES.has(word)) return NAME_GOES_ON.has(/^\s*["“‘'(]*([\p{L}]+)/u.exec(next)?.[1] ?? '');
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return !SENTENCE_OPENERS.has(/^\s*["“‘'(]*([\p{L}]+)/u.exec(next)?.[1] ?? '');
  return false;
}

/** The sentences of `text`, in order, each with where it starts; together they are the whole text. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const last = out.at(-1);
    if (last && goesOn(last.segment, segment)) last.segment += segment;
    else out.push({ index, segment });
  }
  return out;
}
