/**
 * `npm run check`: validates all content without building pages, with the
 * same messages as the build. Exits 1 when there are errors.
 *
 *   npm run check                 # content/
 *   npm run check -- path/to/dir  # another content folder
 *   npm run check -- --drafts     # include drafts, as `npm run dev` does
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, formatCheckTimes } from '../src/lib/check.ts';
import { formatIssue } from '../src/lib/errors.ts';
import { cacheDirFor, settingProblems } from '../src/site-config.ts';

if (settingProblems.length > 0) {
  for (const problem of settingProblems) console.error(`error   ${problem}`);
  process.exit(1);
}

const started = performance.now();
const { values, positionals } = parseArgs({ allowPositionals: true, options: { drafts: { type: 'boolean', default: false } } });
const dir = resolve(positionals[0] ?? process.env.BACKSTORY_CONTENT_DIR ?? 'content');
// Bodies the last build or check read are not read again (the build's cache folder).
// Images from the root are looked for in the project's public/ (this command runs from the project).
const result = checkContent(dir, { base: '/', drafts: values.drafts, cacheDir: cacheDirFor(dir), publicDir: resolve('public') });

for (const error of result.errors) console.error(`error   ${formatIssue(error)}`);
if (result.deferred) console.error(`note    ${result.deferred}`);
for (const warning of result.warnings) console.warn(`warning ${formatIssue(warning)}`);

const { stories, people, events } = result.content;
const ms = Math.round(performance.now() - started);
console.log(
  `${stories.length} stories, ${people.length} people, ${events.length} events checked in ${ms} ms (${formatCheckTimes(result.times)}): ` +
    `${result.errors.length} error${result.errors.length === 1 ? '' : 's'}, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}`,
);
process.exitCode = result.errors.length > 0 ? 1 : 0;
