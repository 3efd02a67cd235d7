/** Sentences of news copy: abbreviations, initials and dates written short end none. */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/lib/sentences.ts';

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['a title before a name', 'The hearings were led by Sen. Diane Hartley-Moss. She spoke.', ['The hearings were led by Sen. Diane Hartley-Moss. ', 'She spoke.']],
    ['titles in a row', 'Mr. Smith met Dr. Jones and Gov. Brown in St. Louis.', ['Mr. Smith met Dr. Jones and Gov. Brown in St. Louis.']],
    ['a month written short before its day', 'Sentencing is set for Oct. 20. She takes office Dec. 1.', ['Sentencing is set for Oct. 20. ', 'She takes office Dec. 1.']],
    ['a month written short at a sentence’s end', 'She arrived in Jan. The rest left.', ['She arrived in Jan. ', 'The rest left.']],
    ['letters with stops before a name', 'Former U.S. Attorney General Jeff Sessions said so.', ['Former U.S. Attorney General Jeff Sessions said so.']],
    ['letters with stops ending a sentence', 'He moved to the U.S. He left.', ['He moved to the U.S. ', 'He left.']],
    ['initials', 'Then J. R. R. Tolkien wrote.', ['Then J. R. R. Tolkien wrote.']],
    ['a suffix, then lower case', 'Donald Trump Jr. said so. Trump Jr. The end.', ['Donald Trump Jr. said so. ', 'Trump Jr. ', 'The end.']],
    ['a suffix inside a street’s name', 'They met on Martin Luther King Jr. Boulevard. It rained.', ['They met on Martin Luther King Jr. Boulevard. ', 'It rained.']],
    ['a company written short before a title', 'Acme Inc. Chief Executive Jane Doe left. She said so.', ['Acme Inc. Chief Executive Jane Doe left. ', 'She said so.']],
    ['a company written short ends a sentence before a name', 'The suit was filed against Acme Inc. Pike said it had no merit.', ['The suit was filed against Acme Inc. ', 'Pike said it had no merit.']],
    ['a suffix ends a sentence before a name', 'It was founded by Tom Pike Jr. Bell took over in 2020.', ['It was founded by Tom Pike Jr. ', 'Bell took over in 2020.']],
    ['a number written short', 'It was resolution No. 5. It passed.', ['It was resolution No. 5. ', 'It passed.']],
    ['"no." as a word', 'He said no. Then yes!', ['He said no. ', 'Then yes!']],
    ['a quotation opening the next sentence', 'He left. “We won,” she said.', ['He left. ', '“We won,” she said.']],
    ['a one-word sentence ending in a full stop', 'It was Tom. Young people came.', ['It was Tom. ', 'Young people came.']],
  ])('%s', (_name, text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.segment)).toEqual(expected);
    // Together they are the text, each where it starts.
    expect(sentences.map((s) => s.segment).join('')).toBe(text);
    for (const s of sentences) expect(text.slice(s.index, s.index + s.segment.length)).toBe(s.segment);
  });
});
