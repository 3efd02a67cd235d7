/**
 * The content check: every warning class has a fixture and an asserted
 * message, scaffolded files pass, and drafts stay out unless asked for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContent, formatCheckTimes } from '../../src/lib/check.ts';
import { formatIssue } from '../../src/lib/errors.ts';
import { personName, template, uniqueId } from '../../src/lib/scaffold.ts';
import { idFor } from '../../src/lib/ids.ts';
import { recordPages } from '../../src/integrations/record-pages.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/minimal');
const dirs: string[] = [];
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-check-'));
  cpSync(fixture, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const edit = (dir: string, file: string, change: (s: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
const messages = (dir: string, drafts = false) => {
  const result = checkContent(dir, { base: '/', drafts, projectRoot: dir });
  return { errors: result.errors.map(formatIssue), warnings: result.warnings.map(formatIssue) };
};

describe('warnings', () => {
  it('the fixture is clean', () => {
    expect(messages(copy())).toEqual({ errors: [], warnings: [] });
  });

  it.each<[string, (dir: string) => void, string]>([
    [
      'a person nothing mentions',
      (dir) => writeFileSync(join(dir, 'people/lone-wolf.md'), '---\nname: Lone Wolf\nsummary: Nobody links here.\n---\nBio.\n'),
      'people/lone-wolf.md: nothing mentions Lone Wolf (link them from a story or event, or remove the file)',
    ],
    [
      'an event nothing mentions',
      (dir) => writeFileSync(join(dir, 'events/quiet-day.md'), '---\ntitle: A quiet day\ndate: 2024-03\nsummary: Nothing happened.\nsources:\n  - title: Diary\n---\nQuiet.\n'),
      'events/quiet-day.md: nothing mentions the event "A quiet day" (link it from a story, or list it in a story’s `events`)',
    ],
    [
      'an event without sources',
      (dir) => edit(dir, 'events/budget-vote.md', (s) => s.replace(/sources:\n  - title: Council minutes, 12 March 2024\n/, '')),
      'events/budget-vote.md:2:8: `sources`: the event has no sources (add `sources:` with where the facts were checked)',
    ],
    [
      'a past-tense date after publication',
      (dir) => edit(dir, 'stories/budget-vote.md', (s) => s.replace('opened the debate on Tuesday.', 'opened the debate, which began in April of this year.')),
      'stories/budget-vote.md:10:51: "in April of this year" resolves to 2024-04: past tense, but April 2024 is after publication on March 14, 2024',
    ],
    [
      'a day that disagrees with the linked event',
      (dir) => edit(dir, 'stories/budget-vote.md', (s) => s.replace('[[budget-vote|approved the budget]]', '[[budget-vote|approved the budget on Wednesday]]')),
      'the linked event “Council approves the harbour budget” is dated March 12, 2024',
    ],
    [
      'a name not linked because the person opted out of autolinking',
      (dir) => {
        edit(dir, 'people/zoe-brandt.md', (s) => s.replace('summary:', 'autolink: false\nsummary:'));
        edit(dir, 'stories/budget-vote.md', (s) => s.replace('[[Zoë Brandt|Brandt]] spoke', 'Brandt spoke'));
      },
      'stories/budget-vote.md:10:50: "Brandt" names zoe-brandt but is not linked, because autolinking is off (write [[zoe-brandt|Brandt]] to link it)',
    ],
    [
      'a name not linked because the story opted out of autolinking',
      (dir) => edit(dir, 'stories/budget-vote.md', (s) => s.replace('published:', 'autolink: false\npublished:').replace('Mayor [[Ana Lima]]', 'Mayor Lima')),
      '"Mayor Lima" names ana-lima but is not linked, because autolinking is off',
    ],
    [
      'a summary longer than a line or two',
      (dir) => edit(dir, 'stories/budget-vote.md', (s) => s.replace(/summary: .*/, `summary: ${'Very long. '.repeat(30)}`)),
      'stories/budget-vote.md:4:10: `summary`: the summary runs to 329 characters; lists and previews need a line or two (shorten it to under 280 characters)',
    ],
    [
      'a story dated in the future',
      (dir) => edit(dir, 'stories/budget-vote.md', (s) => s.replace(/published: .*/, 'published: 2999-05-21')),
      'stories/budget-vote.md:3:12: `published`: the story is scheduled for 2999-05-21: it is left out of the site until a build on or after then (build again then to publish it; `npm run dev` shows it now; if the date is a slip, correct the year)',
    ],
    [
      'a relative date in a story’s summary, with the date to write',
      (dir) => edit(dir, 'stories/budget-vote.md', (s) => s.replace(/summary: .*/, 'summary: The council passed the budget yesterday.')),
      'the summary says "yesterday", which lists and previews show as written, years later too (write the date itself: yesterday → ',
    ],
    [
      'a relative date in a person’s summary',
      (dir) => edit(dir, 'people/zoe-brandt.md', (s) => s.replace(/summary: .*/, 'summary: Mayor since last year.')),
      'people/zoe-brandt.md:5:10: `summary`: the summary says "last year", which lists and previews show as written, years later too (write the date itself, the year at least: a person has no day to count from)',
    ],
  ])('%s', (_name, change, expected) => {
    const dir = copy();
    change(dir);
    const { errors, warnings } = messages(dir);
    expect(errors).toEqual([]);
    expect(warnings.some((w) => w.includes(expected)), warnings.join('\n')).toBe(true);
  });
});

