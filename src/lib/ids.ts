/**
 * Record ids. Ids are the Markdown file names (`content/people/jeff-sessions.md`
 * → `jeff-sessions`) and become URL segments, so they are kebab-case ASCII.
 * The brands keep a person id from being passed where an event id belongs.
 */
import { transliterate } from './transliterate.ts';

export type PersonId = string & { readonly __brand: 'PersonId' };
export type EventId = string & { readonly __brand: 'EventId' };
export type StoryId = string & { readonly __brand: 'StoryId' };

export type RecordKind = 'story' | 'person' | 'event';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th',
  Æ: 'Ae', Œ: 'Oe', Ø: 'O', Ł: 'L', Đ: 'D', Þ: 'Th',
};

/**
 * Turns a title or name into an id: accents folded ("Zoë" → "zoe"), every
 * other run of non-alphanumerics a single hyphen.
 */
export function toId(text: string): string {
  return text
    .replace(/[ßæœøłđþÆŒØŁĐÞ]/g, (c) => FOLDS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * An id for a title: `Budget vote` → `budget-vote`, `Ли Вэй` → `li-vey`,
 * `Patricia O'Brien` → `patricia-obrien` (an apostrophe inside a word joins
 * it); empty when the title has no letters or digits to make one of (Chinese, say).
 */
export function idFor(title: string): string {
  return toId(transliterate(title.replace(/(?<=\p{L})['’ʼ](?=\p{L})/gu, '')));
}
