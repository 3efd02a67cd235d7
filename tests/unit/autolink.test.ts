/**
 * Names linked by themselves: first mention per section, never in headings,
 * links or code, opt-outs on people and stories, and the same result in the
 * graph as on the page.
 */
import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { linkMentions } from '../../src/lib/mentions.ts';
import { LinkIndex } from '../../src/lib/resolve.ts';
import { extractMentions } from '../../src/lib/extract.ts';
import { partialDate, setDateStyle } from '../../src/lib/dates.ts';
import type { EventId, PersonId } from '../../src/lib/ids.ts';
import type { Target } from '../../src/lib/records.ts';

const people = [
  { id: 'jeff-sessions' as PersonId, name: 'Jeff Sessions', aliases: ['Sessions'], file: 'p/jeff-sessions.md' },
  { id: 'donald-trump' as PersonId, name: 'Donald Trump', aliases: ['Trump'], file: 'p/donald-trump.md' },
  { id: 'john-may' as PersonId, name: 'John May', aliases: ['May'], file: 'p/john-may.md', autolink: false },
];
const events = [
  { id: 'comey-testimony' as EventId, title: 'Comey testifies', file: 'e/comey-testimony.md', date: partialDate('2017-06-08') },
  { id: 'senate-inquiry' as EventId, title: 'The Senate inquiry', file: 'e/senate-inquiry.md', date: partialDate('2017-01'), ongoing: true as const },
];
const index = new LinkIndex(people, events);
const href = (t: Target) => `/${t.kind}/${t.id}/`;

function linked(md: string, options: { autolink?: boolean } = { autolink: true }) {
  const tree = remark().use(remarkGfm).parse(md);
  const result = linkMentions(tree, { index, href, source: md, ...options });
  return result.mentions.map((m) => `${m.via}:${m.target.id}@${m.line}:${m.column}`);
}

describe('autolinking', () => {
  it.each<[string, string, string[]]>([
    ['first mention only, per section', 'Trump spoke. Trump left.\n\nTrump returned.', ['auto:donald-trump@1:1']],
    ['again after a heading', 'Trump spoke.\n\n## Later\n\nTrump returned.', ['auto:donald-trump@1:1', 'auto:donald-trump@5:1']],
    ['never in a heading', '## Trump and Sessions\n\nNothing here.', []],
    ['not inside an existing link', 'See [Trump’s page](https://example.com) and Sessions.', ['auto:jeff-sessions@1:45']],
    ['not in code', 'Run `Trump` and\n\n```\nSessions\n```', []],
    ['an explicit link counts as the first mention', '[[donald-trump|The president]] met Trump.', ['explicit:donald-trump@1:1']],
    ['the longest name wins', 'Jeff Sessions, then Sessions.', ['auto:jeff-sessions@1:1']],
    ['possessives', "Trump's lawyer met Sessions’ aide.", ['auto:donald-trump@1:1', 'auto:jeff-sessions@1:20']],
    ['case-sensitive', 'the sessions of the committee', []],
    ['a person who opted out is not autolinked', 'In May, John May said so.', []],
    ['but can still be linked explicitly', 'In May, [[John May]] said so.', ['explicit:john-may@1:9']],
    ['each editor’s note is a section of its own', 'Trump spoke.[^a]\n\n[^a]: Trump did.', ['auto:donald-trump@1:1', 'auto:donald-trump@3:7']],
    ['blockquote continuation lines keep exact columns', '> quoted\n> and Trump too', ['auto:donald-trump@2:7']],
    ['a name in a longer name is no mention, so the next one is linked', 'At Trump Tower, Donald Trump spoke.', ['auto:donald-trump@1:17']],
    ['one word, then the full name in the same text: the full name is linked', 'Sessions stayed, Jeff Sessions said.', ['auto:jeff-sessions@1:18']],
    ['the full name, then one word: the first is linked', 'Jeff Sessions stayed, Sessions said.', ['auto:jeff-sessions@1:1']],
    ['the full name twice: the first is linked', 'Jeff Sessions stayed, Jeff Sessions said.', ['auto:jeff-sessions@1:1']],
  ])('%s', (_name, md, expected) => {
    expect(linked(md)).toEqual(expected);
  });

  it('quotes a name in a table with its row, and anchors the row', () => {
    const md = 'Results:\n\n| Name | Verdict |\n| --- | --- |\n| Jeff Sessions | Cleared |\n';
    const tree = remark().use(remarkGfm).parse(md);
    const [mention] = linkMentions(tree, { index, href, source: md, autolink: true }).mentions;
    expect(mention).toMatchObject({ anchor: 'p-jeff-sessions-cleared', sentence: 'Jeff Sessions · Cleared', start: 0, end: 13, line: 5 });
  });

  it('is off unless asked for (a story with autolink: false)', () => {
    expect(linked('Trump spoke.', {})).toEqual([]);
  });

  it('never links a person’s own record to itself', () => {
    const result = extractMentions(
      { kind: 'person', id: 'donald-trump', body: 'Trump met Sessions.', bodyLine: 5, file: 'p/donald-trump.md' },
      { index, href },
    );
    expect(result.mentions.map((m) => m.target.id)).toEqual(['jeff-sessions']);
    expect(result.mentions[0]!.line).toBe(5);
  });

  it('a story that opts out keeps only its explicit links', () => {
    const published = { iso: '2017-06-07', day: partialDate('2017-06-07') };
    const result = extractMentions(
      { kind: 'story', id: 's', autolink: false, published, body: 'Trump met [[Sessions]].', bodyLine: 1, file: 's.md' },
      { index, href },
    );
    expect(result.mentions.map((m) => `${m.via}:${m.target.id}`)).toEqual(['explicit:jeff-sessions']);
  });
});

