import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { linkMentions, plainText, type Mention, type MentionProblem } from '../../src/lib/mentions.ts';
import { extractMentions } from '../../src/lib/extract.ts';
import { LinkIndex } from '../../src/lib/resolve.ts';
import { formatIssue } from '../../src/lib/errors.ts';
import { renderTree } from '../../src/markdown/render.ts';
import type { Target } from '../../src/lib/records.ts';
import type { EventId, PersonId } from '../../src/lib/ids.ts';

const index = new LinkIndex(
  [
    { id: 'jeff-sessions' as PersonId, name: 'Jeff Sessions', aliases: ['Sessions'], file: 'content/people/jeff-sessions.md' },
    { id: 'sergey-kislyak' as PersonId, name: 'Sergey Kislyak', aliases: ['Kislyak'], file: 'content/people/sergey-kislyak.md' },
    { id: 'james-comey' as PersonId, name: 'James Comey', aliases: ['Comey'], file: 'content/people/james-comey.md' },
  ],
  [
    { id: 'sessions-recusal' as EventId, title: 'Sessions recuses himself', file: 'content/events/sessions-recusal.md' },
    // Same words as James Comey's alias: `[[Comey]]` is ambiguous.
    { id: 'comey-testimony' as EventId, title: 'Comey', file: 'content/events/comey-testimony.md' },
  ],
);
const href = (target: Target) => `/explainer/${target.kind === 'person' ? 'people' : 'events'}/${target.id}/`;

const parse = (md: string): Root => remark().use(remarkGfm).parse(md);
function run(md: string) {
  const tree = parse(md);
  const result = linkMentions(tree, { index, href, source: md });
  return { tree, ...result };
}

/** The anchors given to the top-level blocks, in order (undefined for blocks without one). */
function blockIds(tree: Root): (string | undefined)[] {
  return tree.children.map((node) => (node.data as { hProperties?: { id?: string } } | undefined)?.hProperties?.id);
}

/** A compact view of a mention for table comparisons. */
function view(m: Mention) {
  return { ref: `${m.target.kind}:${m.target.id}`, text: m.text, anchor: m.anchor, sentence: m.sentence, line: m.line, column: m.column };
}

interface Case {
  name: string;
  md: string;
  mentions: ReturnType<typeof view>[];
}

const P = (ref: string, text: string, anchor: string | undefined, sentence: string, line: number, column: number) => ({
  ref,
  text,
  anchor,
  sentence,
  line,
  column,
});

