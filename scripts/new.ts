/**
 * `npm run new -- story "Headline"`, `npm run new -- person "Name"`,
 * `npm run new -- event "Title" --date 2017-06-08`: writes a new content file
 * with every required field. Never overwrites: a story's or event's taken id
 * gets `-2`, `-3`; a person whose file exists is refused (a name names one person).
 * `--id` chooses the id (the file name and URL) instead of making one from
 * the title; a title with no Latin, Cyrillic or Greek letters needs it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FOLDER, personName, template, uniqueId, type Kind } from '../src/lib/scaffold.ts';
import { idFor } from '../src/lib/ids.ts';
import { isValidId } from '../src/lib/ids.ts';

const usage = 'usage: npm run new -- story|person|event "Title" [--date YYYY-MM-DD] [--id the-id]';
const { values, positionals } = parseArgs({ allowPositionals: true, options: { date: { type: 'string' }, dir: { type: 'string' }, id: { type: 'string' } } });
const [kind, ...words] = positionals;
const title = words.join(' ').trim();
if (!kind || !(kind in FOLDER) || !title) {
  console.error(usage);
  process.exit(2);
}
if (values.id !== undefined && !isValidId(values.id)) {
  console.error(`--id "${values.id}" is not an id: use lowercase letters a-z, digits and single hyphens, like --id li-wei`);
  process.exit(2);
}
// A person's id is made from their name without a title before it ("Dr.") or a nickname in quotes.
const named = kind === 'person' ? personName(title).idName : title;
const fromTitle = idFor(named);
if (values.id === undefined && fromTitle === '') {
  console.error(`"${title}" has no letters an id can be made of (an id is the file name and the page's URL): choose one with --id, like --id li-wei`);
  process.exit(2);
}

const root = resolve(values.dir ?? process.env.BACKSTORY_CONTENT_DIR ?? 'content');
const folder = join(root, FOLDER[kind as Kind]);
mkdirSync(folder, { recursive: true });
// Two people may not share a name: a second file for the same name would only stop the build.
const existing = join(folder, `${fromTitle}.md`);
if (kind === 'person' && values.id === undefined && existsSync(existing)) {
  console.error(`${relative(process.cwd(), existing)} exists already: edit that file, or, for someone else of a similar name, choose an --id (two people may not share a name)`);
  process.exit(1);
}
const id = values.id ?? uniqueId(named, (candidate) => existsSync(join(folder, `${candidate}.md`)));
const path = join(folder, `${id}.md`);
if (values.id !== undefined && existsSync(path)) {
  console.error(`${relative(process.cwd(), path)} exists already: choose another --id`);
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
try {
  // `wx`: fail rather than overwrite, even if the file appeared meanwhile.
  writeFileSync(path, template(kind as Kind, title, { ...(values.date ? { date: values.date } : {}), today }), { flag: 'wx' });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const dated = kind === 'person' ? '' : values.date ? '' : ` It is dated today (${today}): change \`${kind === 'story' ? 'published' : 'date'}\` if that is not the day.`;
console.log(`Created ${relative(process.cwd(), path)} (id: ${id}). It is a draft until you remove "draft: true".${dated}`);