describe('dates in a story', () => {
  const published = { iso: '2017-06-07', day: partialDate('2017-06-07') };
  const story = (body: string) =>
    extractMentions({ kind: 'story', id: 's', published, body, bodyLine: 10, file: 'content/stories/s.md' }, { index, href });

  it('are anchored and reported with their position in the file', () => {
    const result = story('Intro.\n\nHe met him in September last year.');
    expect(result.dates).toEqual([{ text: 'in September last year', datetime: '2016-09', line: 12, column: 12 }]);
    expect(result.warnings).toEqual([]);
  });

  it('are read in whole sentences, not cut at a date written short ("Oct. 20.")', () => {
    const result = story('Sentencing is set for Oct. 20. Trump takes office Dec. 1.');
    expect(result.dates.map((d) => [d.text, d.datetime])).toEqual([
      ['Oct. 20', '2017-10-20'],
      ['Dec. 1', '2017-12-01'],
    ]);
  });

  it('give a span of days from its first day to its last, in the page and in the quote', () => {
    const result = story('Sessions testified on March 3-5.');
    expect(result.dates.map((d) => [d.text, d.datetime])).toEqual([['on March 3-5', '2017-03-03/2017-03-05']]);
    expect(result.mentions[0]!.sentence).toBe('Sessions testified on March 3-5 (March 3–5, 2017).');
  });

  it('give two days named together both, not the first alone', () => {
    const result = story('Sessions testified on March 3 and 10.');
    expect(result.dates.map((d) => [d.text, d.datetime])).toEqual([['on March 3 and 10', '2017-03-03 and 2017-03-10']]);
    expect(result.mentions[0]!.sentence).toBe('Sessions testified on March 3 and 10 (March 3 and 10, 2017).');
  });

  it('are written in the site’s date style, day first when it is set so', () => {
    setDateStyle('day-first');
    try {
      const result = story('Sessions testified on 3 March and again on March 3-5.');
      expect(result.mentions[0]!.sentence).toBe('Sessions testified on 3 March (3 March 2017) and again on March 3-5 (3–5 March 2017).');
    } finally {
      setDateStyle('month-first');
    }
  });

  it('quote a mention with the punctuation the page prints: curly quotes, dashes', () => {
    const [mention] = story('He said "Sessions\'s aide" -- not O\'Brien -- knew.').mentions;
    expect(mention).toMatchObject({ sentence: 'He said “Sessions’s aide” — not O’Brien — knew.', start: 9, end: 17 });
  });

  it('quote a mention in its whole sentence, not from a title written short', () => {
    const result = story('The hearings were led by Sen. Jeff Sessions, who spoke first.');
    expect(result.mentions[0]!.sentence).toBe('The hearings were led by Sen. Jeff Sessions, who spoke first.');
  });

  it('warn when a past-tense date falls after publication', () => {
    const result = story('Sessions met the ambassador in July of this year.');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ file: 'content/stories/s.md', line: 10, column: 29 });
    expect(result.warnings[0]!.message).toContain('"in July of this year" resolves to 2017-07: past tense, but July 2017 is after publication');
  });

  it('warn when a day disagrees with the event linked around it', () => {
    const result = story('Comey [[comey-testimony|will be questioned on Friday]] by senators.');
    expect(result.warnings[0]!.message).toContain('the linked event “Comey testifies” is dated June 8, 2017');
  });

  it('check a date in an event still going on against its start only', () => {
    const within = story('Sessions told [[senate-inquiry|the inquiry on Friday]] that he had no notes.');
    expect(within.dates.map((d) => d.datetime)).toEqual(['2017-06-02']);
    expect(within.warnings).toEqual([]);
    const before = story('Sessions spoke to [[senate-inquiry|the inquiry last year]] about the meetings.');
    expect(before.warnings[0]!.message).toContain('the linked event “The Senate inquiry” began January 2017');
  });

  it('do not warn when the day matches the linked event', () => {
    const result = story('Comey [[comey-testimony|will testify on Thursday]] before senators.');
    expect(result.dates.map((d) => d.datetime)).toEqual(['2017-06-08']);
    expect(result.warnings).toEqual([]);
  });

  it('do not warn when a day stands beside the linked event, not in its words', () => {
    const result = story('Sessions yesterday called for calm, a week after [[comey-testimony|Comey testified]].');
    expect(result.dates.map((d) => d.datetime)).toEqual(['2017-06-06']);
    expect(result.warnings).toEqual([]);
  });

  it('leave days inside a direct quotation as written (they count from when the words were said)', () => {
    const result = story('“Today we learned the truth,” Sessions said on Friday. He spoke of “the vote last month”.');
    expect(result.dates.map((d) => [d.text, d.datetime])).toEqual([
      ['on Friday', '2017-06-02'],
      ['last month', '2017-05'],
    ]);
  });

  // Under a heading, a lead-in or a list item naming another year, "in March" is that year's March,
  // which the words alone do not say for sure: left as written, as in a sentence that names another year.
  it.each<[string, string, string[]]>([
    ['a heading naming another year', '## 2016\n\nThe council met in March.', []],
    ['a heading naming a month of another year', '## March 2016\n\nThe council met on Friday.', []],
    ['a subheading under such a heading', '## 2016\n\n### The vote\n\nThe council met in March.', []],
    ['a heading of the same level ends it', '## 2016\n\nThe vote.\n\n## Now\n\nThe council met in March.', ['in March 2017-03']],
    ['a heading naming the publication’s year', '## 2017\n\nThe council met in March.', ['in March 2017-03']],
    ['a heading without a year', '## Background\n\nThe council met in March.', ['in March 2017-03']],
    ['a heading that only mentions a year', '## The 2016 campaign and what it means now\n\nThe council met in March.', ['in March 2017-03']],
    ['a lead-in that only mentions a year', '*Published in 2016*\n\nThe council met in March.', ['in March 2017-03']],
    ['a bold lead-in naming another year', '**2016**\n\nThe council met in March.\n\n**2017**\n\nIt met again in May.', ['in May 2017-05']],
    ['a long bold paragraph is no lead-in', '**Correction: an earlier version misstated the 2016 vote.**\n\nThe council met in March.', ['in March 2017-03']],
    ['a list item naming another year, for the items under it', '- **Spring 2016**: the plan\n  - testifies April 17\n- The vote in May', ['in May 2017-05']],
    ['days named outright still count from publication', '## 2016\n\nThe council met yesterday.', ['yesterday 2017-06-06']],
    ['a day in a block quotation is the speaker’s, as in a direct quotation', '> He was the quarterback tonight, and we play again Friday.\n\nThe team lost in May.', ['in May 2017-05']],
    ['a month in a block quotation is still dated', '> The plant closed in March.', ['in March 2017-03']],
  ])('%s', (_label, body, expected) => {
    expect(story(body).dates.map((d) => `${d.text} ${d.datetime}`)).toEqual(expected);
  });

  it('are not anchored in editor’s notes or headings', () => {
    const result = story('## Friday\n\nText.[^n]\n\n[^n]: Comey testified on Thursday, not on Friday.');
    expect(result.dates).toEqual([]);
  });
});

