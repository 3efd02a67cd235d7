import { describe, expect, it } from 'vitest';
import { LinkIndex, type Resolution } from '../../src/lib/resolve.ts';
import { formatIssue } from '../../src/lib/errors.ts';
import type { EventRecord, PersonRecord } from '../../src/lib/records.ts';
import type { EventId, PersonId } from '../../src/lib/ids.ts';

type PersonInput = Pick<PersonRecord, 'id' | 'name' | 'aliases' | 'file'>;
type EventInput = Pick<EventRecord, 'id' | 'title' | 'file'>;

const person = (id: string, name: string, aliases: string[] = []): PersonInput => ({
  id: id as PersonId,
  name,
  aliases,
  file: `content/people/${id}.md`,
});
const event = (id: string, title: string): EventInput => ({ id: id as EventId, title, file: `content/events/${id}.md` });

const PEOPLE = [
  person('jeff-sessions', 'Jeff Sessions', ['Sessions', 'Attorney General Sessions']),
  person('sergey-kislyak', 'Сергей Кисляк', ['Кисляк', 'Sergey Kislyak', 'Kislyak']),
  person('zoe-kravitz', 'Zoë Kravitz'),
  person('xi-jinping', '習近平', ['Xi Jinping']),
  person('james-comey', 'James Comey', ['Comey']),
  person('condoleezza-rice', 'Condoleezza Rice', ['Rice']),
  person('patricia-obrien', "Patricia O'Brien", ["O'Brien"]),
];
const EVENTS = [
  event('sessions-recusal', 'Sessions recuses himself from the Russia inquiry'),
  event('comey-fired', 'Trump fires Comey'),
  // An event whose title is also a person's alias: "Comey".
  event('comey-testimony', 'Comey'),
  // Differs from the alias "Rice" only in case.
  event('rice-shortage', 'RICE'),
  event('obrien-testifies', "O'Brien testifies at the de la Cruz trial"),
  // A title as the site keeps it, typeset: curly quotes, a dash, an ellipsis.
  event('beleaguered-tweet', 'Trump calls Sessions “beleaguered” — and waits…'),
];

const index = new LinkIndex(PEOPLE, EVENTS);

const LABELS: Record<string, string> = Object.fromEntries([
  ...PEOPLE.map((p) => [p.id, p.name]),
  ...EVENTS.map((e) => [e.id, e.title]),
  ['sessions-junior', 'Jeff Sessions Jr.'],
]);
/** A successful resolution, with the record's name or title as its label. */
const ok = (kind: 'person' | 'event', id: string, label = LABELS[id]!): Resolution => ({ ok: true, target: { kind, id } as never, label });

