import { describe, expect, it } from 'vitest';
import { NameMatcher, type NameEntry, type NameMatch } from '../../src/lib/name-matcher.ts';
import type { PersonId } from '../../src/lib/ids.ts';

const person = (id: string, ...names: string[]): NameEntry => ({ id: id as PersonId, names });

const people: NameEntry[] = [
  person('jeff-sessions', 'Jeff Sessions', 'Sessions', 'Attorney General Sessions'),
  // "Trump" twice: the same person repeating a name is not a conflict.
  person('donald-trump', 'Donald Trump', 'Trump', 'President Trump', 'Trump'),
  person('james-comey', 'James Comey', 'Comey'),
  person('sergey-kislyak', 'Sergey Kislyak', 'Kislyak', 'Сергей Кисляк', 'Кисляк'),
  // Given decomposed ("e" + U+0308): names are normalised to NFC.
  person('zoe-kravitz', 'Zoe\u0308 Kravitz'),
  person('zoya', 'Зоя'),
  person('xi-jinping', '習近平', 'Xi Jinping', 'Xi'),
  person('moon-jae-in', '문재인'),
  person('nguyen-thi-kim-ngan', 'Nguyễn Thị Kim Ngân'),
  // Curly apostrophe in the name; text with a straight one must still match.
  person('conan-obrien', 'Conan O’Brien'),
  person('brien-ward', 'Brien Ward', 'Brien'),
  person('jean-luc-melenchon', 'Jean-Luc Mélenchon', 'Mélenchon'),
  person('michael-dell', 'Michael Dell', 'Dell'),
  // Two people named John Smith: the name links to neither, and is not read as A's alias "Smith".
  person('john-smith-a', 'John Smith', 'Smith'),
  person('john-smith-b', 'John  Smith'),
  // Names with a small particle first.
  person('anneke-van-gogh', 'Anneke van Gogh', 'van Gogh'),
  person('luis-de-la-cruz', 'Luis de la Cruz', 'de la Cruz'),
  person('bashar-al-assad', 'Bashar al-Assad', 'al-Assad'),
  // Nothing here is long enough to index.
  person('nobody', '', '   ', 'X', '习'),
];

const matcher = new NameMatcher(people);

/** [id, text as found, start]; the end is start + the found text's length. */
type Expected = [id: string, text: string, start: number];

const view = (m: NameMatch) => [m.id, m.text, m.start, m.end];
const expectedView = ([id, text, start]: Expected) => [id, text, start, start + text.length];

/** The first paragraph of content/stories/sessions-trump-rift.md as read: links shown as their text, footnote marks dropped. */
const SEED =
  "The U.S attorney general has been at a rift with President Donald Trump for several weeks now. Sessions was removed from an inquiry that is investigating Russian meddling in last year's U.S elections where Trump and his associates are accused of colluding with Moscow. ABC News first reported his removal. Trump has previously accused the U.S judiciary which Sessions heads of overturning his travel bans. Several other rifts have occurred in Trump's administration in the past such as the firing on FBI director James Comey. It is not known how long the U.S attorney general will hold on to his position.";