describe('a surname that is an everyday word, opening a sentence', () => {
  const index = new LinkIndex(
    [
      { id: 'gail-young' as PersonId, name: 'Gail Young', aliases: ['Young'], file: 'p/gail-young.md' },
      { id: 'conrad-bell' as PersonId, name: 'Conrad Bell', aliases: ['Bell'], file: 'p/conrad-bell.md' },
    ],
    [],
  );
  const story = (body: string, people: string[] = []) => extractMentions({ kind: 'story', id: 's', body, bodyLine: 1, file: 's.md', people }, { index, href });
  const targets = (result: ReturnType<typeof story>) => result.mentions.map((m) => `${m.text}:${m.target.id}`);

  it.each<[string, string, string[], string[]]>([
    ['is the word before the record names its owner', 'Young jurors took notes. Bell rang twice.', [], []],
    ['is the person once named in full', 'Gail Young chairs the board.\n\n## Later\n\nYoung said no.', [], ['Gail Young:gail-young', 'Young:gail-young']],
    ['is the person when the record lists them', 'Young said no.', ['gail-young'], ['Young:gail-young']],
    ['is the person inside a sentence', 'The chair, Young, said no.', [], ['Young:gail-young']],
    ['is the person after words of the sentence', 'On Monday Young said no.', [], ['Young:gail-young']],
    ['once named, is the word where the next word is no verb', 'Gail Young chairs the board.\n\n## Later\n\nYoung jurors took notes. Young insisted.', [], ['Gail Young:gail-young', 'Young:gail-young']],
    ['once named, is the person before a verb, an auxiliary or an adverb', 'Gail Young chairs.\n\n## A\n\nYoung resigned.\n\n## B\n\nYoung has left.\n\n## C\n\nYoung later wrote.\n\n## D\n\nYoung told us.', [], [
      'Gail Young:gail-young', 'Young:gail-young', 'Young:gail-young', 'Young:gail-young', 'Young:gail-young',
    ]],
    ['listed, is the word before a noun', 'Young investors came.', ['gail-young'], []],
  ])('%s', (_name, body, people, expected) => {
    expect(targets(story(body, people))).toEqual(expected);
  });

  it('is reported once, at its place, with the link to write if it is them', () => {
    const { warnings } = story('Intro.\n\nYoung jurors took notes. Young people came.');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 3, column: 1, hint: 'if it is them, name them in full first, or link it: [[gail-young|Young]]' });
    expect(warnings[0]!.message).toBe('"Young" opens a sentence before this record names Gail Young and is not linked: it may be the ordinary word');
  });

  it('once named, is reported with the word after it', () => {
    const { warnings } = story('Gail Young chairs.\n\n## Later\n\nYoung investors came.');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 5, column: 1, hint: 'if it is them, link it: [[gail-young|Young]]' });
    expect(warnings[0]!.message).toBe('"Young investors" opens a sentence and reads as the ordinary word, not Gail Young: it is not linked');
  });
});

