/**
 * The catalogue of bad input, at the check level (`checkContent`, no Astro
 * build): each case breaks a copy of tests/fixtures/minimal and states its
 * outcome. Either the check stops with messages naming the file (and line
 * and column where there is one) — exactly these messages, no more — or the
 * content is accepted and the case says what it must look like. What an
 * accepted case renders to is checked on a real build in
 * tests/build/hostile.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkContent, type CheckResult } from '../../src/lib/check.ts';
import { formatIssue } from '../../src/lib/errors.ts';
import { typeset } from '../../src/lib/typography.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/minimal');
const original = (file: string) => readFileSync(join(fixture, file), 'utf8');
const STORY = original('stories/budget-vote.md');
const ANA = original('people/ana-lima.md');
const EVENT = original('events/budget-vote.md');

/** `from` → `to` in `source`, failing loudly when the fixture has changed. */
function swap(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`the fixture no longer contains ${JSON.stringify(from)}`);
  return source.replace(from, to);
}

type Files = Record<string, string | Buffer | null>;

interface Case {
  name: string;
  /** Files to write (or, with null, delete), relative to the content folder. */
  files: Files;
  /** Fails: every error, formatted as `file:line:column: …`, matched in order. */
  errors?: RegExp[];
  /** Accepted: what must hold of the result. */
  accepted?: (result: CheckResult) => void;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function check(files: Files): CheckResult {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-hostile-unit-'));
  dirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  for (const [file, source] of Object.entries(files)) {
    const path = join(dir, file);
    if (source === null) rmSync(path);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source);
    }
  }
  return checkContent(dir, { base: '/', drafts: false, projectRoot: dir });
}

function run({ files, errors, accepted }: Case): void {
  const result = check(files);
  const messages = result.errors.map(formatIssue);
  if (errors) {
    expect(messages, messages.join('\n')).toHaveLength(errors.length);
    errors.forEach((pattern, i) => expect(messages[i]).toMatch(pattern));
  } else {
    expect(messages).toEqual([]);
    accepted?.(result);
  }
}

const person = (r: CheckResult, id: string) => r.content.people.find((p) => p.id === id)!;
const story = (r: CheckResult, id = 'budget-vote') => r.content.stories.find((s) => s.id === id)!;
const mentionsIn = (r: CheckResult, id = 'budget-vote') => [...r.site!.mentions].find(([record]) => record.kind === 'story' && record.id === id)![1];

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${alert(1)}',
  '<iframe src="javascript:alert(1)"></iframe>',
];
const yamlQuoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