describe('linkMentions: where mentions are found', () => {
  it.each<Case>([
    {
      name: 'a bare person id, shown as the name',
      md: '[[jeff-sessions]] spoke.',
      mentions: [P('person:jeff-sessions', 'Jeff Sessions', 'p-jeff-sessions-spoke', 'Jeff Sessions spoke.', 1, 1)],
    },
    {
      name: 'a bare event id, shown as the title',
      md: 'Then [[sessions-recusal]].',
      mentions: [P('event:sessions-recusal', 'Sessions recuses himself', 'p-then-sessions-recuses-himself', 'Then Sessions recuses himself.', 1, 6)],
    },
    {
      name: 'a bare name or alias, shown as written',
      md: 'Then [[jeff sessions]] and [[SESSIONS]].',
      mentions: [
        P('person:jeff-sessions', 'jeff sessions', 'p-then-jeff-sessions-and-sessions', 'Then jeff sessions and SESSIONS.', 1, 6),
        P('person:jeff-sessions', 'SESSIONS', 'p-then-jeff-sessions-and-sessions', 'Then jeff sessions and SESSIONS.', 1, 28),
      ],
    },
    {
      name: 'an id in another case, shown as written',
      md: '[[Jeff-Sessions]] spoke.',
      mentions: [P('person:jeff-sessions', 'Jeff-Sessions', 'p-jeff-sessions-spoke', 'Jeff-Sessions spoke.', 1, 1)],
    },
    {
      name: 'a name with shown text',
      md: 'Then [[Jeff Sessions|the senator]] spoke.',
      mentions: [P('person:jeff-sessions', 'the senator', 'p-then-the-senator-spoke', 'Then the senator spoke.', 1, 6)],
    },
    {
      name: 'an event title',
      md: 'He [[Sessions recuses himself|stepped aside]] in March.',
      mentions: [P('event:sessions-recusal', 'stepped aside', 'p-he-stepped-aside-in-march', 'He stepped aside in March.', 1, 4)],
    },
    {
      name: 'several in one paragraph, each in its own sentence',
      md: 'First sentence here. Then [[jeff-sessions|Sessions]] met [[Sergey Kislyak|the ambassador]]. Later [[Comey|James Comey]]… no, [[james-comey|Comey]] spoke.',
      mentions: [
        P('person:jeff-sessions', 'Sessions', 'p-first-sentence-here-then-sessions', 'Then Sessions met the ambassador.', 1, 27),
        P('person:sergey-kislyak', 'the ambassador', 'p-first-sentence-here-then-sessions', 'Then Sessions met the ambassador.', 1, 58),
        P('person:james-comey', 'Comey', 'p-first-sentence-here-then-sessions', 'Later James Comey… no, Comey spoke.', 1, 126),
      ],
    },
    {
      name: 'inside emphasis and strong',
      md: '*Emphasis on [[jeff-sessions|Jeff]]* and **[[Kislyak]]** end.',
      mentions: [
        P('person:jeff-sessions', 'Jeff', 'p-emphasis-on-jeff-and-kislyak', 'Emphasis on Jeff and Kislyak end.', 1, 14),
        P('person:sergey-kislyak', 'Kislyak', 'p-emphasis-on-jeff-and-kislyak', 'Emphasis on Jeff and Kislyak end.', 1, 44),
      ],
    },
    {
      name: 'inside a list item',
      md: 'Intro.\n\n- Item about [[Kislyak]].\n- Second item.',
      mentions: [P('person:sergey-kislyak', 'Kislyak', 'p-item-about-kislyak', 'Item about Kislyak.', 3, 14)],
    },
    {
      name: 'inside a nested list item',
      md: '- Outer\n  - Inner about [[Sessions]].',
      mentions: [P('person:jeff-sessions', 'Sessions', 'p-inner-about-sessions', 'Inner about Sessions.', 2, 17)],
    },
    {
      name: 'inside a blockquote',
      md: '> Quote about [[Sessions]]. Another sentence.',
      mentions: [P('person:jeff-sessions', 'Sessions', 'p-quote-about-sessions-another-sentence', 'Quote about Sessions.', 1, 15)],
    },
    {
      name: 'in a heading, with no anchor',
      md: '## About [[Sessions]] and more',
      mentions: [P('person:jeff-sessions', 'Sessions', undefined, 'Sessions', 1, 10)],
    },
    {
      name: 'in a table cell: the row is its anchor and its quote',
      md: '| who | what |\n| --- | --- |\n| [[Kislyak]] | ambassador |',
      mentions: [P('person:sergey-kislyak', 'Kislyak', 'p-kislyak-ambassador', 'Kislyak · ambassador', 3, 3)],
    },
    {
      name: 'inside a footnote definition',
      md: 'Text.[^1]\n\n[^1]: Note on [[Kislyak]].',
      mentions: [P('person:sergey-kislyak', 'Kislyak', 'p-note-on-kislyak', 'Note on Kislyak.', 3, 15)],
    },
    {
      name: 'on the second line of a paragraph',
      md: 'The first line\nand then [[Sessions]].',
      mentions: [P('person:jeff-sessions', 'Sessions', 'p-the-first-line-and-then', 'The first line and then Sessions.', 2, 10)],
    },
    {
      name: 'padded target and shown text are trimmed',
      md: 'Met [[ Kislyak | the envoy ]] once.',
      mentions: [P('person:sergey-kislyak', 'the envoy', 'p-met-the-envoy-once', 'Met the envoy once.', 1, 5)],
    },
    {
      name: 'in headings and paragraphs, sorted by position',
      md: '# [[Comey|x]] [[james-comey|Comey]]\n\nLater, [[Sessions]].',
      mentions: [
        P('person:james-comey', 'Comey', undefined, 'Comey', 1, 15),
        P('person:jeff-sessions', 'Sessions', 'p-later-sessions', 'Later, Sessions.', 3, 8),
      ],
    },
  ])('$name', ({ md, mentions: expected }) => {
    const { mentions } = run(md);
    expect(mentions.map(view)).toEqual(expected);
    for (const m of mentions) {
      expect(m.sentence.slice(m.start, m.end)).toBe(m.text);
      // The position is that of the opening brackets in the source.
      const lineText = md.split('\n')[m.line - 1]!;
      expect(lineText.slice(m.column - 1, m.column + 1)).toBe('[[');
    }
  });
});