describe('a one-word name with a number after it', () => {
  const index = new LinkIndex([{ id: 'annette-ward' as PersonId, name: 'Annette Ward', aliases: ['Ward'], file: 'p/annette-ward.md' }], []);
  const story = (body: string) => extractMentions({ kind: 'story', id: 's', body, bodyLine: 1, file: 's.md' }, { index, href });

  it('is a place or a thing, not the person, and is reported once with the link to write', () => {
    const result = story('Staffing on Ward 12 was short. The unit on Ward 12 closed, and Ward 7 too.');
    expect(result.mentions).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      '"Ward 12" reads as the name of a place or thing (a ward, a room, a model), not Annette Ward: it is not linked',
      '"Ward 7" reads as the name of a place or thing (a ward, a room, a model), not Annette Ward: it is not linked',
    ]);
    expect(result.warnings[0]).toMatchObject({ line: 1, column: 13, hint: 'if it is them, link it: [[annette-ward|Ward]]' });
  });

  it('leaves the person linked where the name stands alone, or in full before a number', () => {
    expect(story('Ward, 58, retired.').mentions.map((m) => m.text)).toEqual(['Ward']);
    expect(story('Annette Ward 2 was the second ship named after her.').mentions.map((m) => m.text)).toEqual(['Annette Ward']);
  });
});