describe('a link in a body to a story left out of the build', () => {
  it('says the story is scheduled, rather than that its id is wrong', () => {
    const dir = copy();
    edit(dir, 'stories/budget-vote.md', (s) => s.replace(/published: .*/, 'published: 2999-05-21'));
    writeFileSync(
      join(dir, 'stories/budget-explained.md'),
      '---\ntitle: The budget explained\npublished: 2024-03-20\nsummary: What the vote means.\n---\n\nRead [the vote](/stories/budget-vote/).\n',
    );
    expect(messages(dir).errors).toEqual([
      'stories/budget-explained.md:7:6: the link "/stories/budget-vote/" leads to a story scheduled for 2999-05-21, not yet published (remove the link until that story is out, or publish it now: change `published` in stories/budget-vote.md)',
    ]);
  });
});

describe('a name that is also a month', () => {
  it('is reported unlinked where it names the person, not where it is the month', () => {
    const dir = copy();
    edit(dir, 'people/zoe-brandt.md', (s) => s.replace('  - Brandt', '  - Brandt\n  - May').replace('summary:', 'autolink: false\nsummary:'));
    edit(dir, 'stories/budget-vote.md', (s) => s.replace('[[Zoë Brandt|Brandt]] spoke', 'As in May 2023 and perhaps in May, from May 3, the opposition spoke; May spoke'));
    const unlinked = messages(dir).warnings.filter((w) => w.includes('"May" names'));
    expect(unlinked).toEqual(['stories/budget-vote.md:10:119: "May" names zoe-brandt but is not linked, because autolinking is off (write [[zoe-brandt|May]] to link it)']);
  });
});