const cases: [title: string, text: string, expected: Expected[]][] = [
  ['empty input', '', []],
  ['text without names', 'The committee met on Tuesday and adjourned.', []],
  ['a surname alone', 'Comey testified.', [['james-comey', 'Comey', 0]]],
  ['full name beats the alias inside it', 'Then Jeff Sessions spoke.', [['jeff-sessions', 'Jeff Sessions', 5]]],
  ['title alias beats the surname', 'Attorney General Sessions spoke.', [['jeff-sessions', 'Attorney General Sessions', 0]]],
  [
    'a name inside another name is not matched again',
    'James Comey, or Comey',
    [
      ['james-comey', 'James Comey', 0],
      ['james-comey', 'Comey', 16],
    ],
  ],
  [
    'overlap: the leftmost match wins, then the scan resumes after it',
    'President Donald Trump',
    [['donald-trump', 'Donald Trump', 10]],
  ],
  [
    'adjacent names of different people',
    'Trump Sessions',
    [
      ['donald-trump', 'Trump', 0],
      ['jeff-sessions', 'Sessions', 6],
    ],
  ],
  [
    'the same name twice in a row',
    'Sessions Sessions',
    [
      ['jeff-sessions', 'Sessions', 0],
      ['jeff-sessions', 'Sessions', 9],
    ],
  ],
  ["possessive, straight: Trump's", "Trump's tweet", [['donald-trump', 'Trump', 0]]],
  ['possessive, curly: Trump’s', 'Trump’s tweet', [['donald-trump', 'Trump', 0]]],
  ["plural possessive, straight: Sessions'", "Sessions' recusal", [['jeff-sessions', 'Sessions', 0]]],
  ['plural possessive, curly: Sessions’', 'Sessions’ recusal', [['jeff-sessions', 'Sessions', 0]]],
  ["possessive after a name ending in s: Sessions's", "Sessions's recusal", [['jeff-sessions', 'Sessions', 0]]],
  ['possessive of a full name at the end of the text', 'it was James Comey’s', [['james-comey', 'James Comey', 7]]],
  ["an apostrophe-s that starts a longer word is no possessive: Trump'sville", "Trump'sville", []],
  ["an apostrophe inside a longer name joins it: Dell'Utri", "Marcello Dell'Utri and Dell's laptop", [['michael-dell', 'Dell', 23]]],
  ["a name after a word and an apostrophe is part of that word: O'Brien", "Pat O'Brien and 'Brien' himself", [['brien-ward', 'Brien', 17]]],
  ['apostrophes in names match straight or curly', "Conan O'Brien and Conan O’Brien", [
    ['conan-obrien', "Conan O'Brien", 0],
    ['conan-obrien', 'Conan O’Brien', 18],
  ]],
  ['a longer word is not the name: Trumpet', 'The Trumpet sounded for Trump', [['donald-trump', 'Trump', 24]]],
  ['a longer word is not the name: Kislyakov', 'Kislyakov met Kislyak', [['sergey-kislyak', 'Kislyak', 14]]],
  ['a letter before the name: McComey', 'McComey and AComey', []],
  ['a digit before or after the name', 'Comey2 and 2Comey', []],
  ['a non-BMP letter before the name (surrogate pair)', '\u{1D400}Comey', []],
  // U+0334 composes with nothing, so NFC leaves it standing next to the name.
  ['a combining mark before or after the name', 'Comey\u0334 and \u0334Comey', []],
  [
    'a hyphen is not a letter: pro-Trump, Trump-era, ex-Sessions',
    'pro-Trump, Trump-era, ex-Sessions',
    [
      ['donald-trump', 'Trump', 4],
      ['donald-trump', 'Trump', 11],
      ['jeff-sessions', 'Sessions', 25],
    ],
  ],
  ['a hyphen does not stand for a space in a name', 'Jeff-Sessions', [['jeff-sessions', 'Sessions', 5]]],
  ['case-sensitive: sessions is a word', 'sessions was removed after committee sessions', []],
  ['case-sensitive: upper case is not the name', 'TRUMP and JAMES COMEY', []],
  [
    'punctuation around names',
    'Comey, Comey. (Comey) “Comey” \'Comey\' Comey!',
    [
      ['james-comey', 'Comey', 0],
      ['james-comey', 'Comey', 7],
      ['james-comey', 'Comey', 15],
      ['james-comey', 'Comey', 23],
      ['james-comey', 'Comey', 31],
      ['james-comey', 'Comey', 38],
    ],
  ],
  ['a line break inside a name', 'Jeff\nSessions said', [['jeff-sessions', 'Jeff\nSessions', 0]]],
  ['a CRLF and indentation inside a name', 'Jeff\r\n   Sessions', [['jeff-sessions', 'Jeff\r\n   Sessions', 0]]],
  ['a no-break space inside a name', 'Jeff\u00a0Sessions', [['jeff-sessions', 'Jeff\u00a0Sessions', 0]]],
  ['Cyrillic full name', 'Посол Сергей Кисляк встретился', [['sergey-kislyak', 'Сергей Кисляк', 6]]],
  ['Cyrillic: an inflected form is a longer word', 'Кисляку и Кисляк', [['sergey-kislyak', 'Кисляк', 10]]],
  ['Cyrillic: Зоя inside Зоянова is not Зоя', 'Зоянова, Зоя', [['zoya', 'Зоя', 9]]],
  ['diacritics: precomposed text, name given decomposed', 'Zoë Kravitz arrived', [['zoe-kravitz', 'Zoë Kravitz', 0]]],
  [
    'diacritics: decomposed text matches, offsets in the original',
    'With Zoe\u0308 Kravitz.',
    [['zoe-kravitz', 'Zoe\u0308 Kravitz', 5]],
  ],
  ['diacritics: a Latin letter without its accent is the same letter', 'Zoe Kravitz', [['zoe-kravitz', 'Zoe Kravitz', 0]]],
  ['diacritics: a Cyrillic letter keeps its mark ("й" is no "и")', 'Зоя and Зой', [['zoya', 'Зоя', 0]]],
  ['Vietnamese', 'Chủ tịch Nguyễn Thị Kim Ngân phát biểu', [['nguyen-thi-kim-ngan', 'Nguyễn Thị Kim Ngân', 9]]],
  [
    'Vietnamese, decomposed text',
    'Bà Nguyễn Thị Kim Ngân'.normalize('NFD'),
    // "Bà " is four code units once decomposed.
    [['nguyen-thi-kim-ngan', 'Nguyễn Thị Kim Ngân'.normalize('NFD'), 4]],
  ],
  ['CJK: a Han name needs no word boundary', '國家主席習近平表示', [['xi-jinping', '習近平', 4]]],
  ['CJK: a Han name needs no boundary from Latin letters or digits either', 'G20習近平', [['xi-jinping', '習近平', 3]]],
  ['CJK: simplified characters are a different name', '习近平', []],
  ['Hangul: a name followed by a particle', '문재인은 말했다', [['moon-jae-in', '문재인', 0]]],
  // Decomposed Hangul is conjoining jamo, which are letters, not marks: "대통령 " is nine code units once decomposed.
  ['Hangul: decomposed text matches, offsets in the original', '대통령 문재인은'.normalize('NFD'), [
    ['moon-jae-in', '문재인'.normalize('NFD'), 9],
  ]],
  [
    'at the same start the longest name wins: Xi Jinping, not Xi',
    'Xi Jinping, or Xi',
    [
      ['xi-jinping', 'Xi Jinping', 0],
      ['xi-jinping', 'Xi', 15],
    ],
  ],
  ['CJK: a Latin name next to Han characters is a whole word', '会见Trump时，Xi Jinping说', [
    ['donald-trump', 'Trump', 2],
    ['xi-jinping', 'Xi Jinping', 9],
  ]],
  ['names with a hyphen', 'Jean-Luc Mélenchon, then Mélenchon', [
    ['jean-luc-melenchon', 'Jean-Luc Mélenchon', 0],
    ['jean-luc-melenchon', 'Mélenchon', 25],
  ]],
  ['a non-breaking hyphen matches the hyphen in a name', 'Jean\u2011Luc Mélenchon', [['jean-luc-melenchon', 'Jean\u2011Luc Mélenchon', 0]]],
  ['a name two people share links to neither, nor to an alias inside it', 'John Smith met John\nSmith', []],
  ['an alias only one person has still links', 'Smith said', [['john-smith-a', 'Smith', 0]]],
  ['names too short to index are ignored', 'X and 习 and Xavier', []],
  ['a capitalised word after a name makes a longer name: Trump Tower', 'Trump Tower, where Trump lives', [['donald-trump', 'Trump', 19]]],
  ['letters after a name end it: no longer name', 'Luis de la Cruz KC said so, and Trump MP, Mélenchon OBE and Jeff Sessions MEP.', [
    ['luis-de-la-cruz', 'Luis de la Cruz', 0],
    ['donald-trump', 'Trump', 32],
    ['jean-luc-melenchon', 'Mélenchon', 42],
    ['jeff-sessions', 'Jeff Sessions', 60],
  ]],
  ['a longer name after a full name: Donald Trump Jr.', 'Donald Trump Jr. and Donald Trump', [['donald-trump', 'Donald Trump', 21]]],
  ['a longer name across a line break, and not read as a name inside it', 'the Comey\nFoundation', []],
  ['a longer name in another script', 'Кисляк Холдинг и Кисляк', [['sergey-kislyak', 'Кисляк', 17]]],
  ['a lower-case word after a name is no longer name', 'Trump administration', [['donald-trump', 'Trump', 0]]],
  ['a possessive before a capitalised word is still the person', 'Trump’s Tower', [['donald-trump', 'Trump', 0]]],
  ['a name two people share after a name is still a name', 'Comey John Smith', [['james-comey', 'Comey', 0]]],
  ['a day after a name is no longer name (AP word order)', 'Prosecutors asked Comey Thursday whether', [['james-comey', 'Comey', 18]]],
  ['a month after a name is no longer name', 'Comey March testimony', [['james-comey', 'Comey', 0]]],
  ['a particle name opening a sentence, with a capital', 'De la Cruz said nothing. Van Gogh’s team left.', [
    ['luis-de-la-cruz', 'De la Cruz', 0],
    ['anneke-van-gogh', 'Van Gogh', 25],
  ]],
  ['a particle name with a hyphen, with a capital', 'Al-Assad spoke.', [['bashar-al-assad', 'Al-Assad', 0]]],
  ['a particle name after a first name is someone else’s', 'The painter Vincent van Gogh was invoked.', []],
  ['a particle name with every particle capitalised is the person', 'Mayor Van Gogh spoke; Van Gogh left.', [
    ['anneke-van-gogh', 'Van Gogh', 6],
    ['anneke-van-gogh', 'Van Gogh', 22],
  ]],
  ['a surname after a British or civic title, with its full stop or without', 'Cllr Comey spoke; Cllr. Comey and Ald. Comey agreed.', [
    ['james-comey', 'Comey', 5],
    ['james-comey', 'Comey', 24],
    ['james-comey', 'Comey', 39],
  ]],
  ['a particle name after a title, a day or an opening word is the person', 'Mayor van Gogh, Dr. van Gogh, on Monday van Gogh. Yesterday van Gogh said.', [
    ['anneke-van-gogh', 'van Gogh', 6],
    ['anneke-van-gogh', 'van Gogh', 20],
    ['anneke-van-gogh', 'van Gogh', 40],
    ['anneke-van-gogh', 'van Gogh', 60],
  ]],
  // One word of a name after someone else's first name, or in a name of something else, is not the person.
  ['a surname after another first name', 'Ridgeview coach Tom Comey said so.', []],
  ['a surname in the name of a thing', 'a Michael Dell laptop, an Aston Dell, a Bob Comey song', [['michael-dell', 'Michael Dell', 2]]],
  ['a surname after a title, a possessive, an acronym or an opening word is the person', 'Director Comey; Ridgeview’s Comey; FBI Comey. Despite Comey’s words. Fortunately Comey left, and asked about it, Comey spoke.', [
    ['james-comey', 'Comey', 9],
    ['james-comey', 'Comey', 28],
    ['james-comey', 'Comey', 39],
    ['james-comey', 'Comey', 54],
    ['james-comey', 'Comey', 81],
    ['james-comey', 'Comey', 113],
  ]],
  ['a full name after a capitalised word is still the person', 'Republican Jeff Sessions spoke.', [['jeff-sessions', 'Jeff Sessions', 11]]],
  ['a surname after a party, "Former" or a civic title is the person', 'Republican Comey; Former Dell aides; Councilmember Sessions', [
    ['james-comey', 'Comey', 11],
    ['michael-dell', 'Dell', 25],
    ['jeff-sessions', 'Sessions', 51],
  ]],
  ['a name in someone’s double-barrelled name is not the person; two names joined are', 'Dana Comey-Jones and Mary Brown-Comey spoke; the Sessions-Kislyak talks; the Trump-Kim summit; pro-Trump.', [
    ['jeff-sessions', 'Sessions', 49],
    ['sergey-kislyak', 'Kislyak', 58],
    ['donald-trump', 'Trump', 77],
    ['donald-trump', 'Trump', 99],
  ]],
  ['a surname after a title, a party, a nationality, a plural title or a title joined by a hyphen is the person', 'Councilor Comey, City Manager Comey, President-elect Comey, Then-Mayor Comey, Senators Comey and Dell, Australian Comey. Said Comey: no.', [
    ['james-comey', 'Comey', 10],
    ['james-comey', 'Comey', 30],
    ['james-comey', 'Comey', 53],
    ['james-comey', 'Comey', 71],
    ['james-comey', 'Comey', 87],
    ['michael-dell', 'Dell', 97],
    ['james-comey', 'Comey', 114],
    ['james-comey', 'Comey', 126],
  ]],
  ['a quoted word after a name is no nickname in it', "Officials said Comey 'Lied' About Trump.", [
    ['james-comey', 'Comey', 15],
    ['donald-trump', 'Trump', 34],
  ]],
  ['a prefix with a capital is no name', 'Anti-Trump and Ex-Comey aides.', [
    ['donald-trump', 'Trump', 5],
    ['james-comey', 'Comey', 18],
  ]],
  ['"Will" is a first name', 'Will Comey sang.', []],
  ['a place named after the person is not the person', 'They landed at Comey airport, crossed the James Comey bridge and met Comey.', [['james-comey', 'Comey', 69]]],
  // Initials before a surname: the person's own first name before them, or initials that start it, make it theirs.
  ['initials after another first name, or that start none of the person’s, are someone else’s', 'Coach Tom J. Comey spoke; James B. Comey spoke; T.J. Comey left; J. Comey stayed; Director J. Comey; in the U.S. Comey said.', [
    ['james-comey', 'Comey', 35],
    ['james-comey', 'Comey', 68],
    ['james-comey', 'Comey', 94],
    ['james-comey', 'Comey', 113],
  ]],
  ['a middle initial after the person’s own first name', 'Donald J. Trump met Robert F. Trump.', [['donald-trump', 'Trump', 10]]],
  ['a nickname in quotation marks inside a name', 'Coach James “Jim” Comey and Jeff "The Fox" Sessions; “Comey” Sessions.', [
    ['james-comey', 'James “Jim” Comey', 6],
    ['jeff-sessions', 'Jeff "The Fox" Sessions', 28],
    ['james-comey', 'Comey', 54],
    ['jeff-sessions', 'Sessions', 61],
  ]],
  [
    'the seed article’s first paragraph',
    SEED,
    [
      ['donald-trump', 'Donald Trump', 59],
      ['jeff-sessions', 'Sessions', 95],
      ['donald-trump', 'Trump', 206],
      ['donald-trump', 'Trump', 306],
      ['jeff-sessions', 'Sessions', 359],
      ['donald-trump', 'Trump', 443],
      ['james-comey', 'James Comey', 513],
    ],
  ],
];