const cases: Record<string, Case[]> = {
  'the file and its encoding': [
    {
      name: 'an empty file',
      files: { 'people/ana-lima.md': '' },
      errors: [/^people\/ana-lima\.md:1:1: the file has no frontmatter \(start it with a line "---"/],
    },
    {
      name: 'a frontmatter that is never closed',
      files: { 'people/ana-lima.md': swap(ANA, '---\nAna Lima', 'Ana Lima') },
      errors: [/^people\/ana-lima\.md:1:1: the frontmatter opened on line 1 is never closed/],
    },
    {
      name: 'a UTF-8 byte-order mark: accepted, and positions still count from the first line',
      files: { 'stories/budget-vote.md': `\uFEFF${swap(STORY, '[[Ana Lima]]', '[[Ana Lina]]')}` },
      errors: [/^stories\/budget-vote\.md:10:7: no person or event is called "Ana Lina" \(did you mean `ana-lima`\?\)$/],
    },
    {
      name: 'a UTF-8 byte-order mark: the title does not start with it',
      files: { 'stories/budget-vote.md': `\uFEFF${STORY}` },
      accepted: (r) => expect(story(r).title).toBe('Council passes the harbour budget'),
    },
    {
      name: 'CRLF line endings: accepted, with the same line numbers',
      files: { 'stories/budget-vote.md': swap(STORY, '[[Ana Lima]]', '[[Ana Lina]]').replace(/\n/g, '\r\n') },
      errors: [/^stories\/budget-vote\.md:10:7: no person or event is called "Ana Lina"/],
    },
    {
      name: 'CRLF line endings: the values carry no \\r',
      files: { 'people/ana-lima.md': ANA.replace(/\n/g, '\r\n') },
      accepted: (r) => expect(person(r, 'ana-lima')).toMatchObject({ name: 'Ana Lima', aliases: ['Mayor Lima'], summary: 'Mayor of the harbour city since 2021.' }),
    },
    {
      name: 'a file saved as Latin-1 (not UTF-8)',
      files: { 'people/ana-lima.md': Buffer.from(swap(ANA, 'Ana Lima was', 'Zoë was'), 'latin1') },
      errors: [/^people\/ana-lima\.md:10:3: the file is not valid UTF-8 text \(save it with the encoding "UTF-8"\)$/],
    },
    {
      name: 'a file saved as UTF-16',
      files: { 'people/ana-lima.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ANA, 'utf16le')]) },
      errors: [/^people\/ana-lima\.md:1:1: the file is saved as UTF-16, not UTF-8/],
    },
    {
      name: 'Markdown under another extension is not silently left out',
      files: { 'stories/Harbour-Plan.markdown': STORY },
      errors: [/^stories\/Harbour-Plan\.markdown: "Harbour-Plan\.markdown" is not read: only files ending in \.md are content \(rename it to harbour-plan\.md\)$/],
    },
    {
      name: 'a story saved as text is not silently left out',
      files: { 'stories/port-reopens.txt': STORY },
      errors: [/^stories\/port-reopens\.txt: "port-reopens\.txt" is not read: only files ending in \.md are content \(rename it to port-reopens\.md\)$/],
    },
    {
      name: 'a story in a folder is not silently left out',
      files: { 'stories/2024/port-reopens.md': STORY },
      errors: [/^stories\/2024\/: the folder "2024" is not read: stories are the \.md files in stories\/ itself \(move its files into stories\/ /],
    },
    {
      name: 'other files, folders without Markdown and hidden files are left alone (an editor’s lock file, notes, images)',
      files: { 'stories/.#budget-vote.md': 'editor@desk.1234', 'stories/ideas.txt': 'A list of ideas.', 'stories/images/tug.png': Buffer.from([0x89, 0x50]), 'people/.DS_Store': Buffer.from([0]) },
      accepted: (r) => expect(r.errors).toEqual([]),
    },
    {
      name: 'a folder named like a story',
      files: { 'stories/folder.md/inside.md': STORY },
      errors: [/^stories\/folder\.md\/: the folder "folder\.md" is not read/],
    },
  ],

  'malformed YAML': [
    {
      name: 'an unclosed quote, reported where it opens',
      files: { 'people/ana-lima.md': swap(ANA, 'summary: Mayor of the harbour city since 2021.', 'summary: "Mayor of the harbour city') },
      errors: [/^people\/ana-lima\.md:5:10: the frontmatter is not valid YAML: the double quote that opens the value of `summary` is never closed \(end the value with " on the same line: summary: "Mayor of the harbour city"\)$/],
    },
    {
      name: 'an unquoted colon in a value',
      files: { 'stories/budget-vote.md': swap(STORY, 'title: Council passes the harbour budget', 'title: Council: the harbour budget') },
      errors: [/^stories\/budget-vote\.md:2:8: the frontmatter is not valid YAML: .*\(a value with a colon needs quotes/],
    },
    {
      name: 'tabs as indentation',
      files: { 'people/ana-lima.md': swap(ANA, '  - Mayor Lima', '\t- Mayor Lima') },
      errors: [/^people\/ana-lima\.md:4:1: the frontmatter is not valid YAML: Tabs are not allowed as indentation \(indent with spaces, not tabs\)$/],
    },
    {
      name: 'a tab inside a nested mapping',
      files: { 'people/ana-lima.md': swap(ANA, '    from: 2021-06', '\t  from: 2021-06') },
      errors: [/^people\/ana-lima\.md:8:1: .*Tabs are not allowed as indentation/],
    },
    {
      name: 'a tab between a field and its value: accepted (YAML allows it)',
      files: { 'people/ana-lima.md': swap(ANA, 'summary: Mayor', 'summary:\tMayor') },
      accepted: (r) => expect(person(r, 'ana-lima').summary).toBe('Mayor of the harbour city since 2021.'),
    },
    {
      name: 'a field twice',
      files: { 'stories/budget-vote.md': swap(STORY, 'summary:', 'title: Again\nsummary:') },
      errors: [/^stories\/budget-vote\.md:4:1: the frontmatter is not valid YAML: Map keys must be unique \(each field may appear once\)$/],
    },
    {
      name: 'a frontmatter that is a list, not fields',
      files: { 'people/ana-lima.md': '---\n- Ana Lima\n- Mayor\n---\nBody.\n' },
      errors: [/^people\/ana-lima\.md:2:1: the frontmatter must be a list of `field: value` lines$/],
    },
    {
      name: 'an alias bomb ("billion laughs") is refused, not expanded',
      files: {
        'people/ana-lima.md':
          '---\nname: Ana Lima\nsummary: &a Mayor\naliases: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nroles: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
          `x: [${Array(20).fill('*c').join(', ')}]\n---\nBody.\n`,
      },
      errors: [/^people\/ana-lima\.md:2:1: the frontmatter is not valid YAML: Excessive alias count indicates a resource exhaustion attack \(write the values out/],
    },
    {
      name: 'a binary (!!binary) value where text belongs',
      files: { 'people/ana-lima.md': swap(ANA, 'summary: Mayor of the harbour city since 2021.', 'summary: !!binary TWF5b3I=') },
      errors: [/^people\/ana-lima\.md:5:19: `summary`: expected a one-line summary as text$/],
    },
  ],

  'missing and wrongly typed fields': [
    {
      name: 'a required field missing',
      files: { 'stories/budget-vote.md': swap(STORY, 'title: Council passes the harbour budget\n', '') },
      errors: [/^stories\/budget-vote\.md:2:1: `title`: the required field `title` is missing \(add a line `title: …`\)$/],
    },
    {
      name: 'an unknown field, with the nearest known one',
      files: { 'stories/budget-vote.md': swap(STORY, 'summary:', 'sumary: Typo.\nsummary:') },
      errors: [/^stories\/budget-vote\.md:4:1: unknown field `sumary` \(did you mean `summary`\?\)$/],
    },
    {
      name: 'a list where text belongs',
      files: { 'stories/budget-vote.md': swap(STORY, 'title: Council passes the harbour budget', 'title: [Council, budget]') },
      errors: [/^stories\/budget-vote\.md:2:8: `title`: expected a headline as text$/],
    },
    {
      name: 'a number where text belongs',
      files: { 'people/ana-lima.md': swap(ANA, 'name: Ana Lima', 'name: 42') },
      errors: [/^people\/ana-lima\.md:2:7: `name`: expected a name as text \(YAML reads 42 as a number: put it in quotes to make it text, name: "42"\)$/],
    },
    {
      name: 'text where a list belongs',
      files: { 'stories/budget-vote.md': swap(STORY, 'people:\n  - ana-lima\n', 'people: ana-lima\n') },
      errors: [/^stories\/budget-vote\.md:5:9: `people`: expected a list, not the text "ana-lima" \(write it in brackets, \[ana-lima\], or as lines starting with "- "\)$/],
    },
    {
      name: '"yes" where true or false belongs',
      files: { 'people/ana-lima.md': swap(ANA, 'name: Ana Lima', 'name: Ana Lima\ndraft: "yes"') },
      errors: [/^people\/ana-lima\.md:3:8: `draft`: expected true or false$/],
    },
    {
      name: 'an empty alias',
      files: { 'people/ana-lima.md': swap(ANA, '  - Mayor Lima', "  - ''") },
      errors: [/^people\/ana-lima\.md:4:5: `aliases\[0\]`: an alias must not be empty$/],
    },
    {
      name: 'a role without a title',
      files: { 'people/ana-lima.md': swap(ANA, '  - title: Mayor\n    from: 2021-06', '  - from: 2021-06') },
      errors: [/^people\/ana-lima\.md:7:5: `roles\[0\]\.title`: the required field `roles\[0\]\.title` is missing/],
    },
    {
      name: '__proto__ as a field: refused, and nothing is polluted',
      files: { 'stories/budget-vote.md': swap(STORY, 'summary:', '__proto__:\n  draft: true\n  polluted: yes\nsummary:') },
      errors: [/^stories\/budget-vote\.md:4:1: unknown field `__proto__`/],
    },
  ],

  dates: [
    {
      name: 'a day that does not exist',
      files: { 'events/budget-vote.md': swap(EVENT, 'date: 2024-03-12', 'date: 2023-02-30') },
      errors: [/^events\/budget-vote\.md:3:7: `date`: "2023-02-30" is not a real date: February 2023 has 28 days$/],
    },
    {
      name: 'a 13th month',
      files: { 'events/budget-vote.md': swap(EVENT, 'date: 2024-03-12', 'date: 2024-13') },
      errors: [/^events\/budget-vote\.md:3:7: `date`: "2024-13" has no month 13: months run from 01 to 12$/],
    },
    {
      name: 'year 0',
      files: { 'events/budget-vote.md': swap(EVENT, 'date: 2024-03-12', 'date: 0') },
      errors: [/^events\/budget-vote\.md:3:7: `date`: expected a year such as 2016, found 0$/],
    },
    {
      name: 'words where a date belongs',
      files: { 'events/budget-vote.md': swap(EVENT, 'date: 2024-03-12', 'date: last Tuesday') },
      errors: [/^events\/budget-vote\.md:3:7: `date`: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "last Tuesday"$/],
    },
    {
      name: 'an hour that does not exist',
      files: { 'stories/budget-vote.md': swap(STORY, 'published: 2024-03-14', 'published: 2024-03-14T25:30:00Z') },
      errors: [/^stories\/budget-vote\.md:3:12: `published`: "2024-03-14T25:30:00Z" has an impossible time of day$/],
    },
    {
      name: '`end` before `date`',
      files: { 'events/budget-vote.md': swap(EVENT, 'date: 2024-03-12', 'date: 2024-03-12\nend: 2024-02') },
      errors: [/^events\/budget-vote\.md:4:6: `end`: the end date is before the start date \(swap `date` and `end`, or correct one of them\)$/],
    },
    {
      name: '`end` as the month that holds `date`: accepted',
      files: { 'events/budget-vote.md': swap(EVENT, 'date: 2024-03-12', 'date: 2024-03-12\nend: 2024-03') },
      accepted: (r) => expect(r.content.events[0]!.end).toMatchObject({ year: 2024, month: 3, precision: 'month' }),
    },
    {
      name: 'a role that ends before it begins',
      files: { 'people/ana-lima.md': swap(ANA, '    from: 2021-06', '    from: 2021-06\n    to: 2019') },
      errors: [/^people\/ana-lima\.md:9:9: `roles\[0\]\.to`: the role ends before it begins \(swap `from` and `to`, or correct one of them\)$/],
    },
  ],

  'ids and links': [
    {
      name: 'an unknown id in `people`',
      files: { 'stories/budget-vote.md': swap(STORY, '  - ana-lima', '  - ana-lama') },
      errors: [/^stories\/budget-vote\.md:6:5: `people\[0\]`: no person has the id "ana-lama" \(did you mean `ana-lima`\?\)$/],
    },
    {
      name: 'an unknown id in `events`',
      files: { 'stories/budget-vote.md': swap(STORY, '  - budget-vote', '  - budget-veto') },
      errors: [/^stories\/budget-vote\.md:8:5: `events\[0\]`: no event has the id "budget-veto" \(did you mean `budget-vote`\?\)$/],
    },
    {
      name: 'an unknown [[target]]',
      files: { 'stories/budget-vote.md': swap(STORY, '[[Ana Lima]]', '[[Ana Lina]]') },
      errors: [/^stories\/budget-vote\.md:10:7: no person or event is called "Ana Lina" \(did you mean `ana-lima`\?\)$/],
    },
    {
      name: 'an ambiguous [[target]]: a person and an event of the same name',
      files: { 'events/budget-vote.md': swap(EVENT, 'title: Council approves the harbour budget', 'title: Zoë Brandt') },
      errors: [/^stories\/budget-vote\.md:10:50: "Zoë Brandt" is ambiguous: it names people\/zoe-brandt and events\/budget-vote \(write the id instead/],
    },
    {
      name: 'two files whose ids differ only in case',
      files: { 'people/Ana-Lima.md': swap(swap(ANA, 'name: Ana Lima', 'name: Ana Lima Two'), '  - Mayor Lima', '  - Councillor Lima') },
      errors: [
        /^people\/Ana-Lima\.md: the file name "Ana-Lima\.md" is not a valid id: ids are lowercase letters, digits and single hyphens \(ana-lima\.md already exists: merge the two files, or give this one another id\)$/,
      ],
    },
    {
      name: 'the same alias on two people, naming both files, told where it is no part of the name',
      files: { 'people/ana-lima.md': swap(ANA, '  - Mayor Lima', '  - Brandt') },
      errors: [/^people\/ana-lima\.md:4:5: `aliases\[0\]`: "Brandt" already names `zoe-brandt` \(people\/zoe-brandt\.md:4:5\)/],
    },
    {
      name: 'one person’s alias is another’s name, reported at the alias',
      files: { 'people/ana-lima.md': swap(ANA, '  - Mayor Lima', '  - Zoë Brandt') },
      // Reported at the alias, the one to change, whichever file comes first.
      errors: [/^people\/ana-lima\.md:4:5: `aliases\[0\]`: "Zoë Brandt" already names `zoe-brandt` \(people\/zoe-brandt\.md:2:7\)/],
    },
  ],

  'non-ASCII names and ids': [
    {
      name: 'Кисляк, Zoë and 習近平 as names and aliases: linked by name, alias and [[…]]',
      files: {
        'people/sergey-kislyak.md': '---\nname: Сергей Кисляк\naliases:\n  - Кисляк\nsummary: Russian diplomat.\n---\nA diplomat.\n',
        'people/xi-jinping.md': '---\nname: 習近平\naliases:\n  - 习近平\nsummary: Chinese leader.\n---\nA leader.\n',
        'stories/budget-vote.md': swap(STORY, 'Mayor [[Ana Lima]] opened the debate on Tuesday.', 'Mayor [[Ana Lima]] met Кисляк and [[習近平]] on Tuesday. Zoë Brandt met 习近平 too.'),
      },
      accepted: (r) => {
        const targets = new Set(mentionsIn(r).map((m) => m.target.id));
        for (const id of ['ana-lima', 'sergey-kislyak', 'xi-jinping', 'zoe-brandt']) expect(targets).toContain(id);
      },
    },
    {
      name: 'an accented file name: the rename hint folds the accent',
      files: { 'people/zoë-lima.md': '---\nname: Zoë Lima\nsummary: S.\n---\nBody.\n' },
      errors: [/^people\/zoë-lima\.md: the file name "zoë-lima\.md" is not a valid id: .* \(rename it to zoe-lima\.md\)$/],
    },
    {
      name: 'a Cyrillic file name',
      files: { 'people/кисляк.md': '---\nname: Кисляк\nsummary: S.\n---\nBody.\n' },
      errors: [/^people\/кисляк\.md: the file name "кисляк\.md" is not a valid id: .* \(rename it with Latin letters or digits\)$/],
    },
    {
      name: 'a Chinese file name',
      files: { 'people/習近平.md': '---\nname: 習近平\nsummary: S.\n---\nBody.\n' },
      errors: [/^people\/習近平\.md: the file name "習近平\.md" is not a valid id: .* \(rename it with Latin letters or digits\)$/],
    },
    {
      name: 'a name where an id belongs in `people`',
      files: { 'stories/budget-vote.md': swap(STORY, '  - ana-lima', '  - Zoë Brandt') },
      errors: [/^stories\/budget-vote\.md:6:5: `people\[0\]`: expected an id in kebab-case, such as "jeff-sessions" \(the file name without \.md\)$/],
    },
    {
      name: 'regular-expression characters in a name are only characters',
      files: {
        'people/ana-lima.md': swap(ANA, 'name: Ana Lima', 'name: "Ana (Lima)+.*"'),
        'stories/budget-vote.md': swap(STORY, '[[Ana Lima]]', '[[Ana (Lima)+.*]]'),
      },
      accepted: (r) => expect(mentionsIn(r).filter((m) => m.target.id === 'ana-lima').map((m) => m.text)).toContain('Ana (Lima)+.*'),
    },
  ],

  'invisible characters': [
    {
      name: 'a NUL byte in a field',
      files: { 'people/ana-lima.md': swap(ANA, 'Mayor of', 'Mayor\0 of') },
      errors: [/^people\/ana-lima\.md:5:10: `summary`: contains an invisible control character, U\+0000, at character 6: delete it$/],
    },
    {
      name: 'a NUL written as a YAML escape',
      files: { 'people/ana-lima.md': swap(ANA, 'name: Ana Lima', 'name: "Ana\\0Lima"') },
      errors: [/^people\/ana-lima\.md:2:7: `name`: contains an invisible control character, U\+0000, at character 4/],
    },
    {
      name: 'a right-to-left override in a name',
      files: { 'people/ana-lima.md': swap(ANA, 'name: Ana Lima', 'name: Ana \u202ELima') },
      errors: [/^people\/ana-lima\.md:2:7: `name`: contains an invisible text-direction control, U\+202E, at character 5: delete it \(browsers order mixed scripts by themselves\)$/],
    },
    {
      name: 'a directional isolate in an alias',
      files: { 'people/ana-lima.md': swap(ANA, '  - Mayor Lima', '  - "Mayor \\u2066Lima"') },
      errors: [/^people\/ana-lima\.md:4:5: `aliases\[0\]`: contains an invisible text-direction control, U\+2066/],
    },
    {
      name: 'NUL and a right-to-left override in a body: accepted (the body renders them, see the build test)',
      files: { 'stories/budget-vote.md': `${STORY}\n\nA NUL\0here and an override \u202Ehere.\n` },
      accepted: (r) => expect(story(r).body).toContain('\u202E'),
    },
  ],

  'links that are not web addresses': [
    {
      name: 'javascript: in `source.url`',
      files: { 'stories/budget-vote.md': swap(STORY, 'summary:', 'source:\n  name: Example\n  url: javascript:alert(1)\nsummary:') },
      errors: [/^stories\/budget-vote\.md:6:8: `source\.url`: expected an http:\/\/ or https:\/\/ address$/],
    },
    {
      name: 'JavaScript: in upper and lower case, quoted, after a space',
      files: { 'stories/budget-vote.md': swap(STORY, 'summary:', 'source:\n  name: Example\n  url: " JaVaScRiPt:alert(1)"\nsummary:') },
      errors: [/^stories\/budget-vote\.md:6:8: `source\.url`: expected an http:\/\/ or https:\/\/ address$/],
    },
    {
      name: 'data: in an event source',
      files: { 'events/budget-vote.md': swap(EVENT, '  - title: Council minutes, 12 March 2024', '  - title: Minutes\n    url: data:text/html,<script>alert(1)</script>') },
      errors: [/^events\/budget-vote\.md:10:10: `sources\[0\]\.url`: expected an http:\/\/ or https:\/\/ address$/],
    },
    {
      name: 'an address with a space in it',
      files: { 'stories/budget-vote.md': swap(STORY, 'summary:', 'source:\n  name: Example\n  url: https://example.com/a b\nsummary:') },
      errors: [/^stories\/budget-vote\.md:6:8: `source\.url`: expected an http:\/\/ or https:\/\/ address$/],
    },
    {
      name: 'an http(s) address with markup in its query: accepted (escaped in the page, see the build test)',
      files: { 'stories/budget-vote.md': swap(STORY, 'summary:', `source:\n  name: Example\n  url: https://example.com/?q="><script>alert(1)</script>\nsummary:`) },
      accepted: (r) => expect(story(r).source?.url).toBe('https://example.com/?q="><script>alert(1)</script>'),
    },
  ],

  'hostile strings in fields and bodies (accepted as text; the build test shows they render as text)': [
    ...HOSTILE.map(
      (value): Case => ({
        name: `${value} in every text field of a story, person and event`,
        files: {
          'stories/budget-vote.md':
            `---\ntitle: ${yamlQuoted(value)}\ndek: ${yamlQuoted(value)}\npublished: 2024-03-14\npublishedNote: ${yamlQuoted(value)}\n` +
            `byline: ${yamlQuoted(value)}\nsource:\n  name: ${yamlQuoted(value)}\nsummary: ${yamlQuoted(value)}\ntags:\n  - ${yamlQuoted(value)}\n` +
            `keyPoints:\n  - ${yamlQuoted(value)}\n---\n${value}\n`,
          'people/ana-lima.md': `---\nname: ${yamlQuoted(value)}\naliases:\n  - ${yamlQuoted(`${value} alias`)}\nsummary: ${yamlQuoted(value)}\nroles:\n  - title: ${yamlQuoted(value)}\n---\n${value}\n`,
          'events/budget-vote.md': `---\ntitle: ${yamlQuoted(`${value} event`)}\ndate: 2024-03-12\nsummary: ${yamlQuoted(value)}\nsources:\n  - title: ${yamlQuoted(value)}\n---\n${value}\n`,
        },
        accepted: (r) => {
          // Headlines and summaries are typeset as the bodies are (quotes curled), which leaves them text all the same.
          const prose = typeset(value);
          expect(story(r)).toMatchObject({ title: prose, dek: prose, publishedNote: prose, byline: value, source: { name: value }, summary: prose, tags: [value], keyPoints: [prose] });
          expect(person(r, 'ana-lima')).toMatchObject({ name: value, aliases: [`${value} alias`], summary: prose, roles: [{ title: prose }] });
          expect(r.content.events[0]).toMatchObject({ title: `${value} event`, summary: prose, sources: [{ title: prose }] });
        },
      }),
    ),
    {
      name: '[[<script>…</script>]] is no link target but a link written wrong (HTML inside), and no mention is made of it',
      files: { 'stories/budget-vote.md': swap(STORY, '[[Ana Lima]]', '[[<script>alert(1)</script>]] [[Ana Lima]]') },
      errors: [/^stories\/budget-vote\.md:\d+:\d+: `\[\[` opens a link that is not closed/, /`\]\]` closes no link/],
    },
    {
      name: 'escaped, the same brackets are text, and the raw HTML is left to the sanitizer',
      files: { 'stories/budget-vote.md': swap(STORY, '[[Ana Lima]]', '\\[\\[<script>alert(1)</script>\\]\\] [[Ana Lima]]') },
      accepted: (r) => expect(mentionsIn(r).some((m) => m.text.includes('<script'))).toBe(false),
    },
    {
      name: 'very long values (100,000 characters) in a title and a name',
      files: {
        'stories/budget-vote.md': swap(STORY, 'title: Council passes the harbour budget', `title: ${'Long '.repeat(20_000).trim()}`),
        'people/ana-lima.md': swap(ANA, '  - Mayor Lima', `  - ${'Lima '.repeat(20_000).trim()}`),
      },
      accepted: (r) => expect(story(r).title).toHaveLength(99_999),
    },
  ],

  'size and depth (the full build of these is in tests/build/hostile.test.ts)': [
    {
      name: 'a story with 10,000 mentions',
      files: {
        'stories/many.md':
          '---\ntitle: Many\npublished: 2024-03-14\nsummary: S.\n---\n' +
          Array.from({ length: 1000 }, (_, p) => Array.from({ length: 10 }, (_, k) => `Sentence ${p * 10 + k} names [[${k % 2 ? 'ana-lima' : 'zoe-brandt'}]].`).join(' ')).join('\n\n') +
          '\n',
      },
      accepted: (r) => expect(mentionsIn(r, 'many').filter((m) => m.via === 'explicit')).toHaveLength(10_000),
    },
    {
      name: 'lists nested 200 levels deep',
      files: {
        'stories/deep.md':
          '---\ntitle: Deep\npublished: 2024-03-14\nsummary: S.\n---\n' +
          Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1} with [[ana-lima]]`).join('\n') +
          '\n',
      },
      accepted: (r) => expect(mentionsIn(r, 'deep')).toHaveLength(200),
    },
    {
      // Markdown's bracket parsing is quadratic: 5,000 take about half a second, 20,000 about eight.
      name: 'a bracket soup ([ × 5,000) does not hang the check, and the bad target is found',
      files: { 'stories/soup.md': `---\ntitle: Soup\npublished: 2024-03-14\nsummary: S.\n---\n${'['.repeat(5_000)}x${']'.repeat(5_000)}\n` },
      errors: [/^stories\/soup\.md:6:1: `\[\[` opens a link that is not closed/, /^stories\/soup\.md:6:4999: no person or event is called "x"/],
    },
  ],
};

describe.each(Object.entries(cases))('%s', (_group, list) => {
  it.each(list)('$name', (c) => run(c));
});

describe('the catalogue itself', () => {
  it('has at least 30 cases, and both outcomes', () => {
    const all = Object.values(cases).flat();
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(all.filter((c) => c.errors).length).toBeGreaterThan(20);
    expect(all.filter((c) => c.accepted).length).toBeGreaterThan(5);
  });

  it('pollutes no prototype', () => {
    check({ 'stories/budget-vote.md': swap(STORY, 'summary:', '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nsummary:') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
