/** A content error as the dev server shows it: the place of its first problem, and file names as messages give them. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ContentError } from '../../src/lib/errors.ts';
import { shownPath } from '../../src/lib/load.ts';

describe('ContentError.loc', () => {
  it('is the first problem with a line, relative to the project, as the dev server reads it', () => {
    const error = new ContentError([
      { file: 'content/stories/a.md', message: 'no line' },
      { file: 'content/stories/b.md', line: 4, column: 7, message: 'a line' },
    ]);
    expect(error.loc).toEqual({ file: 'content/stories/b.md', line: 4, column: 7 });
    expect(new ContentError([{ file: 'content/stories/a.md', message: 'no line' }]).loc).toBeUndefined();
  });

  it('stays the same when the dev server rewrites it, so an error shown twice names the same file', () => {
    const outside = join(process.cwd(), '..', 'elsewhere', 'stories', 'a.md');
    const error = new ContentError([{ file: outside, line: 2, message: 'x' }]);
    const first = error.loc!;
    expect(first.file).toBe(join('..', 'elsewhere', 'stories', 'a.md'));
    error.loc!.file = outside;
    (error as { loc: unknown }).loc = { file: 'rewritten', line: 1, column: 1 };
    expect(error.loc).toEqual(first);
  });
});

describe('shownPath', () => {
  it.each([
    ['a file in the project: relative to it', join(process.cwd(), 'content', 'stories', 'a.md'), 'content/stories/a.md'],
    ['a file outside: its whole path, not ../', join(process.cwd(), '..', 'elsewhere', 'a.md'), join(process.cwd(), '..', 'elsewhere', 'a.md')],
  ])('%s', (_name, path, shown) => {
    expect(shownPath(path)).toBe(shown);
  });
});