describe('initials and accents', () => {
  it('reads the person’s first name before a middle initial with or without its accent', () => {
    const accented = new NameMatcher([person('jose-pike', 'José Pike', 'Pike')]);
    expect(accented.find('Jose J. Pike and José J. Pike; Tom J. Pike.').map(view)).toEqual([
      ['jose-pike', 'Pike', 8, 12],
      ['jose-pike', 'Pike', 25, 29],
    ]);
  });
});

describe('overlapping names', () => {
  const overlapping = new NameMatcher([
    person('xi-jinping', 'Xi Jinping', 'Xi', 'President Xi'),
    person('lula', 'Luiz Inácio Lula da Silva', 'Lula', 'Lula da Silva', 'President Lula'),
    person('george-w-bush', 'George W. Bush', 'Bush', 'President Bush'),
    person('george-h-w-bush', 'George H. W. Bush', 'Bush Sr.'),
  ]);

  it.each<[string, string, Expected[]]>([
    ['two names of one person that overlap are one link', 'Chinese President Xi Jinping spoke; President Lula da Silva replied.', [
      ['xi-jinping', 'President Xi Jinping', 8],
      ['lula', 'President Lula da Silva', 36],
    ]],
    ['a name passed over for the word after it claims nothing: another name inside it is found', 'President Bush Sr. spoke.', [['george-h-w-bush', 'Bush Sr.', 10]]],
    ['the title alias alone is still the person', 'President Xi spoke.', [['xi-jinping', 'President Xi', 0]]],
    ['the last words of a name after someone else’s first names are theirs', 'His son Fábio Luís Lula da Silva spoke.', []],
    ['the last words of a name after the person’s own first name are the person', 'Inácio Lula da Silva spoke; Brazil’s Lula da Silva replied.', [
      ['lula', 'Lula da Silva', 7],
      ['lula', 'Lula da Silva', 37],
    ]],
  ])('%s', (_title, text, expected) => {
    expect(overlapping.find(text).map(view)).toEqual(expected.map(expectedView));
  });
});