describe('linkMentions: where mentions are not linked', () => {
  it.each<[string, string]>([
    ['inline code', 'Write `[[jeff-sessions]]` to link.'],
    ['fenced code', '```md\n[[jeff-sessions]] and [[nobody]]\n```'],
    ['indented code', '    [[jeff-sessions]]'],
    ['an existing link', 'Read [about [[jeff-sessions]]](https://example.com/a) here.'],
    ['an autolink', 'See <https://example.com/[[jeff-sessions]]>.'],
    ['raw HTML', '<div>[[jeff-sessions]]</div>'],
    ['a single bracket pair', 'A [jeff-sessions] reference-looking text.'],
    ['escaped brackets', 'Write \\[\\[ to open a link and \\]\\] to close it.'],
  ])('%s', (_name, md) => {
    const before = JSON.stringify(parse(md).children.map(plainText));
    const { tree, mentions, problems } = run(md);
    expect(mentions).toEqual([]);
    expect(problems).toEqual([]);
    // The text is left as written.
    expect(JSON.stringify(tree.children.map(plainText))).toBe(before);
    expect(JSON.stringify(tree)).not.toContain('"mention"');
  });
});

describe('linkMentions: a link wrapped onto the next line', () => {
  it.each<[string, string, string]>([
    ['the target', 'He met [[Jeff\nSessions]] here.', 'Jeff Sessions'],
    ['the shown words', 'He met [[jeff-sessions|the attorney\ngeneral]] here.', 'the attorney general'],
  ])('%s wraps, and reads as one line', (_name, md, shown) => {
    const { mentions, problems } = run(md);
    expect(problems).toEqual([]);
    expect(mentions.map((m) => [m.target.id, m.text, m.line, m.column])).toEqual([['jeff-sessions', shown, 1, 8]]);
  });
});

describe('linkMentions: the rewritten tree', () => {
  it('replaces the wikilink with a mention link and keeps the text around it', () => {
    const { tree } = run('Then [[Jeff Sessions|the senator]] spoke and [[Comey]] left.');
    const paragraph = tree.children[0]!;
    expect(paragraph.type).toBe('paragraph');
    if (paragraph.type !== 'paragraph') return;
    expect(paragraph.children).toEqual([
      { type: 'text', value: 'Then ' },
      {
        type: 'link',
        url: '/explainer/people/jeff-sessions/',
        children: [{ type: 'text', value: 'the senator' }],
        data: { hProperties: { className: ['mention', 'mention-person'], dataRef: 'person:jeff-sessions' } },
      },
      { type: 'text', value: ' spoke and ' },
      // The ambiguous target is left as plain text.
      { type: 'text', value: 'Comey' },
      { type: 'text', value: ' left.' },
    ]);
    expect(plainText(paragraph)).toBe('Then the senator spoke and Comey left.');
  });

  it('marks event mentions with their own class', () => {
    const { tree } = run('[[sessions-recusal|The recusal]].');
    expect(JSON.stringify(tree)).toContain('"className":["mention","mention-event"],"dataRef":"event:sessions-recusal"');
    expect(JSON.stringify(tree)).toContain('"url":"/explainer/events/sessions-recusal/"');
  });
});