describe('new files from the scaffolder', () => {
  it.each<['story' | 'person' | 'event', string, string | undefined, string]>([
    ['story', 'Zoë’s budget: the vote', undefined, 'stories/zoes-budget-the-vote.md'],
    ['person', 'Łukasz Nowak', undefined, 'people/lukasz-nowak.md'],
    ['event', 'Budget vote', '2024-03', 'events/budget-vote-2.md'],
  ])('a new %s passes the check as a draft, and with drafts shown', (kind, title, date, expectedFile) => {
    const dir = copy();
    const folder = { story: 'stories', person: 'people', event: 'events' }[kind];
    const id = uniqueId(title, (candidate) => existsSync(join(dir, folder, `${candidate}.md`)));
    const file = `${folder}/${id}.md`;
    expect(file).toBe(expectedFile);
    writeFileSync(join(dir, file), template(kind, title, { today: '2024-03-20', ...(date ? { date } : {}) }), { flag: 'wx' });
    expect(messages(dir).errors).toEqual([]);
    const withDrafts = checkContent(dir, { base: '/', drafts: true, projectRoot: dir });
    expect(withDrafts.errors.map(formatIssue)).toEqual([]);
    const all = [...withDrafts.content.stories, ...withDrafts.content.people, ...withDrafts.content.events];
    expect(all.find((r) => r.id === id)?.draft).toBe(true);
  });

  it('a new person typed with a title is named and filed without it, the titled form an alias', () => {
    expect(personName('Dr. Anneke van Gogh')).toEqual({ name: 'Anneke van Gogh', alias: 'Dr. Anneke van Gogh', idName: 'Anneke van Gogh' });
    expect(personName('Anneke van Gogh')).toEqual({ name: 'Anneke van Gogh', idName: 'Anneke van Gogh' });
    expect(personName('Cllr. Priya Nandakumar')).toEqual({ name: 'Priya Nandakumar', alias: 'Cllr. Priya Nandakumar', idName: 'Priya Nandakumar' });
    expect(personName('Ald Joe Brant')).toEqual({ name: 'Joe Brant', alias: 'Ald Joe Brant', idName: 'Joe Brant' });
    const file = template('person', 'Sen. Diane Hartley-Moss', { today: '2024-03-20' });
    expect(file).toContain('name: "Diane Hartley-Moss"');
    expect(file).toContain('aliases: ["Sen. Diane Hartley-Moss"]');
  });

  it('a new person’s nickname in quotes stays in the name but not in the id', () => {
    expect(personName('Francis “Buddy” DeLuca')).toEqual({ name: 'Francis “Buddy” DeLuca', idName: 'Francis DeLuca' });
    expect(personName('Det. Jimmy "The Hat" Doyle')).toEqual({ name: 'Jimmy "The Hat" Doyle', alias: 'Det. Jimmy "The Hat" Doyle', idName: 'Jimmy Doyle' });
    expect(personName("Patricia O'Brien").idName).toBe("Patricia O'Brien");
  });

  it('drafts are left out unless asked for', () => {
    const dir = copy();
    edit(dir, 'people/zoe-brandt.md', (s) => s.replace('summary:', 'draft: true\nsummary:'));
    edit(dir, 'stories/budget-vote.md', (s) => s.replace('[[Zoë Brandt|Brandt]]', 'Brandt'));
    edit(dir, 'events/budget-vote.md', (s) => s.replace('  - zoe-brandt\n', ''));
    const published = checkContent(dir, { base: '/', drafts: false, projectRoot: dir });
    expect(published.content.people.map((p) => p.id)).toEqual(['ana-lima']);
    expect(checkContent(dir, { base: '/', drafts: true, projectRoot: dir }).content.people).toHaveLength(2);
  });

  it('stories scheduled for later are left out until their time, said first; the dev server shows them', () => {
    const dir = copy();
    edit(dir, 'stories/budget-vote.md', (s) => s.replace(/published: .*/, 'published: 2024-03-20T09:00:00+01:00'));
    const before = checkContent(dir, { base: '/', drafts: false, projectRoot: dir, now: new Date('2024-03-20T07:59:00Z') });
    expect(before.content.stories).toEqual([]);
    expect(before.errors).toEqual([]);
    expect(formatIssue(before.warnings[0]!)).toMatch(/^stories\/budget-vote\.md:3:12: `published`: the story is scheduled for 2024-03-20T09:00:00\+01:00: it is left out of the site until a build on or after then/);
    const after = checkContent(dir, { base: '/', drafts: false, projectRoot: dir, now: new Date('2024-03-20T08:01:00Z') });
    expect(after.content.stories.map((story) => story.id)).toEqual(['budget-vote']);
    expect(after.warnings.map(formatIssue).filter((w) => w.includes('scheduled'))).toEqual([]);
    const dev = checkContent(dir, { base: '/', drafts: true, projectRoot: dir, now: new Date('2024-03-20T07:59:00Z') });
    expect(dev.content.stories).toHaveLength(1);
  });

  it('says links wait while a file does not load, and checks them when it does', () => {
    const dir = copy();
    edit(dir, 'events/budget-vote.md', (s) => s.replace(/date: .*/, 'date: 2024-02-30'));
    edit(dir, 'stories/budget-vote.md', (s) => s.replace('[[Ana Lima]]', '[[Ana Lina]]'));
    const broken = checkContent(dir, { base: '/', drafts: false, projectRoot: dir });
    expect(broken.errors.map(formatIssue)).toEqual([expect.stringContaining('"2024-02-30" is not a real date')]);
    expect(broken.deferred).toMatch(/links, names and dates .* are checked once every file above loads/);
    edit(dir, 'events/budget-vote.md', (s) => s.replace('date: 2024-02-30', 'date: 2024-03-12'));
    const fixed = checkContent(dir, { base: '/', drafts: false, projectRoot: dir });
    expect(fixed.errors.map(formatIssue)).toEqual([expect.stringContaining('no person or event is called "Ana Lina"')]);
    expect(fixed.deferred).toBeUndefined();
  });

  it('a published record that links a draft fails with the link and says it is a draft, in the body and in a list', () => {
    const dir = copy();
    edit(dir, 'people/zoe-brandt.md', (s) => s.replace('summary:', 'draft: true\nsummary:'));
    expect(messages(dir).errors).toEqual([
      'events/budget-vote.md:6:5: `people[1]`: the person "zoe-brandt" is a draft, left out of the site (publish the draft first, deleting `draft: true` in people/zoe-brandt.md, or unlink it)',
      'stories/budget-vote.md:10:50: "Zoë Brandt" is a draft, left out of the site (publish the draft first, deleting `draft: true` in people/zoe-brandt.md, or unlink it)',
    ]);
    // With drafts shown (the dev server), the same content is fine.
    expect(messages(dir, true).errors).toEqual([]);
  });

  it('a body\'s problems and the lists\' unknown ids are reported in one run, in file order', () => {
    const dir = copy();
    edit(dir, 'stories/budget-vote.md', (s) => s.replace('[[Ana Lima]]', '[[Ana Lina]]').replace('  - ana-lima', '  - ana-lama'));
    edit(dir, 'events/budget-vote.md', (s) => s.replace('  - zoe-brandt', '  - zoe-brand'));
    expect(messages(dir).errors).toEqual([
      'events/budget-vote.md:6:5: `people[1]`: no person has the id "zoe-brand" (did you mean `zoe-brandt`?)',
      'stories/budget-vote.md:6:5: `people[0]`: no person has the id "ana-lama" (did you mean `ana-lima`?)',
      'stories/budget-vote.md:10:7: no person or event is called "Ana Lina" (did you mean `ana-lima`?)',
    ]);
  });

  it.each<['story' | 'person' | 'event', string[]]>([
    [
      'story',
      [
        'stories/budget-hearings.md:7:10: `summary`: the summary is still the placeholder that `npm run new` wrote (say in one or two sentences what the story is about)',
        'stories/budget-hearings.md:14:1: the story has no text, only a comment (write the article in place of the comment)',
      ],
    ],
    ['person', ['people/budget-hearings.md:7:10: `summary`: the summary is still the placeholder that `npm run new` wrote (say in one line who they are)']],
    ['event', ['events/budget-hearings.md:10:10: `summary`: the summary is still the placeholder that `npm run new` wrote (say in one or two sentences what happened)']],
  ])('a new %s published as the scaffolder left it is refused, at the placeholders', (kind, expected) => {
    const dir = copy();
    const folder = { story: 'stories', person: 'people', event: 'events' }[kind];
    writeFileSync(join(dir, folder, 'budget-hearings.md'), template(kind, 'Budget hearings', { today: '2024-03-20' }).replace('draft: true\n', ''));
    expect(messages(dir).errors).toEqual(expected);
  });

  it('a story must have text; a person or event may have none, or only a comment', () => {
    const dir = copy();
    edit(dir, 'stories/budget-vote.md', (s) => s.slice(0, s.indexOf('---', 4) + 4));
    expect(messages(dir).errors).toEqual(['stories/budget-vote.md:10:1: the story has no text (write the article below the closing "---")']);
    edit(dir, 'stories/budget-vote.md', (s) => `${s}\n## Port reopens\n\nMore to follow\n---\n\n### Later\n<!-- notes -->\n`);
    expect(messages(dir).errors).toEqual(['stories/budget-vote.md:11:1: the story has only headings, no text (write the article under the headings)']);
    edit(dir, 'stories/budget-vote.md', (s) => s.replace('### Later', '### Later\n\nThe harbour reopened.'));
    expect(messages(dir).errors).toEqual([]);
    const fine = copy();
    edit(fine, 'people/zoe-brandt.md', (s) => s.slice(0, s.indexOf('---', 4) + 4));
    edit(fine, 'events/budget-vote.md', (s) => s.replace('The budget passed after a four-hour debate.', '<!-- To be written. -->'));
    expect(messages(fine).errors).toEqual([]);
    const result = checkContent(fine, { base: '/', drafts: false, projectRoot: fine });
    expect(recordPages(result.content).filter((page) => !page.body).map((page) => `${page.folder}/${page.id}`)).toEqual(['people/zoe-brandt', 'events/budget-vote']);
  });
});