describe('a suffix and a nickname in the name itself', () => {
  const family = new NameMatcher([
    person('francis-deluca-sr', 'Francis “Buddy” DeLuca Sr.', 'DeLuca', 'Buddy DeLuca', 'Francis DeLuca'),
    person('frank-deluca-jr', 'Frank DeLuca Jr.', 'Frankie DeLuca'),
    person('samuel-okafor', 'Samuel Okafor'),
  ]);

  it.each<[string, string, Expected[]]>([
    ['the name as written, nickname and all, straight quotes or curly', 'Francis “Buddy” DeLuca Sr., who served three terms, died. Francis "Buddy" DeLuca Sr. too.', [
      ['francis-deluca-sr', 'Francis “Buddy” DeLuca Sr.', 0],
      ['francis-deluca-sr', 'Francis "Buddy" DeLuca Sr.', 58],
    ]],
    ['another of their names, followed by their own suffix', 'Francis DeLuca Sr. and Buddy DeLuca Sr. and DeLuca Sr spoke.', [
      ['francis-deluca-sr', 'Francis DeLuca Sr.', 0],
      ['francis-deluca-sr', 'Buddy DeLuca Sr.', 23],
      ['francis-deluca-sr', 'DeLuca Sr', 44],
    ]],
    ['someone else’s suffix is another person', 'DeLuca Jr. spoke; Frankie DeLuca Jr. replied; Samuel Okafor Jr. left.', [['frank-deluca-jr', 'Frankie DeLuca Jr.', 18]]],
    ['a suffix that only starts a word is no suffix', 'DeLuca Sra. spoke.', []],
  ])('%s', (_title, text, expected) => {
    expect(family.find(text).map(view)).toEqual(expected.map(expectedView));
  });
});