describe('linkMentions: paragraph anchors', () => {
  it.each<[string, string, (string | undefined)[]]>([
    ['the first five words, kebab-cased', 'Sessions was removed from an inquiry that is investigating.', ['p-sessions-was-removed-from-an']],
    ['shown text counts, not the target', '[[jeff-sessions|The U.S attorney general]] has been at odds.', ['p-the-u-s-attorney-general']],
    ['a short paragraph', 'Hi.', ['p-hi']],
    ['accents folded', 'Zoë Saldaña met Sessions.', ['p-zoe-saldana-met-sessions']],
    ['words of other scripts, in lower case', 'Сергей Кисляк сказал.', ['p-сергей-кисляк-сказал']],
    ['Latin words among them as ever', 'Li Wei (李伟) met Ivan Petrov (Иван Петров) twice.', ['p-li-wei-李伟-met-ivan']],
    ['Arabic', 'قال العمال إن الإضراب انتهى.', ['p-قال-العمال-إن-الإضراب-انتهى']],
    ['punctuation only', '…', ['p-paragraph']],
    [
      'capped at 48 characters',
      'Extraordinarily uncharacteristically counterintelligence-related happenings occurred.',
      ['p-extraordinarily-uncharacteristically-counterinte'],
    ],
    [
      'no trailing hyphen when the cap falls between words',
      // 23 + 1 + 23 letters: the 48th character is the hyphen before the third word.
      'Aaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbb ccc ddd.',
      ['p-aaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbb'],
    ],
    ['footnote markers ignored', 'Text[^a] here.\n\n[^a]: Note.', ['p-text-here', undefined]],
    [
      'repeats numbered',
      'Same opening words here again, first.\n\nSame opening words here again, second.\n\nSame opening words here again, third.',
      ['p-same-opening-words-here-again', 'p-same-opening-words-here-again-2', 'p-same-opening-words-here-again-3'],
    ],
    ['headings get none', '# Heading words\n\nBody words.', [undefined, 'p-body-words']],
  ])('%s', (_name, md, ids) => {
    expect(blockIds(run(md).tree)).toEqual(ids);
  });

  it('the footnote definition paragraph is anchored inside the definition', () => {
    const { tree } = run('Text[^a] here.\n\n[^a]: Note on things.');
    const definition = tree.children[1]!;
    expect(definition.type).toBe('footnoteDefinition');
    expect(JSON.stringify(definition)).toContain('"id":"p-note-on-things"');
  });

  it('a paragraph keeps its anchor when another paragraph is inserted before it', () => {
    const target = 'Kislyak met [[Sessions]] twice in 2016.';
    const alone = run(target).mentions;
    const after = run(`A new opening paragraph.\n\n${target}`).mentions;
    expect(alone[0]!.anchor).toBe('p-kislyak-met-sessions-twice-in');
    expect(after[0]!.anchor).toBe(alone[0]!.anchor);
    expect(after[0]!.line).toBe(3);
  });

  it('a repeated opening keeps the first paragraph’s anchor and numbers the later one', () => {
    const { mentions } = run('Sessions met Kislyak in July [[Sessions]].\n\nSessions met Kislyak in September [[Kislyak]].');
    expect(mentions.map((m) => m.anchor)).toEqual(['p-sessions-met-kislyak-in-july', 'p-sessions-met-kislyak-in-september']);
    const twins = run('An update on the case from [[Sessions]].\n\nAn update on the case from [[Kislyak]].').mentions;
    expect(twins.map((m) => m.anchor)).toEqual(['p-an-update-on-the-case', 'p-an-update-on-the-case-2']);
  });

  it.each([
    ['a tight list: the item carries it, having no <p>', '- the mayor, [[Sessions]], refused\n- the union agreed', '<li id="p-the-mayor-sessions-refused">'],
    ['a loose list: the paragraph carries it', '- the mayor, [[Sessions]], refused\n\n- the union agreed', '<p id="p-the-mayor-sessions-refused">'],
    ['a tight item with a list inside', '- the mayor, [[Sessions]], refused\n  - twice', '<li id="p-the-mayor-sessions-refused">'],
  ])('a mention in %s lands on an element of the page', (_name, md, element) => {
    const { tree, mentions } = run(md);
    const html = renderTree(tree);
    expect(html).toContain(element);
    expect(html).toContain(`id="${mentions[0]!.anchor}"`);
  });

  // A long paragraph's anchor is made from its opening only: the words must be the ones the whole text gives.
  it.each([
    ['long words run past the opening', `${'Internationalisation '.repeat(4)}reconsiderations notwithstanding ${'filler '.repeat(60)}`],
    ['the fifth word runs across the cut', `aa${' —'.repeat(70)} bb cc dd ${'e'.repeat(30)} ${'tail '.repeat(30)}`],
    ['accents, marks and folded letters', `Zoë Æsir Łódź straße Ørsted ${'Kraków '.repeat(40)}`],
    ['punctuation only at first', `${'— '.repeat(90)}then the words begin here at last`],
  ])('anchors a long paragraph by its first words: %s', (_name, text) => {
    const words = text.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').replace(/Æ/g, 'Ae').replace(/Ł/g, 'L').replace(/Ø/g, 'O').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const expected = `p-${words.slice(0, 5).join('-').slice(0, 48).replace(/-+$/, '') || 'paragraph'}`;
    expect(blockIds(run(text).tree)).toEqual([expected]);
  });

  it('anchors a long paragraph in another script by its first words too', () => {
    expect(blockIds(run(`${'習近平と会談した '.repeat(30)}Sessions met him`).tree)).toEqual([`p-${Array(5).fill('習近平と会談した').join('-')}`]);
  });

  // A paragraph whose own words end in "-2" must not take the id given to a repeat.
  it('gives every paragraph a distinct anchor', () => {
    // "Update." twice gives p-update and p-update-2; "Update 2." then also gives p-update-2.
    const ids = blockIds(run('Update.\n\nUpdate.\n\nUpdate 2.').tree);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('linkMentions: problems', () => {
  it.each<[string, string, MentionProblem[]]>([
    [
      'an unknown id with a suggestion',
      'Met [[jeff-sesions]] today.',
      [{ message: 'no person or event is called "jeff-sesions"', hint: 'did you mean `jeff-sessions`?', line: 1, column: 5 }],
    ],
    [
      'an unknown name without a suggestion',
      'Intro.\n\nThen [[Vladimir Putin|Putin]] called.',
      [
        {
          message: 'no person or event is called "Vladimir Putin"',
          hint: 'check the spelling, or add the record to the people/ or events/ folder of the content',
          line: 3,
          column: 6,
        },
      ],
    ],
    [
      'an ambiguous target',
      'Line one.\n\nThe [[Comey]] case.',
      [
        {
          message: '"Comey" is ambiguous: it names people/james-comey and events/comey-testimony',
          hint: 'write the id instead, for example [[james-comey|Comey]]',
          line: 3,
          column: 5,
        },
      ],
    ],
    [
      'several, in a heading and a list',
      '## [[nobody]]\n\n- one [[Comey|him]]',
      [
        {
          message: 'no person or event is called "nobody"',
          hint: 'check the spelling, or add the record to the people/ or events/ folder of the content',
          line: 1,
          column: 4,
        },
        {
          message: '"Comey" is ambiguous: it names people/james-comey and events/comey-testimony',
          hint: 'write the id instead, for example [[james-comey|him]]',
          line: 3,
          column: 7,
        },
      ],
    ],
    [
      'on the second line of a paragraph',
      'First line\nsecond [[nobody]] x',
      [
        {
          message: 'no person or event is called "nobody"',
          hint: 'check the spelling, or add the record to the people/ or events/ folder of the content',
          line: 2,
          column: 8,
        },
      ],
    ],
  ])('%s', (_name, md, expected) => {
    const { mentions, problems } = run(md);
    expect(problems).toEqual(expected);
    expect(mentions).toEqual([]);
  });

  const FORMS = 'a link is `[[target]]` or `[[target|shown words]]`, with no formatting inside; to show the brackets themselves, write `\\[\\[`';
  it.each<[string, string, MentionProblem[]]>([
    ['a link not closed', 'Met [[jeff-sessions] today.', [{ message: '`[[` opens a link that is not closed', hint: FORMS, line: 1, column: 5 }]],
    ['a link not opened', 'Met [jeff-sessions]] today.', [{ message: '`]]` closes no link', hint: FORMS, line: 1, column: 19 }]],
    ['shown words not closed', 'A\nMet [[jeff-sessions|the senator] today.', [{ message: '`[[` opens a link that is not closed', hint: FORMS, line: 2, column: 5 }]],
    ['formatting inside', 'Met [[Jeff *Sessions*]] today.', [
      { message: '`[[` opens a link that is not closed', hint: FORMS, line: 1, column: 5 },
      { message: '`]]` closes no link', hint: FORMS, line: 1, column: 22 },
    ]],
    ['nothing after the pipe', 'Met [[jeff-sessions|]] today.', [
      { message: 'nothing to show after the `|` of [[jeff-sessions|]]', hint: 'write the words to show after `|`, or write [[jeff-sessions]] to show the name', line: 1, column: 5 },
    ]],
    ['only the first of a run of brackets', '[[[[x', [{ message: '`[[` opens a link that is not closed', hint: FORMS, line: 1, column: 1 }]],
  ])('a link written wrong is reported, not shown with its brackets: %s', (_name, md, expected) => {
    const { mentions, problems } = run(md);
    expect(problems).toEqual(expected);
    expect(mentions).toEqual([]);
  });

  it.each<[string, string, number]>([
    ['after', 'Met [[jeff-sessions]]] today.', 22],
    ['before', 'Met [[[jeff-sessions]] today.', 5],
  ])('one bracket too many %s a link is reported at it', (where, md, column) => {
    const { problems } = run(md);
    expect(problems).toEqual([{ message: `one \`${where === 'after' ? ']' : '['}\` too many ${where} [[jeff-sessions]]`, hint: FORMS, line: 1, column }]);
  });

  it('a bracket beside a link that the source escapes is text', () => {
    expect(run('Met [[jeff-sessions]]\\] today.').problems).toEqual([]);
  });

  // The parser drops `> ` and list indentation from continuation lines; columns come from the source.
  it.each<[string, string, number, number]>([
    ['a blockquote continuation line', '> quoted line\n> and [[nobody]] too', 2, 7],
    ['a list item continuation line', '- first line\n  and [[nobody]] too', 2, 7],
  ])('reports the source column of `[[` on %s', (_name, md, line, column) => {
    const { problems } = run(md);
    expect(problems.map((p) => [p.line, p.column])).toEqual([[line, column]]);
  });
});

describe('linkMentions: sentences', () => {
  it('a mention at the end of a sentence keeps its full stop in the sentence', () => {
    const [m] = run('He met [[Sergey Kislyak]]. Then left.').mentions;
    expect(m).toMatchObject({ sentence: 'He met Sergey Kislyak.', start: 7, end: 21 });
  });

  it('text after a hard line break joins the sentence with a space', () => {
    const [m] = run('Sessions met   \nthe [[sergey-kislyak|Kislyak]] twice.').mentions;
    expect(m).toMatchObject({ sentence: 'Sessions met the Kislyak twice.', start: 17, end: 24 });
  });

  it('inline code counts as text of the sentence', () => {
    const [m] = run('The `recuse` memo named [[Sessions]].').mentions;
    expect(m).toMatchObject({ sentence: 'The recuse memo named Sessions.', start: 22, end: 30 });
  });

  // `sentence` has its whitespace collapsed; `start` must be counted the same way.
  it('start/end still point at the shown text when the sentence has a double space', () => {
    const [m] = run('Sessions  met [[sergey-kislyak|Kislyak]] twice.').mentions;
    expect(m!.sentence.slice(m!.start, m!.end)).toBe('Kislyak');
  });

  // A soft line break is a "\n" that Intl.Segmenter would take for a sentence end.
  it('a sentence wrapped across source lines is kept whole', () => {
    const [m] = run('Sessions recused himself from the\ninquiry after [[Kislyak]] met him.').mentions;
    expect(m!.sentence).toBe('Sessions recused himself from the inquiry after Kislyak met him.');
  });
});

describe('extractMentions', () => {
  const record = {
    file: 'content/stories/the-rift.md',
    bodyLine: 8,
    body: 'Intro.\n\nMet [[Kislyak]] and [[nobody]].\n\n## [[jeff-sesions|Sessions]]',
  };

  it('shifts mention lines by bodyLine - 1 and keeps columns', () => {
    const { mentions } = extractMentions(record, { index, href });
    expect(mentions.map(view)).toEqual([P('person:sergey-kislyak', 'Kislyak', 'p-met-kislyak-and-nobody', 'Met Kislyak and nobody.', 10, 5)]);
  });

  it('reports problems as issues of the file, positioned in the file', () => {
    const { issues } = extractMentions(record, { index, href });
    expect(issues.map(formatIssue)).toEqual([
      'content/stories/the-rift.md:10:21: no person or event is called "nobody" (check the spelling, or add the record to the people/ or events/ folder of the content)',
      'content/stories/the-rift.md:12:4: no person or event is called "jeff-sesions" (did you mean `jeff-sessions`?)',
    ]);
  });

  it.each([1, 2, 30])('a body starting on line %i', (bodyLine) => {
    const { mentions, issues } = extractMentions({ ...record, bodyLine, body: '[[Sessions]] and [[nobody]]' }, { index, href });
    expect(mentions.map((m) => [m.line, m.column])).toEqual([[bodyLine, 1]]);
    expect(issues.map((i) => [i.file, i.line, i.column])).toEqual([['content/stories/the-rift.md', bodyLine, 18]]);
  });
});

describe('mentions in an editor’s note', () => {
  it('are marked as the editor’s words, not the article’s', () => {
    const { mentions } = run('[[jeff-sessions|Sessions]] was removed.[^a]\n\n[^a]: [[jeff-sessions|Sessions]] recused himself; Kislyak was not involved.\n');
    expect(mentions.map((m) => [m.text, m.note ?? false])).toEqual([
      ['Sessions', false],
      ['Sessions', true],
    ]);
  });
});
