/**
 * Each kind of bad input fails the build with a message that names the file,
 * the line and what to fix. A small fixture site is copied and broken on
 * purpose, one case at a time.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, copyContent, projectRoot, scratchDir } from './build-site.ts';

const fixture = join(projectRoot, 'tests/fixtures/minimal');

interface Case {
  name: string;
  /** File to change, relative to the content folder, and how. */
  file: string;
  edit: (source: string) => string;
  /** What the build output must say, with the file's line where it has one. */
  expected: RegExp;
  /** Extra environment: `BACKSTORY_PRECHECK=0` proves Astro's own path fails too. */
  env?: Record<string, string>;
}

const replace = (from: string, to: string) => (source: string) => {
  if (!source.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return source.replace(from, to);
};

const cases: Case[] = [
  {
    name: 'unknown [[target]]',
    file: 'stories/budget-vote.md',
    edit: replace('[[Ana Lima]]', '[[Ana Lina]]'),
    expected: /stories\/budget-vote\.md:10:7: no person or event is called "Ana Lina" \(did you mean `ana-lima`\?\)/,
  },
  {
    name: 'ambiguous [[target]]',
    file: 'events/budget-vote.md',
    edit: replace('title: Council approves the harbour budget', 'title: Zoë Brandt'),
    expected: /stories\/budget-vote\.md:10:50: "Zoë Brandt" is ambiguous: it names people\/zoe-brandt and events\/budget-vote \(write the id instead/,
  },
  {
    name: 'an image that is not in public/',
    file: 'stories/budget-vote.md',
    edit: replace('The council then', '![A tug in the harbour](/images/tug.png)\n\nThe council then'),
    expected: /stories\/budget-vote\.md:14:1: the image "\/images\/tug\.png" is not in public\/ \(add the file public\/images\/tug\.png, or correct the path\)/,
  },
  {
    name: 'a link to a story that does not exist',
    file: 'stories/budget-vote.md',
    edit: replace('The council then', 'See [the vote](/stories/budget-vot/).\n\nThe council then'),
    expected: /stories\/budget-vote\.md:14:5: the link "\/stories\/budget-vot\/" leads to no page: no published story has the id "budget-vot" \(did you mean `\/stories\/budget-vote\/`\?\)/,
  },
  {
    name: 'unknown id in a story’s people',
    file: 'stories/budget-vote.md',
    edit: replace('  - ana-lima', '  - ana-lama'),
    expected: /stories\/budget-vote\.md:6:5: `people\[0\]`: no person has the id "ana-lama" \(did you mean `ana-lima`\?\)/,
  },
  {
    name: 'unknown id in an event’s people',
    file: 'events/budget-vote.md',
    edit: replace('  - zoe-brandt', '  - zoe-brand'),
    expected: /events\/budget-vote\.md:6:5: `people\[1\]`: no person has the id "zoe-brand" \(did you mean `zoe-brandt`\?\)/,
  },
  {
    name: 'the same alias on two people',
    file: 'people/ana-lima.md',
    edit: replace('  - Mayor Lima', '  - Brandt'),
    expected: /people\/ana-lima\.md:4:5: `aliases\[0\]`: "Brandt" already names `zoe-brandt`/,
  },
  {
    name: 'impossible date',
    file: 'events/budget-vote.md',
    edit: replace('date: 2024-03-12', 'date: 2023-02-30'),
    expected: /events\/budget-vote\.md:3:7: `date`: "2023-02-30" is not a real date: February 2023 has 28 days/,
  },
  {
    name: 'missing required field',
    file: 'stories/budget-vote.md',
    edit: replace('title: Council passes the harbour budget\n', ''),
    expected: /stories\/budget-vote\.md:2:1: `title`: the required field `title` is missing/,
  },
  {
    name: 'unknown field',
    file: 'stories/budget-vote.md',
    edit: replace('published: 2024-03-14', 'publshed: 2024-03-14'),
    expected: /stories\/budget-vote\.md:3:1: unknown field `publshed` \(did you mean `published`, a required field\?\)/,
  },
  {
    name: 'malformed YAML',
    file: 'people/ana-lima.md',
    edit: replace('summary: Mayor of the harbour city since 2021.', 'summary: "Mayor of the harbour city'),
    expected: /people\/ana-lima\.md:5:10: the frontmatter is not valid YAML: the double quote that opens the value of `summary` is never closed \(end the value with " on the same line/,
  },
  {
    name: 'unknown [[target]] when Astro renders the Markdown (plugin error made fatal)',
    file: 'stories/budget-vote.md',
    edit: replace('[[Ana Lima]]', '[[Ana Lina]]'),
    env: { BACKSTORY_PRECHECK: '0' },
    expected: /stories\/budget-vote\.md:10:7: no person or event is called "Ana Lina"/,
  },
  {
    name: 'broken reference when Astro loads the collections (made fatal)',
    file: 'stories/budget-vote.md',
    edit: replace('  - budget-vote', '  - budget-veto'),
    env: { BACKSTORY_PRECHECK: '0' },
    // At its line, as the content check reports it.
    expected: /stories\/budget-vote\.md:8:5: `events\[0\]`: no event has the id "budget-veto" \(did you mean `budget-vote`\?\)/,
  },
];

describe('bad input fails the build', () => {
  it('builds the unbroken fixture, with "Edit this page" links when a repository is configured', () => {
    const out = scratchDir('ok');
    try {
      const result = buildSite({ contentDir: fixture, outDir: join(out, 'dist'), env: { BACKSTORY_EDIT_URL: 'https://example.com/newsroom/edit/main/' } });
      expect(result.status, result.output).toBe(0);
      const page = readFileSync(join(out, 'dist/stories/budget-vote/index.html'), 'utf8');
      expect(page).toContain('<a href="https://example.com/newsroom/edit/main/tests/fixtures/minimal/stories/budget-vote.md" rel="noopener noreferrer">Edit this page</a>');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses the settings it cannot take, saying what to set, before anything is built', () => {
    const out = scratchDir('setting');
    try {
      const result = buildSite({ contentDir: fixture, outDir: join(out, 'dist'), env: { BACKSTORY_DATE_STYLE: 'dmy', SITE_URL: 'news.example.org' } });
      expect(result.status, result.output).not.toBe(0);
      expect(result.output).toContain('BACKSTORY_DATE_STYLE is “dmy”: set it to month-first (“March 3, 2019”) or day-first (“3 March 2019”), or leave it unset');
      expect(result.output).toContain('SITE_URL is “news.example.org”, with no http:// or https://: set it to the whole address, SITE_URL=https://news.example.org');
      expect(result.output).not.toMatch(/unhandled error|Stack trace|\n\s+at /i);
      expect(existsSync(join(out, 'dist'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each(cases)('$name', ({ file, edit, expected, env }) => {
    const content = copyContent(fixture);
    const out = scratchDir('bad');
    try {
      const path = join(content.dir, file);
      writeFileSync(path, edit(readFileSync(path, 'utf8')));
      const result = buildSite({ contentDir: content.dir, outDir: join(out, 'dist'), env });
      expect(result.status, result.output).not.toBe(0);
      expect(result.output).toMatch(expected);
      // An editor's mistake is no crash: no stack trace around the message (the content
      // check's way; the guards inside Astro, without it, fail as Astro fails).
      if (!env) expect(result.output).not.toMatch(/unhandled error|Stack trace/i);
    } finally {
      content.cleanup();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