describe('LinkIndex.resolve: targets that resolve', () => {
  it.each<[string, string, Resolution]>([
    ['a person id', 'jeff-sessions', ok('person', 'jeff-sessions')],
    ['an event id', 'sessions-recusal', ok('event', 'sessions-recusal')],
    ['a name', 'Jeff Sessions', ok('person', 'jeff-sessions')],
    ['an alias', 'Sessions', ok('person', 'jeff-sessions')],
    ['a second alias', 'Attorney General Sessions', ok('person', 'jeff-sessions')],
    ['a name in another case', 'jeff sessions', ok('person', 'jeff-sessions')],
    ['an alias in capitals', 'SESSIONS', ok('person', 'jeff-sessions')],
    ['an id in another case', 'Jeff-Sessions', ok('person', 'jeff-sessions')],
    ['folded inner whitespace', 'Jeff   Sessions', ok('person', 'jeff-sessions')],
    ['a tab and newline as whitespace', 'Jeff\t\nSessions', ok('person', 'jeff-sessions')],
    ['surrounding whitespace', '  Jeff Sessions  ', ok('person', 'jeff-sessions')],
    ['a Cyrillic name', 'Сергей Кисляк', ok('person', 'sergey-kislyak')],
    ['a Cyrillic alias', 'Кисляк', ok('person', 'sergey-kislyak')],
    ['a Cyrillic alias in lower case', 'кисляк', ok('person', 'sergey-kislyak')],
    ['a Cyrillic name in capitals', 'СЕРГЕЙ КИСЛЯК', ok('person', 'sergey-kislyak')],
    ['a Latin alias of a Cyrillic name', 'Kislyak', ok('person', 'sergey-kislyak')],
    ['an accented name', 'Zoë Kravitz', ok('person', 'zoe-kravitz')],
    ['an accented name in lower case', 'zoë kravitz', ok('person', 'zoe-kravitz')],
    ['an accented name in capitals', 'ZOË KRAVITZ', ok('person', 'zoe-kravitz')],
    ['an accented name typed decomposed (NFD)', 'Zoe\u0308 Kravitz', ok('person', 'zoe-kravitz')],
    ['an accented name typed without its accent', 'Zoe Kravitz', ok('person', 'zoe-kravitz')],
    ['a CJK name', '習近平', ok('person', 'xi-jinping')],
    ['the romanised alias of a CJK name', 'xi jinping', ok('person', 'xi-jinping')],
    ['an event title', 'Sessions recuses himself from the Russia inquiry', ok('event', 'sessions-recusal')],
    ['an event title in lower case', 'trump fires comey', ok('event', 'comey-fired')],
    ['an exact-case alias wins over a looser match', 'Rice', ok('person', 'condoleezza-rice')],
    ['an exact-case title wins over a looser match', 'RICE', ok('event', 'rice-shortage')],
    ['an id wins even when a title is the same words', 'comey-testimony', ok('event', 'comey-testimony')],
    ['a name with the curly apostrophe a word processor types', 'Patricia O’Brien', ok('person', 'patricia-obrien')],
    ['a title with a curly apostrophe', 'O’Brien testifies at the de la Cruz trial', ok('event', 'obrien-testifies')],
    ['a typeset title typed on a keyboard', 'Trump calls Sessions "beleaguered" -- and waits...', ok('event', 'beleaguered-tweet')],
  ])('%s: %j', (_name, text, expected) => {
    expect(index.resolve(text)).toEqual(expected);
  });
});

describe('LinkIndex.resolve: ambiguous targets', () => {
  it.each<[string, string, string, string]>([
    [
      'an alias that is also an event title',
      'Comey',
      '"Comey" is ambiguous: it names people/james-comey and events/comey-testimony',
      'write the id instead, for example [[james-comey|Comey]]',
    ],
    [
      'the same, in another case',
      'COMEY',
      '"COMEY" is ambiguous: it names people/james-comey and events/comey-testimony',
      'write the id instead, for example [[james-comey|COMEY]]',
    ],
    [
      'a case-insensitive match on two records',
      'rice',
      '"rice" is ambiguous: it names people/condoleezza-rice and events/rice-shortage',
      'write the id instead, for example [[condoleezza-rice|rice]]',
    ],
  ])('%s: %j', (_name, text, message, hint) => {
    expect(index.resolve(text)).toEqual({ ok: false, reason: 'ambiguous', message, hint });
  });
});

