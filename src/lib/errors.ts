/**
 * Content errors: what went wrong, where (file, line, column, field) and how
 * to fix it. One format for the build, the content check and the tests.
 */
import { isAbsolute, relative } from 'node:path';

export interface ContentIssue {
  /** Path of the Markdown file, relative to the project root: `content/people/jeff-sessions.md`. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** The frontmatter field, as a path: `roles[1].from`. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it: "did you mean `jeff-sessions`?". */
  hint?: string;
}

/** Line and column (from 1) of an offset in a text: where a message points. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: offset - lineStart + 1 };
}

export function formatIssue(issue: ContentIssue): string {
  let where = issue.file;
  if (issue.line !== undefined) where += `:${issue.line}`;
  if (issue.line !== undefined && issue.column !== undefined) where += `:${issue.column}`;
  const field = issue.field ? ` \`${issue.field}\`:` : '';
  const hint = issue.hint ? ` (${issue.hint})` : '';
  return `${where}:${field} ${issue.message}${hint}`;
}

/** Thrown when content cannot be published; lists every problem found, not just the first. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];

  constructor(issues: readonly ContentIssue[]) {
    const lines = issues.map(formatIssue);
    super(
      issues.length === 1
        ? `Content error: ${lines[0]}`
        : `${issues.length} content errors:\n${lines.map((line) => `  - ${line}`).join('\n')}`,
    );
    this.name = 'ContentError';
    this.issues = issues;
    // The editor's problem, not the code's: a trace through the site's code would only bury it
    // (and the dev server would add a note of its own about rewriting it).
    this.stack = `${this.name}: ${this.message}`;
  }

  /**
   * Where the first problem with a line is: the dev server's error page shows that file around it.
   * Relative, as the dev server reads it against the project, even a path already absolute; and
   * made anew at each reading, as the dev server rewrites it in place and would join the project
   * to it again when the same error is shown twice.
   */
  get loc(): { file: string; line: number; column: number } | undefined {
    const first = this.issues.find((issue) => issue.line !== undefined);
    return first && { file: isAbsolute(first.file) ? relative(process.cwd(), first.file) : first.file, line: first.line!, column: first.column ?? 1 };
  }

  /** Kept as the issues say: a place written over it would be the one joined twice. */
  set loc(_rewritten: unknown) {}
}

/**
 * The folder `folder` of the content root `file` lies in, as messages name files:
 * `content/stories/a.md` → `content/people/`. The content root may be any folder
 * (`BACKSTORY_CONTENT_DIR`), so a hint names the one the editor actually uses.
 */
export function folderBeside(file: string, folder: 'stories' | 'people' | 'events'): string {
  const parts = file.split('/');
  return [...parts.slice(0, -2), folder].join('/') + '/';
}

/** "did you mean `a`, `b` or `c`?" — or nothing when there is no suggestion. */
export function didYouMean(candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const quoted = candidates.map((c) => `\`${c}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return `did you mean ${list}?`;
}
