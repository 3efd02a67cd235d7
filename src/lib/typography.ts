/**
 * Typographic punctuation: straight quotes curled, `--` and `---` an em dash,
 * `...` an ellipsis. The body's text is typeset by remark-typography
 * (src/markdown/); the sentences quoted from it on other pages are typeset
 * here too, so a quote reads as the passage it links to.
 */

/** After these (or at the start of a block), a quote opens. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-\u201C\u2018/]/;

/**
 * Typesets one run of text; `before` is the character just before it in its
 * block ('' at the block's start). Only the quotes are looked at one by one:
 * each is curled by the character before it, as typeset.
 */
export function typeset(text: string, before = ''): string {
  if (!/["'.-]/.test(text)) return text;
  const dashed = text.replace(/---?/g, '\u2014').replace(/\.\.\./g, '\u2026');
  // The quote just curled: it is the character before the next one when they touch.
  let lastAt = -2;
  let last = '';
  return dashed.replace(/["']/g, (quote, at: number) => {
    const previous = at === lastAt + 1 ? last : at === 0 ? before : dashed[at - 1]!;
    // An apostrophe inside a word (don't) or before a year ('90s) is a closing single quote.
    if (quote === '"') last = opens(previous) ? '\u201C' : '\u201D';
    else last = opens(previous) && !/^\d\ds?\b/.test(dashed.slice(at + 1, at + 5)) ? '\u2018' : '\u2019';
    lastAt = at;
    return last;
  });
}

const opens = (previous: string) => previous === '' || OPENS_AFTER.test(previous);
