import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, loadRecord, splitFrontmatter, FOLDERS } from '../../src/lib/load.ts';
import { formatIssue, type ContentIssue } from '../../src/lib/errors.ts';
import { assembleSite } from '../../src/lib/site.ts';

type Folder = keyof typeof FOLDERS;

function load(folder: Folder, source: string, id = 'x') {
  const issues: ContentIssue[] = [];
  const file = `content/${folder}/${id}.md`;
  const record = loadRecord(folder, id, file, source, issues);
  return { record, issues, formatted: issues.map(formatIssue) };
}

const STORY = `---
title: Sessions and Trump at odds
dek: The attorney general is reported to have offered to resign.
published: 2017-06-07
publishedNote: Inferred from the reporting.
updated: 2017-06-08T09:30:00-04:00
byline: Staff writer
source:
  name: Example News
  url: https://example.com/story
summary: Sessions and Trump have been at odds for weeks.
tags:
  - russia investigation
people:
  - jeff-sessions
events:
  - sessions-recusal
---

[[jeff-sessions|The attorney general]] has been at odds with the president.
`;

const PERSON = `---
name: Sergey Kislyak
aliases:
  - Kislyak
summary: Russia's ambassador to the United States from 2008 to July 2017.
roles:
  - title: Russian Deputy Foreign Minister
    from: 2003
    to: "2008"
  - title: Russian Ambassador to the United States
    from: 2008-09
    to: 2017-07-22
  - title: Senator
---
Sergey Kislyak is a Russian diplomat.
`;

const EVENT = `---
title: Sessions talks with Kislyak during convention week
date: 2016-07-20
end: 2016-07-21
people:
  - jeff-sessions
  - sergey-kislyak
summary: A brief conversation in Cleveland.
sources:
  - title: Mueller report vol. I
  - title: Business Insider
    url: https://www.businessinsider.com/x
---
Body text.`;

