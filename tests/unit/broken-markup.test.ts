/** Markup the reader would get broken: note markers and notes that do not meet, and [[links]] where no link can be. */
import { afterAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/lib/parse-markdown.ts';
import { brokenMarkup, missingImages } from '../../src/lib/broken-markup.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const problems = (md: string) => brokenMarkup(parseMarkdown(md), md).problems.map((p) => `${p.line}:${p.column} ${p.message}${p.hint ? ` (${p.hint})` : ''}`);

describe('brokenMarkup', () => {
  it.each<[string, string, string[]]>([
    ['a note and its marker', 'Lawful.[^ballot]\n\n[^ballot]: An earlier version said otherwise.\n', []],
    ['labels match whatever their case', 'Lawful.[^Ballot]\n\n[^ballot]: Note.\n', []],
    ['two markers for one note', 'A.[^n] B.[^n]\n\n[^n]: Note.\n', []],
    [
      'a mistyped marker',
      'Lawful.[^balot]\n\n[^ballot]: Note.\n',
      [
        '1:8 no note is called [^balot], so the marker would show as text and the note is missing (did you mean `[^ballot]`?)',
        '3:1 no marker points to the note [^ballot], so it is left out of the page (put [^ballot] right after the passage it corrects, or delete the note)',
      ],
    ],
    [
      'a marker with no notes at all',
      'First line.\nLawful.[^a]\n',
      ['2:8 no note is called [^a], so the marker would show as text and the note is missing (write the note on a line of its own after the paragraph: "[^a]: The correction."; to show the brackets as text, write \\[^a])'],
    ],
    ['an escaped marker is text', 'Write \\[^a] to cite.\n', []],
    ['a marker in code is code', 'Write `[^a]` to cite.\n\n```\n[^b]\n```\n', []],
    ['a note whose marker was deleted', 'Lawful.\n\n[^ballot]: Note.\n', ['3:1 no marker points to the note [^ballot], so it is left out of the page (put [^ballot] right after the passage it corrects, or delete the note)']],
    [
      'a [[link]] in a link’s text',
      'Both sides ([see [[marta-kowal]]](https://example.org/kowal)).\n',
      ['1:18 [[marta-kowal]] is inside a Markdown link’s text, where it cannot be a link and would show its brackets (take it out of the [text](address), or write the words without brackets)'],
    ],
    [
      'a [[link]] in a reference link’s text',
      '[x [[a]]][r]\n\n[r]: https://example.org\n',
      ['1:4 [[a]] is inside a Markdown link’s text, where it cannot be a link and would show its brackets (take it out of the [text](address), or write the words without brackets)'],
    ],
    [
      'a [[link]] in an image’s description',
      '![Photo of [[marta-kowal]]](x.jpg)\n',
      ['1:12 [[marta-kowal]] is inside an image’s description, where it cannot be a link and would show its brackets (write the words without brackets)'],
    ],
    ['escaped brackets in a link’s text are text', '[see \\[\\[x]]](https://example.org)\n', []],
    ['a [[link]] beside a link is fine', 'See [[marta-kowal]] and [her site](https://example.org).\n', []],
  ])('%s', (_name, md, expected) => {
    expect(problems(md)).toEqual(expected);
  });
});

describe('images', () => {
  const publicDir = mkdtempSync(join(tmpdir(), 'backstory-public-'));
  mkdirSync(join(publicDir, 'images'));
  writeFileSync(join(publicDir, 'images', 'tug boat.png'), '');
  afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

  const md = [
    '![Tug](/images/tug%20boat.png?v=2) ![Cranes](./images/cranes.jpg)',
    '',
    '![Gone](/images/gone.png) ![Wire](https://example.org/a.jpg) ![Dot](data:image/png;base64,AA==) ![Far](//cdn.example.org/x.png)',
  ].join('\n');

  it('lists the site’s own images as written, at their places', () => {
    expect(brokenMarkup(parseMarkdown(md), md).images).toEqual([
      { url: '/images/tug%20boat.png?v=2', line: 1, column: 1 },
      { url: './images/cranes.jpg', line: 1, column: 36 },
      { url: '/images/gone.png', line: 3, column: 1 },
    ]);
  });

  it('reports those the site will not have: a path from the page, a file not in public/', () => {
    const { images } = brokenMarkup(parseMarkdown(md), md);
    expect(missingImages(images, publicDir).map((m) => `${m.line}:${m.column} ${m.message} (${m.hint})`)).toEqual([
      '1:36 the image "./images/cranes.jpg" is a path from the page, which the site does not have (put the file in public/ and write it from the root: /images/cranes.jpg)',
      '3:1 the image "/images/gone.png" is not in public/ (add the file public/images/gone.png, or correct the path)',
    ]);
  });
});

describe('raw HTML', () => {
  const md = [
    'Watch the governor’s remarks:',
    '',
    '<iframe src="https://video.example.org/embed/1"></iframe>',
    '',
    'A post: <blockquote class="tweet">Text</blockquote><script async src="https://platform.example.org/widgets.js"></script>',
    '',
    '<img alt="Hall" src="/images/hall.png"> and <img src=\'https://example.org/x.png\'> and <img src=x onerror=alert(1)>',
  ].join('\n');
  const found = brokenMarkup(parseMarkdown(md), md);

  it('warns where an embed is left out of the page', () => {
    expect(found.problems).toEqual([]);
    expect(found.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      '3:1 the <iframe> here is left out of the page: the site shows no embedded players, posts or scripts',
      '5:52 the <script> here is left out of the page: the site shows no embedded players, posts or scripts',
    ]);
  });

  it('lists a raw <img> of the site’s own with the images, to be looked for in public/', () => {
    expect(found.images).toEqual([{ url: '/images/hall.png', line: 7, column: 1 }]);
  });
});

describe('images without a description', () => {
  const warned = (md: string) => brokenMarkup(parseMarkdown(md), md).warnings.map((w) => `${w.line}:${w.column} ${w.message}`);

  it('warns at an image with no alt text, in a body and by reference', () => {
    expect(warned('A tug.\n\n![](/images/tug.png)\n\n![ ][tug]\n\n[tug]: /images/tug.png')).toEqual([
      '3:1 the image has no description (alt text): a reader who cannot see it learns nothing of it',
      '5:1 the image has no description (alt text): a reader who cannot see it learns nothing of it',
    ]);
  });

  it('says nothing of an image described', () => {
    expect(warned('![A tug in the harbour](/images/tug.png)')).toEqual([]);
  });
});