describe('times', () => {
  it('says how long each step took, and a step not reached took nothing', () => {
    const dir = copy();
    const { times } = checkContent(dir, { base: '/', drafts: false, projectRoot: dir });
    expect(Object.keys(times)).toEqual(['loading', 'bodies', 'graph', 'lint']);
    for (const ms of Object.values(times)) expect(ms).toBeGreaterThan(0);
    edit(dir, 'events/budget-vote.md', (s) => s.replace(/date: .*/, 'date: 2024-02-30'));
    const broken = checkContent(dir, { base: '/', drafts: false, projectRoot: dir }).times;
    expect(broken.loading).toBeGreaterThan(0);
    expect([broken.bodies, broken.graph, broken.lint]).toEqual([0, 0, 0]);
  });

  // `npm run bench` reads the steps from this line of the build's log.
  it('are written for the log in whole milliseconds', () => {
    expect(formatCheckTimes({ loading: 2104.4, bodies: 11902.6, graph: 0.2, lint: 1180 })).toBe('loading 2104 ms, bodies 11903 ms, graph 0 ms, editorial checks 1180 ms');
  });
});

describe('ids for new files', () => {
  it.each<[string, string]>([
    ['Budget vote', 'budget-vote'],
    ['Zoë’s budget: the vote', 'zoes-budget-the-vote'],
    ["Patricia O'Brien", 'patricia-obrien'],
    ["Don't panic", 'dont-panic'],
    ['Łukasz Nowak', 'lukasz-nowak'],
    ['Ли Вэй', 'li-vey'],
    ['Сергей Кисляк', 'sergey-kislyak'],
    ['Йосип Щербина', 'yosip-shcherbina'],
    ['Αλέξανδρος Παπαδόπουλος', 'alexandros-papadopoulos'],
    ['李伟', ''],
  ])('%s → "%s"', (title, id) => {
    expect(idFor(title)).toBe(id);
  });
});