describe('LinkIndex.resolve: unknown targets', () => {
  it.each<[string, string, string]>([
    ['a misspelt person id', 'jeff-sesions', 'did you mean `jeff-sessions`?'],
    ['a misspelt name', 'Jeff Sesions', 'did you mean `jeff-sessions`?'],
    ['a misspelt event id', 'sessions-recusl', 'did you mean `sessions-recusal`?'],
    ['a transliteration nobody registered', 'Sergei Kislyak', 'did you mean `sergey-kislyak`?'],
    ['a misremembered event title', 'Sessions recused himself from the Russia inquiry', 'did you mean `sessions-recusal`?'],
    ['nothing close', 'Vladimir Putin', 'check the spelling, or add the record to the people/ or events/ folder of the content'],
    ['non-Latin text with no match', 'Путин', 'check the spelling, or add the record to the people/ or events/ folder of the content'],
  ])('%s: %j', (_name, text, hint) => {
    expect(index.resolve(text)).toEqual({
      ok: false,
      reason: 'unknown',
      message: `no person or event is called "${text}"`,
      hint,
    });
  });

  it('suggests several close ids, closest first', () => {
    const small = new LinkIndex([person('jeff-sessions', 'Jeff Sessions'), person('jeff-session', 'Jeff Session')], []);
    const result = small.resolve('jeff-sesion');
    expect(result).toMatchObject({ ok: false, reason: 'unknown', hint: 'did you mean `jeff-session` or `jeff-sessions`?' });
  });
});

describe('LinkIndex: names claimed twice', () => {
  it.each<[string, PersonInput, string, string]>([
    [
      'an alias already used by another person',
      person('sessions-junior', 'Jeff Sessions Jr.', ['Sessions']),
      'aliases[0]',
      '"Sessions" already names `jeff-sessions` (content/people/jeff-sessions.md); a name or alias must point at one person',
    ],
    [
      'a later alias',
      person('sessions-junior', 'Jeff Sessions Jr.', ['Junior', 'Attorney General Sessions']),
      'aliases[1]',
      '"Attorney General Sessions" already names `jeff-sessions` (content/people/jeff-sessions.md); a name or alias must point at one person',
    ],
    [
      'the same words with other spacing',
      person('sessions-junior', 'Jeff Sessions Jr.', ['Jeff  Sessions']),
      'aliases[0]',
      '"Jeff  Sessions" already names `jeff-sessions` (content/people/jeff-sessions.md); a name or alias must point at one person',
    ],
    [
      'an alias that differs only in case',
      person('soren-kowal', 'Søren Kowal', ['sessions']),
      'aliases[0]',
      '"sessions" differs only in case or accents from "Sessions", which names `jeff-sessions` (content/people/jeff-sessions.md)',
    ],
    [
      'a non-ASCII alias',
      person('another-kislyak', 'Another Kislyak', ['Кисляк']),
      'aliases[0]',
      '"Кисляк" already names `sergey-kislyak` (content/people/sergey-kislyak.md); a name or alias must point at one person',
    ],
    [
      'an alias that differs only in accents',
      person('soren-kowal', 'Søren Kowal', ['Kislyák']),
      'aliases[0]',
      '"Kislyák" differs only in case or accents from "Kislyak", which names `sergey-kislyak` (content/people/sergey-kislyak.md)',
    ],
  ])('%s is reported on the second file', (_name, second, field, message) => {
    const idx = new LinkIndex([...PEOPLE, second], EVENTS);
    expect(idx.issues).toEqual([
      { file: second.file, field, message, hint: 'remove it from one of the two, or make it more specific' },
    ]);
    expect(formatIssue(idx.issues[0]!)).toBe(
      `${second.file}: \`${field}\`: ${message} (remove it from one of the two, or make it more specific)`,
    );
  });

  it('reports a person filed twice (a copied file, the same name and aliases) once, as one person in two files', () => {
    const idx = new LinkIndex([...PEOPLE, person('jeff-sessions-2', 'Jeff Sessions', ['Sessions', 'Attorney General Sessions'])], EVENTS);
    expect(idx.issues).toEqual([
      {
        file: 'content/people/jeff-sessions-2.md',
        field: 'name',
        message: '"Jeff Sessions" is already the name of `jeff-sessions` (content/people/jeff-sessions.md): one person in two files?',
        hint: 'keep one file and delete the other, or, for two people of one name, make each name more specific ("Jeff Sessions (footballer)")',
      },
    ]);
  });

  it('tells a person filed twice at the copy, the file whose id the name does not make, whichever is read first', () => {
    const copy = person('jeff-sessions-copy', 'Jeff Sessions', ['Sessions']);
    const original = PEOPLE.find((p) => p.id === 'jeff-sessions')!;
    for (const order of [[copy, original], [original, copy]]) {
      const idx = new LinkIndex(order, []);
      expect(idx.issues.map((i) => [i.file, i.message])).toEqual([
        ['content/people/jeff-sessions-copy.md', '"Jeff Sessions" is already the name of `jeff-sessions` (content/people/jeff-sessions.md): one person in two files?'],
      ]);
    }
  });

  it('tells an alias that is no part of its person’s name at that person’s file, whichever is read first', () => {
    const erdogan = person('recep-tayyip-erdogan', 'Recep Tayyip Erdoğan', ['Erdoğan']);
    const macron = person('emmanuel-macron', 'Emmanuel Macron', ['Macron', 'Erdogan']);
    for (const order of [[erdogan, macron], [macron, erdogan]]) {
      expect(new LinkIndex(order, []).issues.map((i) => [i.file, i.field])).toEqual([['content/people/emmanuel-macron.md', 'aliases[1]']]);
    }
  });

  it('keeps the first claimant as the target of the disputed alias', () => {
    const idx = new LinkIndex([...PEOPLE, person('sessions-junior', 'Jeff Sessions Jr.', ['Sessions'])], EVENTS);
    expect(idx.resolve('Sessions')).toEqual(ok('person', 'jeff-sessions'));
    expect(idx.resolve('Jeff Sessions Jr.')).toEqual(ok('person', 'sessions-junior'));
  });

  it('does not report a person repeating their own name as an alias', () => {
    const idx = new LinkIndex([person('sergey-kislyak', 'Sergey Kislyak', ['Sergey Kislyak', 'Kislyak'])], []);
    expect(idx.issues).toEqual([]);
    expect(idx.resolve('Sergey Kislyak')).toEqual(ok('person', 'sergey-kislyak', 'Sergey Kislyak'));
  });

  it('a clean index has no issues and knows every id, people first', () => {
    expect(index.issues).toEqual([]);
    expect(index.knownIds()).toEqual([
      'jeff-sessions',
      'sergey-kislyak',
      'zoe-kravitz',
      'xi-jinping',
      'james-comey',
      'condoleezza-rice',
      'patricia-obrien',
      'sessions-recusal',
      'comey-fired',
      'comey-testimony',
      'rice-shortage',
      'obrien-testifies',
      'beleaguered-tweet',
    ]);
  });
});

