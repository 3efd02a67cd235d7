import { describe, expect, it } from 'vitest';
import { directionOf } from '../../src/lib/text-direction.ts';

describe('directionOf', () => {
  it.each<[string | undefined, 'rtl' | undefined]>([
    ['ar', 'rtl'],
    ['fa-IR', 'rtl'],
    ['HE', 'rtl'],
    ['ku-Arab', 'rtl'],
    ['az-Latn', undefined],
    ['ar-Latn', undefined],
    ['es', undefined],
    ['pt-BR', undefined],
    [undefined, undefined],
  ])('%s → %s', (lang, dir) => {
    expect(directionOf(lang)).toBe(dir);
  });
});