describe('loadRecord: valid records', () => {
  it('a story', () => {
    const { record, issues } = load('stories', STORY, 'sessions-trump-rift');
    expect(issues).toEqual([]);
    expect(record).toMatchObject({
      kind: 'story',
      id: 'sessions-trump-rift',
      file: 'content/stories/sessions-trump-rift.md',
      title: 'Sessions and Trump at odds',
      published: { iso: '2017-06-07', day: { year: 2017, month: 6, day: 7, precision: 'day' } },
      updated: { iso: '2017-06-08T09:30:00-04:00', day: { year: 2017, month: 6, day: 8, precision: 'day' } },
      source: { name: 'Example News', url: 'https://example.com/story' },
      tags: ['russia investigation'],
      people: ['jeff-sessions'],
      events: ['sessions-recusal'],
      body: '[[jeff-sessions|The attorney general]] has been at odds with the president.',
      bodyLine: 20,
    });
  });

  it('a byline written with its own "By"', () => {
    const { record } = load('stories', STORY.replace('byline: Staff writer', 'byline: By Maria Okafor'), 'sessions-trump-rift');
    expect(record).toMatchObject({ byline: 'Maria Okafor' });
  });

  it('a person who died in a role they never left: it ends with them', () => {
    const { record } = load('people', '---\nname: Peggy Oduya\nsummary: Senior midwife.\ndied: 2021-04-16\nroles:\n  - title: Senior midwife\n    from: 2011\n---\n', 'peggy-oduya');
    expect(record).toMatchObject({ roles: [{ title: 'Senior midwife', from: { year: 2011 }, to: { year: 2021, month: 4, day: 16 } }] });
  });

  it('a headline and summary typed on a keyboard, typeset as the body is', () => {
    const typed = STORY.replace(/^title: .*$/m, `title: 'Trump calls Sessions "beleaguered" -- again'`).replace(/^summary: .*$/m, "summary: The president's words...");
    expect(load('stories', typed, 'sessions-trump-rift').record).toMatchObject({ title: 'Trump calls Sessions “beleaguered” — again', summary: 'The president’s words…' });
  });

  it('a story in another language, and a language tag written wrong', () => {
    expect(load('stories', STORY.replace('summary:', 'lang: pt-BR\nsummary:'), 'sessions-trump-rift').record).toMatchObject({ lang: 'pt-BR' });
    expect(load('stories', STORY.replace('summary:', 'lang: Spanish language\nsummary:'), 'sessions-trump-rift').formatted).toEqual([
      'content/stories/sessions-trump-rift.md:11:7: `lang`: expected a language tag such as es, fr or pt-BR',
    ]);
  });

  it('a person, with an unquoted year, a quoted year and a month', () => {
    const { record, issues } = load('people', PERSON, 'sergey-kislyak');
    expect(issues).toEqual([]);
    expect(record).toMatchObject({
      kind: 'person',
      id: 'sergey-kislyak',
      name: 'Sergey Kislyak',
      aliases: ['Kislyak'],
      roles: [
        { title: 'Russian Deputy Foreign Minister', from: { year: 2003, precision: 'year' }, to: { year: 2008, precision: 'year' } },
        {
          title: 'Russian Ambassador to the United States',
          from: { year: 2008, month: 9, precision: 'month' },
          to: { year: 2017, month: 7, day: 22, precision: 'day' },
        },
        { title: 'Senator' },
      ],
      body: 'Sergey Kislyak is a Russian diplomat.',
      bodyLine: 15,
    });
    if (record?.kind !== 'person') throw new Error('expected a person');
    expect(record.roles[2]).toEqual({ title: 'Senator' });
  });

  it('an event with a time of day, written with or without quotes', () => {
    for (const time of ['"16:00"', '16:00', "'09:05'"]) {
      const { record, issues } = load('events', `---\ntitle: T\ndate: 2022-11-14\ntime: ${time}\nsummary: S\n---\n`);
      expect(issues).toEqual([]);
      expect(record).toMatchObject({ time: time.replace(/['"]/g, '') });
    }
  });

  it('an event', () => {
    const { record, issues } = load('events', EVENT, 'convention-week-encounter');
    expect(issues).toEqual([]);
    expect(record).toMatchObject({
      kind: 'event',
      date: { year: 2016, month: 7, day: 20, precision: 'day' },
      end: { year: 2016, month: 7, day: 21, precision: 'day' },
      people: ['jeff-sessions', 'sergey-kislyak'],
      sources: [{ title: 'Mueller report vol. I' }, { title: 'Business Insider', url: 'https://www.businessinsider.com/x' }],
      body: 'Body text.',
      bodyLine: 14,
    });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['lists default to empty', '---\ntitle: T\nsummary: S\npublished: 2017-06-07\n---\n', { tags: [], people: [], events: [] }],
    ['text is trimmed', '---\ntitle: "  T  "\nsummary: S\npublished: 2017-06-07\n---\n', { title: 'T' }],
    ['a date-time is kept as written', '---\ntitle: T\nsummary: S\npublished: 2017-06-07T23:30:00-04:00\n---\n', { published: { iso: '2017-06-07T23:30:00-04:00', day: { year: 2017, month: 6, day: 7, precision: 'day' } } }],
    ['a value with a quoted colon', '---\ntitle: "Sessions: the rift"\nsummary: S\npublished: 2017-06-07\n---\n', { title: 'Sessions: the rift' }],
    ['a tab after a colon is only spacing', '---\ntitle:\tT\nsummary: S\npublished: 2017-06-07\n---\n', { title: 'T' }],
  ])('story: %s', (_name, frontmatter, expected) => {
    const { record, issues } = load('stories', `${frontmatter}The article.\n`);
    expect(issues).toEqual([]);
    expect(record).toMatchObject(expected);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['an end in the same month as a day start', 'date: 2017-03-02\nend: 2017-03', { end: { year: 2017, month: 3, precision: 'month' } }],
    ['an end on the start day', 'date: 2017-03-02\nend: 2017-03-02', { end: { year: 2017, month: 3, day: 2, precision: 'day' } }],
    ['a year start and a month end in it', 'date: 2017\nend: 2017-01', { date: { year: 2017, precision: 'year' } }],
    ['a month start and a year end', 'date: 2017-05\nend: 2017', { end: { year: 2017, precision: 'year' } }],
  ])('event: %s', (_name, dates, expected) => {
    const { record, issues } = load('events', `---\ntitle: T\nsummary: S\n${dates}\n---\n`);
    expect(issues).toEqual([]);
    expect(record).toMatchObject(expected);
  });

  it.each(['ongoing', 'Ongoing', '"ongoing"', ' ongoing '])('event still going on: end: %s', (word) => {
    const { record, issues } = load('events', `---\ntitle: T\nsummary: S\ndate: 2022-02-24\nend: ${word}\n---\n`);
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ ongoing: true, date: { year: 2022, month: 2, day: 24, precision: 'day' } });
    expect(record).not.toHaveProperty('end');
  });
});

describe('loadRecord: problems, reported as file:line:column: `field`: message', () => {
  it.each<[string, Folder, string, string[]]>([
    [
      'a missing required field',
      'stories',
      '---\nsummary: S\npublished: 2017-06-07\n---\nBody',
      ['content/stories/x.md:2:1: `title`: the required field `title` is missing (add a line `title: …`)'],
    ],
    [
      'a missing field after blank lines before the frontmatter',
      'stories',
      '\n\n---\nsummary: S\npublished: 2017-06-07\n---\nBody',
      ['content/stories/x.md:4:1: `title`: the required field `title` is missing (add a line `title: …`)'],
    ],
    [
      'a key point with a colon and a space, unquoted (a map to YAML)',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2017-06-07\nkeyPoints:\n  - Update: the notice was lifted.\n---\nBody',
      ['content/stories/x.md:6:5: `keyPoints[0]`: expected a key point as text (text with a colon and a space needs quotes: "Update: the notice was lifted.")'],
    ],
    [
      'a time that is no time of day',
      'events',
      '---\ntitle: T\ndate: 2022-11-14\ntime: "4pm"\nsummary: S\n---\n',
      ['content/events/x.md:4:7: `time`: expected a time of day as "HH:MM" (24-hour), like "16:00"'],
    ],
    [
      'a time with a date that has no day',
      'events',
      '---\ntitle: T\ndate: 2022-11\ntime: "16:00"\nsummary: S\n---\n',
      ['content/events/x.md:4:7: `time`: a time of day needs a `date` with its day (write the day in `date` (YYYY-MM-DD), or remove `time`)'],
    ],
    [
      'a list written as text',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2024-05-12\ntags: brzegowo port, labour\n---\nBody',
      ['content/stories/x.md:5:7: `tags`: expected a list, not the text "brzegowo port, labour" (write it in brackets, [brzegowo port, labour], or as lines starting with "- ")'],
    ],
    [
      'a story updated before it was published',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2024-05-12\nupdated: 2024-05-01\n---\nBody',
      ['content/stories/x.md:5:10: `updated`: the story is updated before it was published (correct `updated` or `published`)'],
    ],
    [
      '[[links]] in frontmatter text',
      'stories',
      '---\ntitle: T\nsummary: S\ndek: "[[marta-kowal|The union]] says no"\npublished: 2024-05-12\nkeyPoints:\n  - Fine.\n  - "[[grace-harbour]] refused it."\n---\nBody',
      [
        'content/stories/x.md:4:6: `dek`: `[[…]]` links work only in the body: here the brackets would show (write the words without brackets, and link them in the body)',
        'content/stories/x.md:8:5: `keyPoints[1]`: `[[…]]` links work only in the body: here the brackets would show (write the words without brackets, and link them in the body)',
      ],
    ],
    [
      'a missing date',
      'events',
      '---\ntitle: T\nsummary: S\n---\n',
      ['content/events/x.md:2:1: `date`: the required field `date` is missing (add a line `date: …`)'],
    ],
    [
      'a missing field in a list item',
      'people',
      '---\nname: A\nsummary: S\nroles:\n  - from: 2016\n---\n',
      ['content/people/x.md:5:5: `roles[0].title`: the required field `roles[0].title` is missing (add a line `title: …`)'],
    ],
    [
      'empty frontmatter',
      'stories',
      '---\n---\nBody',
      [
        'content/stories/x.md:2:1: `title`: the required field `title` is missing (add a line `title: …`)',
        'content/stories/x.md:2:1: `published`: the required field `published` is missing (add a line `published: …`)',
        'content/stories/x.md:2:1: `summary`: the required field `summary` is missing (add a line `summary: …`)',
      ],
    ],
    [
      'a number where text belongs',
      'stories',
      '---\ntitle: 123\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:2:8: `title`: expected a headline as text (YAML reads 123 as a number: put it in quotes to make it text, title: "123")'],
    ],
    [
      'an empty value',
      'stories',
      '---\ntitle:\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:2:7: `title`: expected a headline as text (write the title after the colon)'],
    ],
    [
      'blank text',
      'stories',
      '---\ntitle: "  "\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:2:8: `title`: a headline must not be empty'],
    ],
    [
      'a single value where a list belongs',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2017-06-07\npeople: jeff-sessions\n---\n',
      ['content/stories/x.md:5:9: `people`: expected a list, not the text "jeff-sessions" (write it in brackets, [jeff-sessions], or as lines starting with "- ")'],
    ],
    [
      'a role written as a text, alone or in brackets',
      'people',
      '---\nname: A\nsummary: S\nroles: Mayor\n---\n',
      ['content/people/x.md:4:8: `roles`: expected a list of entries, not the text "Mayor" (write each entry of `roles` on a line of its own, "- title: Mayor", with `from:` and `to:` on lines under it if known)'],
    ],
    [
      'a role in brackets',
      'people',
      '---\nname: A\nsummary: S\nroles: [Mayor]\n---\n',
      ['content/people/x.md:4:9: `roles[0]`: expected an entry with fields (`title`, `from`, `to`), not the text "Mayor" (write each entry of `roles` on a line of its own, "- title: Mayor", with `from:` and `to:` on lines under it if known)'],
    ],
    [
      'a name where an id belongs',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2017-06-07\npeople:\n  - jeff-sessions\n  - Jeff Sessions\n---\n',
      ['content/stories/x.md:7:5: `people[1]`: expected an id in kebab-case, such as "jeff-sessions" (the file name without .md)'],
    ],
    [
      'an unknown field with a close match',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2017-06-07\nbylin: X\n---\n',
      ['content/stories/x.md:5:1: unknown field `bylin` (did you mean `byline`?)'],
    ],
    [
      'a misspelt required field',
      'stories',
      '---\ntitle: T\nsummary: S\npublshed: 2017-06-07\n---\n',
      // One mistake, one message: the "missing" one it causes is left out.
      ['content/stories/x.md:4:1: unknown field `publshed` (did you mean `published`, a required field?)'],
    ],
    [
      'an unknown field with nothing close',
      'events',
      '---\ntitle: T\nsummary: S\ndate: 2017\nlocation: Cleveland\n---\n',
      ['content/events/x.md:5:1: unknown field `location` (the fields allowed here are `draft`, `title`, `date`, `end`, `time`, `people`, `summary`, `sources`)'],
    ],
    [
      'a misspelt required field inside a role, beside a field it is not',
      'people',
      '---\nname: A\nsummmary: S\nroles:\n  - titel: X\n    from: 2003\n---\n',
      [
        'content/people/x.md:3:1: unknown field `summmary` (did you mean `summary`, a required field?)',
        'content/people/x.md:5:5: `roles[0]`: unknown field `titel` (did you mean `title`, a required field?)',
      ],
    ],
    [
      'an unknown field near a required field the file has: no claim on it',
      'stories',
      '---\ntitle: T\ntitel: U\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:3:1: unknown field `titel` (did you mean `title`?)'],
    ],
    [
      'an unknown field inside a role',
      'people',
      '---\nname: A\nsummary: S\nroles:\n  - title: X\n    form: 2003\n---\n',
      ['content/people/x.md:6:5: `roles[0]`: unknown field `form` (did you mean `from`?)'],
    ],
    [
      'a field inside a role or a source by another name',
      'people',
      '---\nname: A\nsummary: S\nroles:\n  - title: X\n    since: 2003\n  - title: Y\n    Until: 2009\n---\n',
      [
        'content/people/x.md:6:5: `roles[0]`: unknown field `since` (did you mean `from`?)',
        'content/people/x.md:8:5: `roles[1]`: unknown field `Until` (did you mean `to`?)',
      ],
    ],
    [
      'a story’s fields by the names other systems give them',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2017-06-07\nauthor: X\ntag: [a]\n---\n',
      [
        'content/stories/x.md:5:1: unknown field `author` (did you mean `byline`?)',
        'content/stories/x.md:6:1: unknown field `tag` (did you mean `tags`?)',
      ],
    ],
    [
      'a story’s date by the name an event gives it',
      'stories',
      '---\ntitle: T\nsummary: S\ndate: 2017-06-07\n---\n',
      ['content/stories/x.md:4:1: unknown field `date` (did you mean `published`, a required field?)'],
    ],
    [
      'a person’s file among the stories',
      'stories',
      '---\nname: Ana Lima\nsummary: S\n---\n',
      // One message: where the file belongs, not each story field it lacks.
      ["content/stories/x.md:2:1: unknown field `name` (`name` is a person's field: a person's file goes in the people/ folder of the content)"],
    ],
    [
      'a source’s link by another name',
      'events',
      '---\ntitle: T\nsummary: S\ndate: 2017\nsources:\n  - title: Paper\n    link: https://example.org\n---\n',
      ['content/events/x.md:7:5: `sources[0]`: unknown field `link` (did you mean `url`?)'],
    ],
    [
      'an impossible unquoted date',
      'events',
      '---\ntitle: T\nsummary: S\ndate: 2017-02-30\n---\n',
      ['content/events/x.md:4:7: `date`: "2017-02-30" is not a real date: February 2017 has 28 days'],
    ],
    [
      'an impossible month',
      'events',
      '---\ntitle: T\nsummary: S\ndate: "2017-13"\n---\n',
      ['content/events/x.md:4:7: `date`: "2017-13" has no month 13: months run from 01 to 12'],
    ],
    [
      'a date in words in a role',
      'people',
      '---\nname: A\nsummary: S\nroles:\n  - title: X\n    from: July 2016\n---\n',
      ['content/people/x.md:6:11: `roles[0].from`: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "July 2016": write 2016-07'],
    ],
    [
      'a role still held, with "to: present"',
      'people',
      '---\nname: A\nsummary: S\nroles:\n  - title: X\n    from: 2016\n    to: present\n---\n',
      ['content/people/x.md:7:9: `roles[0].to`: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "present": to say it has not ended, leave `to` out (a role with no `to` is held now)'],
    ],
    [
      'an event still going on, with "end: present"',
      'events',
      '---\ntitle: T\nsummary: S\ndate: 2022-02-24\nend: present\n---\n',
      ['content/events/x.md:5:6: `end`: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "present": to say it is still going on, write `end: ongoing`'],
    ],
    [
      'a death before the birth',
      'people',
      '---\nname: A\nsummary: S\nborn: 1950\ndied: 1940-03\n---\n',
      ['content/people/x.md:5:7: `died`: the person dies before they are born (swap `born` and `died`, or correct one of them)'],
    ],
    [
      'a role that ends, or begins, after the death',
      'people',
      '---\nname: A\nsummary: S\ndied: 2021-04-16\nroles:\n  - title: Midwife\n    from: 2011\n    to: 2022-06\n  - title: Governor\n    from: 2021-05\n---\n',
      [
        'content/people/x.md:8:9: `roles[0].to`: the role ends after the person died, on 2021-04-16 (end it by then, `to: 2021-04-16`, or leave `to` out: a role held at death ends with it; or correct `died`)',
        'content/people/x.md:10:11: `roles[1].from`: the role begins after the person died, on 2021-04-16 (correct `from` or `died`)',
      ],
    ],
    [
      'a role begun "now": no word for it there',
      'people',
      '---\nname: A\nsummary: S\nroles:\n  - title: X\n    from: now\n---\n',
      ['content/people/x.md:6:11: `roles[0].from`: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "now"'],
    ],
    [
      'an impossible time of day',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2017-06-07T25:00\n---\n',
      ['content/stories/x.md:4:12: `published`: "2017-06-07T25:00" has an impossible time of day'],
    ],
    [
      'an end before the start',
      'events',
      '---\ntitle: T\nsummary: S\ndate: 2017-03-15\nend: 2017-03-10\n---\n',
      ['content/events/x.md:5:6: `end`: the end date is before the start date (swap `date` and `end`, or correct one of them)'],
    ],
    [
      'an end in an earlier year',
      'events',
      '---\ntitle: T\nsummary: S\ndate: 2017\nend: 2016-12\n---\n',
      ['content/events/x.md:5:6: `end`: the end date is before the start date (swap `date` and `end`, or correct one of them)'],
    ],
    [
      'a javascript: source URL',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2017-06-07\nsource:\n  name: X\n  url: javascript:alert(1)\n---\n',
      ['content/stories/x.md:7:8: `source.url`: expected an http:// or https:// address'],
    ],
    [
      'a JavaScript: URL in capitals',
      'stories',
      '---\ntitle: T\nsummary: S\npublished: 2017-06-07\nsource:\n  name: X\n  url: JavaScript:alert(1)\n---\n',
      ['content/stories/x.md:7:8: `source.url`: expected an http:// or https:// address'],
    ],
    [
      'a data: URL on an event source',
      'events',
      '---\ntitle: T\nsummary: S\ndate: 2017\nsources:\n  - title: X\n    url: "data:text/html,<script>alert(1)</script>"\n---\n',
      ['content/events/x.md:7:10: `sources[0].url`: expected an http:// or https:// address'],
    ],
    [
      'an unquoted colon in a value',
      'stories',
      '---\ntitle: Sessions: the rift\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:2:8: the frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings (a value with a colon needs quotes: title: "Sessions: the rift")'],
    ],
    [
      'an unclosed quote, reported where it opens',
      'stories',
      '---\ntitle: "Sessions\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:2:8: the frontmatter is not valid YAML: the double quote that opens the value of `title` is never closed (end the value with " on the same line: title: "Sessions")'],
    ],
    [
      'an unclosed quote in a list',
      'stories',
      "---\ntitle: T\nsummary: S\npublished: 2017-06-07\ntags:\n  - 'port\n---\n",
      ["content/stories/x.md:6:5: the frontmatter is not valid YAML: the single quote that opens a value in a list is never closed (end the value with ' on the same line: - 'port')"],
    ],
    [
      'an apostrophe inside single quotes',
      'stories',
      "---\ntitle: 'Sessions's recusal'\nsummary: S\npublished: 2017-06-07\n---\n",
      [
        "content/stories/x.md:2:18: the frontmatter is not valid YAML: the value of `title` has a single quote inside the single quotes around it, which ends it early" +
          ` (leave the quotes off: title: Sessions's recusal; quote it with " instead: title: "Sessions's recusal"; or write the ' inside twice: title: 'Sessions''s recusal')`,
      ],
    ],
    [
      'double quotes inside double quotes, with a colon that needs quotes',
      'stories',
      '---\ntitle: "Sessions: "beleaguered""\nsummary: S\npublished: 2017-06-07\n---\n',
      [
        'content/stories/x.md:2:20: the frontmatter is not valid YAML: the value of `title` has a double quote inside the double quotes around it, which ends it early' +
          ` (quote it with ' instead: title: 'Sessions: "beleaguered"'; or write the " inside as \\": title: "Sessions: \\"beleaguered\\"")`,
      ],
    ],
    [
      'an unclosed list, reported where it opens',
      'people',
      '---\nname: José Núñez\naliases: [Núñez, Mr Núñez\nsummary: S\n---\n',
      ['content/people/x.md:3:10: the frontmatter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (close the list with ] on the line it opens: [first, second])'],
    ],
    [
      'a field of a list item indented out of line',
      'people',
      '---\nname: José Núñez\nsummary: S\nroles:\n  - title: Driver\n   from: 2021-06\n---\n',
      ['content/people/x.md:6:1: the frontmatter is not valid YAML: Sequence item without - indicator (line up the fields of a list item: each under the first, two spaces in from its `-`)'],
    ],
    [
      'a field indented under one that has its value, reported at its own line',
      'stories',
      '---\ntitle: T\npublished: 2017-06-07\n   summary: S\n---\n',
      ['content/stories/x.md:4:1: the frontmatter is not valid YAML: `summary` is indented as if it belonged to `published`, which already has a value (start `summary:` at the beginning of the line, as the other fields)'],
    ],
    [
      'tabs as indentation',
      'stories',
      '---\ntitle: T\ntags:\n\t- a\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:4:1: the frontmatter is not valid YAML: Tabs are not allowed as indentation (indent with spaces, not tabs)'],
    ],
    [
      'a field given twice',
      'stories',
      '---\ntitle: T\ntitle: U\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:3:1: the frontmatter is not valid YAML: Map keys must be unique (each field may appear once)'],
    ],
    [
      'a name YAML reads as nothing',
      'people',
      '---\nname: Null\nsummary: S\n---\n',
      ['content/people/x.md:2:7: `name`: expected a name as text (YAML reads Null as no value: put it in quotes to make it text, name: "Null")'],
    ],
    [
      'a value starting with "#"',
      'stories',
      '---\ntitle: #1 priority for the council\nsummary: S\npublished: 2017-06-07\n---\n',
      ['content/stories/x.md:2:8: `title`: expected a headline as text (a "#" after a space starts a comment, so YAML read no value: put the whole value in quotes, title: "#1 priority for the council")'],
    ],
    [
      'a list instead of fields',
      'stories',
      '---\n- a\n- b\n---\n',
      ['content/stories/x.md:2:1: the frontmatter must be a list of `field: value` lines'],
    ],
    [
      'no frontmatter',
      'stories',
      '# Just a heading\n\nAnd text.\n',
      ['content/stories/x.md:1:1: the file has no frontmatter (start it with a line "---", the fields (see content/README.md), and another "---")'],
    ],
    [
      'an empty file',
      'people',
      '',
      ['content/people/x.md:1:1: the file has no frontmatter (start it with a line "---", the fields (see content/README.md), and another "---")'],
    ],
    [
      'an unclosed frontmatter',
      'people',
      '---\nname: A\nsummary: S\n',
      ['content/people/x.md:1:1: the frontmatter opened on line 1 is never closed (add a line "---" after the last field, before the text)'],
    ],
    [
      'an unclosed frontmatter after blank lines',
      'people',
      '\n\n---\nname: A\nsummary: S\n\nText.\n',
      ['content/people/x.md:3:1: the frontmatter opened on line 3 is never closed (add a line "---" after the last field, before the text)'],
    ],
    [
      'a frontmatter opened with four dashes',
      'people',
      '----\nname: A\nsummary: S\n---\n',
      ['content/people/x.md:1:1: the frontmatter opens with "----" (make the line exactly three dashes, "---")'],
    ],
  ])('%s', (_name, folder, source, expected) => {
    const { record, formatted } = load(folder, source);
    expect(formatted).toEqual(expected);
    expect(record).toBeUndefined();
  });
});