describe('links to drafts', () => {
  const drafts = { people: [person('ana-lima', 'Ana Lima', ['Mayor Lima'])], events: [event('budget-vote', 'The budget vote')] };
  const withDrafts = new LinkIndex(PEOPLE, EVENTS, drafts);

  it.each<[string, string]>([
    ['Ana Lima', 'content/people/ana-lima.md'],
    ['mayor lima', 'content/people/ana-lima.md'],
    ['budget-vote', 'content/events/budget-vote.md'],
  ])('"%s" names a draft, and says which file to publish', (text, file) => {
    expect(withDrafts.resolve(text)).toEqual({
      ok: false,
      reason: 'draft',
      message: `"${text}" is a draft, left out of the site`,
      hint: `publish the draft first, deleting \`draft: true\` in ${file}, or unlink it`,
    });
  });

  it('a published record still wins, and what names nothing is still unknown', () => {
    expect(withDrafts.resolve('Jeff Sessions')).toMatchObject({ ok: true, target: { kind: 'person', id: 'jeff-sessions' } });
    expect(withDrafts.resolve('Nobody at all')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('changes the fingerprint, so a result cached before a draft was added is not reused', () => {
    expect(withDrafts.fingerprint).not.toBe(index.fingerprint);
    expect(new LinkIndex(PEOPLE, EVENTS, { people: [], events: [] }).fingerprint).toBe(index.fingerprint);
  });
});