describe('a name that is also part of another person’s name', () => {
  // "Müller" is Hans-Peter Müller's alias, and part of Greta Müller's name.
  const namesakes = new LinkIndex(
    [
      { id: 'hans-peter-muller' as PersonId, name: 'Hans-Peter Müller', aliases: ['Müller'], file: 'p/hans-peter-muller.md' },
      { id: 'greta-muller' as PersonId, name: 'Greta Müller', aliases: [], file: 'p/greta-muller.md' },
      { id: 'rosa-young' as PersonId, name: 'Rosa Young', aliases: [], file: 'p/rosa-young.md' },
    ],
    [],
  );
  const story = (body: string, people: string[] = []) =>
    extractMentions({ kind: 'story', id: 's', body, bodyLine: 1, file: 's.md', people }, { index: namesakes, href });
  const targets = (result: ReturnType<typeof story>) => result.mentions.map((m) => `${m.text}:${m.target.id}`);

  it.each<[string, string, string[], string[], boolean]>([
    ['links the alias in a record that names only its owner', 'Hans-Peter Müller spoke.\n\n## Later\n\nMüller left.', [], ['Hans-Peter Müller:hans-peter-muller', 'Müller:hans-peter-muller'], false],
    ['links the alias in a record that names neither', 'Müller left.', [], ['Müller:hans-peter-muller'], false],
    ['leaves it after the other person is named', 'The pilot Greta Müller spoke.\n\n## Her warning\n\nMüller said no.', [], ['Greta Müller:greta-muller'], true],
    ['leaves it when the record lists the other person', 'Müller said no.', ['greta-muller'], [], true],
    ['leaves it when the record names both', 'Greta Müller spoke. Müller said no.', ['hans-peter-muller'], ['Greta Müller:greta-muller'], true],
    ['leaves it when the owner was named in full first', 'Hans-Peter Müller and Greta Müller spoke.\n\n## Later\n\nMüller left.', [], ['Hans-Peter Müller:hans-peter-muller', 'Greta Müller:greta-muller'], true],
  ])('%s', (_name, body, people, expected, warned) => {
    const result = story(body, people);
    expect(targets(result)).toEqual(expected);
    expect(result.warnings.some((w) => w.message.startsWith('"Müller" is not linked'))).toBe(warned);
  });

  it('tells the editor where, and how to link each mention', () => {
    const [warning] = story('Greta Müller spoke.\n\nLater Müller said no, and Müller left.').warnings;
    expect(warning).toMatchObject({ file: 's.md', line: 3, column: 7 });
    expect(warning!.message).toContain('it names Hans-Peter Müller (`hans-peter-muller`), whom this record does not name otherwise, and is part of the name of Greta Müller, whom it does');
    expect(warning!.hint).toBe('link each such mention: [[greta-muller|Müller]] or [[hans-peter-muller|Müller]]');
    const [both] = story('Hans-Peter Müller and Greta Müller spoke.\n\n## Later\n\nMüller left.').warnings;
    expect(both!.message).toBe('"Müller" is not linked: it may be Hans-Peter Müller (`hans-peter-muller`) or Greta Müller, all named in this record');
    expect(both).toMatchObject({ line: 5, column: 1 });
    // Once per body, not once per mention.
    expect(story('Greta Müller spoke.\n\nLater Müller said no, and Müller left.').warnings).toHaveLength(1);
  });
});

describe('links written wrong', () => {
  const body = (md: string) => extractMentions({ kind: 'story', id: 's', body: md, bodyLine: 1, file: 's.md' }, { index, href });

  it('an empty link is reported as empty, not as a name no one has', () => {
    expect(body('Before [[ ]] after.').issues).toEqual([expect.objectContaining({ line: 1, column: 8, message: 'the link [[ ]] is empty' })]);
  });

  it('an ambiguous link’s suggestion keeps the words shown', () => {
    const twins = new LinkIndex([], [
      { id: 'vote-a' as EventId, title: 'The vote', file: 'e/vote-a.md', date: partialDate('2020-01-01') },
      { id: 'vote-b' as EventId, title: 'The vote', file: 'e/vote-b.md', date: partialDate('2020-02-01') },
    ]);
    const result = extractMentions({ kind: 'story', id: 's', body: 'It [[The vote|failed in the evening]].', bodyLine: 1, file: 's.md' }, { index: twins, href });
    expect(result.issues[0]!.hint).toBe('write the id instead, for example [[vote-a|failed in the evening]]');
  });
});