describe('loadRecord: BOM and CRLF', () => {
  it.each<[string, string, number, string]>([
    ['a UTF-8 BOM', '\uFEFF---\ntitle: T\nsummary: S\npublished: 2017-06-07\n---\nBody\n', 6, 'Body'],
    ['CRLF line endings', '---\r\ntitle: T\r\nsummary: S\r\npublished: 2017-06-07\r\n---\r\n\r\nBody line\r\nSecond\r\n', 7, 'Body line\r\nSecond'],
    ['a BOM and CRLF', '\uFEFF---\r\ntitle: T\r\nsummary: S\r\npublished: 2017-06-07\r\n---\r\n\r\n\r\nBody\r\n', 8, 'Body'],
  ])('%s loads and bodyLine is right', (_name, source, bodyLine, body) => {
    const { record, issues } = load('stories', source);
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ title: 'T', summary: 'S', bodyLine, body });
    // The body's first line really is that line of the file.
    expect(source.split('\n')[bodyLine - 1]!.replace(/\r$/, '')).toBe(body.split(/\r?\n/)[0]);
  });

  it('reports lines correctly in a CRLF file', () => {
    const { formatted } = load('events', '---\r\ntitle: T\r\nsummary: S\r\ndate: 2017-02-30\r\n---\r\n');
    expect(formatted).toEqual(['content/events/x.md:4:7: `date`: "2017-02-30" is not a real date: February 2017 has 28 days']);
  });
});