describe('NameMatcher.find', () => {
  it.each(cases)('%s', (_title, text, expected) => {
    const found = matcher.find(text);
    expect(found.map(view)).toEqual(expected.map(expectedView));
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('the seed paragraph with the people the brief names', () => {
  it('finds the same mentions when only those three people are indexed', () => {
    const seedMatcher = new NameMatcher([
      person('jeff-sessions', 'Jeff Sessions', 'Sessions', 'Attorney General Sessions'),
      person('donald-trump', 'Donald Trump', 'Trump'),
      person('james-comey', 'James Comey', 'Comey'),
    ]);
    expect(seedMatcher.find(SEED).map((m) => `${m.id}@${m.start}-${m.end}`)).toEqual([
      'donald-trump@59-71',
      'jeff-sessions@95-103',
      'donald-trump@206-211',
      'donald-trump@306-311',
      'jeff-sessions@359-367',
      'donald-trump@443-448',
      'james-comey@513-524',
    ]);
  });
});

describe('NameMatcher.size', () => {
  it.each<[title: string, entries: NameEntry[], size: number]>([
    ['no people', [], 0],
    ['distinct names, repeats counted once', [person('a', 'Ann Lee', 'Lee', 'Lee', ' Lee ')], 2],
    ['blank and one-character names are not indexed', [person('a', '', ' \n ', 'A', '习', 'Al')], 1],
    ['a name two people share is not counted', [person('a', 'Ann Lee', 'Lee'), person('b', 'Bo Lee', 'Lee')], 2],
    ['names equal after NFC and whitespace folding are one name', [person('a', 'Zoë  Kravitz', 'Zoe\u0308 Kravitz')], 1],
  ])('%s', (_title, entries, size) => {
    expect(new NameMatcher(entries).size).toBe(size);
  });

  it('counts the fixture’s linkable names', () => {
    // 3 + 3 + 2 + 4 + 1 + 1 + 3 + 1 + 1 + 1 + 2 + 2 + 2 + 1 ("Smith"; "John Smith" is shared) + 2 + 2 + 2 + 0;
    // the particle names' capitalised spellings ("Van Gogh") are not counted.
    expect(matcher.size).toBe(33);
  });
});

describe('a large index', () => {
  it('matches correctly with 5,000 people × 4 names in a 10,000-word text', () => {
    const syllables = ['ba', 'do', 'ki', 'lu', 'me', 'no', 'pa', 'ri', 'so', 'tu', 'va', 'ze', 'gor', 'lin', 'mar', 'tek', 'vos', 'dan', 'rel', 'hum'];
    const firsts = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas'];
    const surname = (i: number) => {
      const s = syllables[i % 20]! + syllables[Math.floor(i / 20) % 20]! + syllables[Math.floor(i / 400) % 20]!;
      return s[0]!.toUpperCase() + s.slice(1);
    };
    const entries: NameEntry[] = [];
    for (let i = 0; i < 5000; i++) {
      const last = surname(i);
      const first = firsts[i % firsts.length]!;
      entries.push(person(`p${i}`, `${first} ${last}`, last, `Senator ${last}`, `${first} Q. ${last}`));
    }
    const big = new NameMatcher(entries);
    expect(big.size).toBe(20_000);

    // Lower-case filler (never a name) with a mention every 10th word; the expected matches are recorded while writing.
    const filler = ['the', 'committee', 'said', 'on', 'tuesday', 'that', 'its', 'inquiry', 'would', 'continue'];
    const expected: string[] = [];
    let text = '';
    let words = 0;
    for (let i = 0; words < 10_000; i++) {
      for (const word of filler.slice(0, 9)) {
        text += `${word} `;
        words++;
      }
      const p = (i * 7919) % 5000;
      const last = surname(p);
      const first = firsts[p % firsts.length]!;
      const shown = [`${first} ${last}`, `${last}'s`, `Senator ${last}`, `${first} Q.\n${last}`][i % 4]!;
      const name = shown.endsWith("'s") ? last : shown;
      expected.push(`p${p}@${text.length}:${name}`);
      text += `${shown} `;
      words += shown.split(' ').length;
    }
    // A longer word made of a surname is not a mention.
    text += `and ${surname(3)}ian`;

    const found = big.find(text);
    expect(found.map((m) => `${m.id}@${m.start}:${m.text}`)).toEqual(expected);
    expect(found.length).toBeGreaterThan(900);
  });
});
