/**
 * `npm run new -- story "Headline"`, `npm run new -- person "Name"`,
 * `npm run new -- event "Title" --date 2017-06-08`: writes a new content file
 * with every required field. Never overwrites: a taken id gets `-2`, `-3`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FOLDER, template, uniqueId, type Kind } from '../src/lib/scaffold.ts';

const usage = 'usage: npm run new -- story|person|event "Title" [--date YYYY-MM-DD]';
const { values, positionals } = parseArgs({ allowPositionals: true, options: { date: { type: 'string' }, dir: { type: 'string' } } });
const [kind, ...words] = positionals;
const title = words.join(' ').trim();
if (!kind || !(kind in FOLDER) || !title) {
  console.error(usage);
  process.exit(2);
}

const root = resolve(values.dir ?? process.env.BACKSTORY_CONTENT_DIR ?? 'content');
const folder = join(root, FOLDER[kind as Kind]);
mkdirSync(folder, { recursive: true });
const id = uniqueId(title, (candidate) => existsSync(join(folder, `${candidate}.md`)));
const path = join(folder, `${id}.md`);
const today = new Date().toISOString().slice(0, 10);
try {
  // `wx`: fail rather than overwrite, even if the file appeared meanwhile.
  writeFileSync(path, template(kind as Kind, title, { ...(values.date ? { date: values.date } : {}), today }), { flag: 'wx' });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
console.log(`Created ${relative(process.cwd(), path)} (id: ${id}). It is a draft until you remove "draft: true".`);