describe('splitFrontmatter', () => {
  it.each<[string, string, { yaml: string; yamlLine: number; body: string; bodyLine: number }]>([
    ['body right after the fence', '---\na: 1\n---\nHello', { yaml: 'a: 1\n', yamlLine: 2, body: 'Hello', bodyLine: 4 }],
    ['body after blank lines', '---\na: 1\n---\n\n\n\nHello\nWorld\n', { yaml: 'a: 1\n', yamlLine: 2, body: 'Hello\nWorld', bodyLine: 7 }],
    ['body after whitespace-only lines', '---\na: 1\n---\n  \n\t\nHello', { yaml: 'a: 1\n', yamlLine: 2, body: 'Hello', bodyLine: 6 }],
    ['blank lines before the fence', '\n\n---\na: 1\nb: 2\n---\nHello', { yaml: 'a: 1\nb: 2\n', yamlLine: 4, body: 'Hello', bodyLine: 7 }],
    ['trailing spaces on the fences', '--- \na: 1\n---  \nB', { yaml: 'a: 1\n', yamlLine: 2, body: 'B', bodyLine: 4 }],
    ['no body', '---\na: 1\n---', { yaml: 'a: 1\n', yamlLine: 2, body: '', bodyLine: 3 }],
    ['empty frontmatter', '---\n---\nBody', { yaml: '', yamlLine: 2, body: 'Body', bodyLine: 3 }],
    ['CRLF with blank lines', '\r\n---\r\na: 1\r\n---\r\n  \r\n\r\nBody\r\nmore', { yaml: 'a: 1\r\n', yamlLine: 3, body: 'Body\r\nmore', bodyLine: 7 }],
    ['a horizontal rule in the body', '---\na: 1\n---\nOne\n\n---\n\nTwo', { yaml: 'a: 1\n', yamlLine: 2, body: 'One\n\n---\n\nTwo', bodyLine: 4 }],
  ])('%s', (_name, source, expected) => {
    expect(splitFrontmatter(source)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['no fence', 'Hello'],
    ['text before the fence', 'text\n---\na: 1\n---\n'],
    ['an unclosed fence', '---\na: 1\n'],
    ['an empty file', ''],
  ])('%s → undefined', (_name, source) => {
    expect(splitFrontmatter(source)).toBeUndefined();
  });
});

describe('loadContent from a folder', () => {
  let dir: string;

  const write = (path: string, text: string) => {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'backstory-load-'));
    write('content/people/jeff-sessions.md', '---\nname: Jeff Sessions\naliases:\n  - Sessions\nsummary: S\n---\nBody.\n');
    write('content/people/Jeff Sessions.md', '---\nname: Jeff Sessions\nsummary: S\n---\n');
    write('content/people/Кисляк.md', '---\nname: Кисляк\nsummary: S\n---\n');
    write('content/people/Zoë_Saldaña.md', '---\nname: Zoë Saldaña\nsummary: S\n---\n');
    write('content/people/notes.txt', 'not content');
    write('content/events/sessions-recusal.md', '---\ntitle: Sessions recuses himself\ndate: 2017-03-02\npeople:\n  - jeff-sessions\nsummary: S\n---\n[[Sessions]] stepped aside.\n');
    write('content/events/bad-date.md', '---\ntitle: T\ndate: 2017-02-30\nsummary: S\n---\n');
    write(
      'content/stories/the-rift.md',
      '\uFEFF---\r\ntitle: The rift\r\npublished: 2017-06-07\r\nsummary: S\r\npeople:\r\n  - jeff-sessions\r\n---\r\n\r\n[[jeff-sessions|Sessions]] spoke.\r\n',
    );
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the valid files and reports the others', () => {
    const { content, issues } = loadContent(join(dir, 'content'), dir);
    expect(content.people.map((p) => p.id)).toEqual(['jeff-sessions']);
    expect(content.events.map((e) => e.id)).toEqual(['sessions-recusal']);
    expect(content.stories.map((s) => [s.id, s.file, s.bodyLine, s.body])).toEqual([
      ['the-rift', 'content/stories/the-rift.md', 9, '[[jeff-sessions|Sessions]] spoke.'],
    ]);
    expect(issues.map(formatIssue).sort()).toEqual(
      [
        'content/people/Jeff Sessions.md: the file name "Jeff Sessions.md" is not a valid id: ids are lowercase letters, digits and single hyphens (jeff-sessions.md already exists: merge the two files, or give this one another id)',
        'content/people/Кисляк.md: the file name "Кисляк.md" is not a valid id: ids are lowercase letters, digits and single hyphens (rename it with Latin letters or digits)',
        'content/people/Zoë_Saldaña.md: the file name "Zoë_Saldaña.md" is not a valid id: ids are lowercase letters, digits and single hyphens (rename it to zoe-saldana.md)',
        'content/events/bad-date.md:3:7: `date`: "2017-02-30" is not a real date: February 2017 has 28 days',
      ].sort(),
    );
  });

  it('reports a story that is a link to a missing file, instead of failing on it', () => {
    const other = mkdtempSync(join(tmpdir(), 'backstory-dangling-'));
    try {
      mkdirSync(join(other, 'content', 'stories'), { recursive: true });
      symlinkSync(join(other, 'nowhere.md'), join(other, 'content/stories/dangling.md'));
      const { issues } = loadContent(join(other, 'content'), other);
      expect(issues.map(formatIssue)).toEqual(['content/stories/dangling.md: the file is a link to a file that does not exist (remove the link, or point it at a file that exists)']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('names files by their path when the project root is elsewhere', () => {
    const other = mkdtempSync(join(tmpdir(), 'backstory-other-'));
    try {
      const { issues } = loadContent(join(dir, 'content'), other);
      const bad = issues.find((i) => i.message.includes('February'));
      expect(bad?.file).toBe(join(dir, 'content', 'events', 'bad-date.md').split('\\').join('/'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('a person and an event with the same id: the second file is reported, the link syntax being theirs to share', () => {
    const other = mkdtempSync(join(tmpdir(), 'backstory-shared-id-'));
    try {
      mkdirSync(join(other, 'content', 'people'), { recursive: true });
      mkdirSync(join(other, 'content', 'events'), { recursive: true });
      writeFileSync(join(other, 'content/people/grace-court.md'), '---\nname: Grace Court\nsummary: S\n---\n');
      writeFileSync(join(other, 'content/events/grace-court.md'), '---\ntitle: Grace Court hearing\ndate: 2024-03\nsummary: S\n---\n');
      const { content, issues } = loadContent(join(other, 'content'), other);
      expect(content.people.map((p) => p.id)).toEqual(['grace-court']);
      expect(content.events).toEqual([]);
      expect(issues.map(formatIssue)).toEqual([
        'content/events/grace-court.md: the id "grace-court" is already used by content/people/grace-court.md: a person and an event cannot share an id, since [[grace-court]] must name one of them (rename one of the two files, say to grace-court-event.md, and the links meant for it)',
      ]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('a missing content folder is an error that names it: a mistyped path must not publish an empty site', () => {
    const { content, issues } = loadContent(join(dir, 'does-not-exist'), dir);
    expect(issues).toEqual([expect.objectContaining({ file: 'does-not-exist', message: 'the content folder does not exist' })]);
    expect(issues[0]!.hint).toMatch(/BACKSTORY_CONTENT_DIR/);
    expect(content).toEqual({ stories: [], people: [], events: [] });
  });

  it('a missing record folder is no error: a newsroom may have no events yet', () => {
    mkdirSync(join(dir, 'only-stories', 'stories'), { recursive: true });
    const { content, issues } = loadContent(join(dir, 'only-stories'), dir);
    expect(issues).toEqual([]);
    expect(content).toEqual({ stories: [], people: [], events: [] });
  });

  it('assembles what loaded, with mention lines counted in the file', () => {
    const { content } = loadContent(join(dir, 'content'), dir);
    const site = assembleSite(content, { base: '/' });
    const story = content.stories[0]!;
    expect(site.mentions.get(story)!.map((m) => [m.target.id, m.line, m.column, m.anchor])).toEqual([['jeff-sessions', 9, 1, 'p-sessions-spoke']]);
    const event = content.events[0]!;
    expect(site.mentions.get(event)!.map((m) => [m.target.id, m.line])).toEqual([['jeff-sessions', 8]]);
  });

  it('an unknown id in a loaded frontmatter list is reported at its line', () => {
    const other = mkdtempSync(join(tmpdir(), 'backstory-ids-'));
    try {
      mkdirSync(join(other, 'content', 'people'), { recursive: true });
      mkdirSync(join(other, 'content', 'stories'), { recursive: true });
      writeFileSync(join(other, 'content/people/jeff-sessions.md'), '---\nname: Jeff Sessions\nsummary: S\n---\n');
      writeFileSync(
        join(other, 'content/stories/s.md'),
        '---\ntitle: T\npublished: 2017-06-07\nsummary: S\npeople:\n  - jeff-sessions\n  - jeff-sesions\n---\nBody.\n',
      );
      const { content, issues } = loadContent(join(other, 'content'), other);
      expect(issues).toEqual([]);
      expect(() => assembleSite(content, { base: '/' })).toThrow(
        'Content error: content/stories/s.md:7:5: `people[1]`: no person has the id "jeff-sesions" (did you mean `jeff-sessions`?)',
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
