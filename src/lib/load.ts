/**
 * Loads the content folder straight from disk, with positions: every problem
 * is reported with its file, line and field. The build runs this before Astro
 * touches the content, and `npm run check` runs it alone.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { isAbsolute, join, relative } from 'node:path';
import { LineCounter, parseDocument, isMap, type Node as YamlNode } from 'yaml';
import type { FrontmatterCache } from './frontmatter-cache.ts';
import type { z } from 'astro/zod';
import { eventSchema, personSchema, storySchema, type EventFrontmatter } from './schema.ts';
import type { ContentIssue } from './errors.ts';
import { didYouMean, positionAt } from './errors.ts';
import { WIKILINK } from './mentions.ts';
import { isValidId, toId, type EventId, type PersonId, type StoryId } from './ids.ts';
import { eventFields, type ContentSet, type EventRecord, type PersonRecord, type StoryRecord } from './records.ts';
import { nearest } from './nearest.ts';
import { toIso, type PartialDate } from './dates.ts';
import { rolesEndedAtDeath } from './roles.ts';
import { unfinishedIssues } from './unfinished.ts';

/** The three record folders under the content root. */
export const FOLDERS = { stories: 'story', people: 'person', events: 'event' } as const;

export interface LoadResult {
  content: ContentSet;
  issues: ContentIssue[];
}

interface SplitFile {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** The body, trimmed as Astro trims it. */
  body: string;
  /** 1-based line of the body's first character. */
  bodyLine: number;
}

const FENCE = /^(?:\uFEFF)?(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into frontmatter and body; `undefined` when it has no frontmatter. */
export function splitFrontmatter(source: string): SplitFile | undefined {
  const match = FENCE.exec(source);
  if (!match) return undefined;
  const before = source.slice(0, match.index + match[0].length);
  const opening = source.slice(0, match.index + match[0].indexOf('---')).split('\n').length;
  const rest = source.slice(before.length);
  const leading = rest.length - rest.trimStart().length;
  const bodyLine = before.split('\n').length + rest.slice(0, leading).split('\n').length - 1;
  return { yaml: match[1] ?? '', yamlLine: opening + 1, body: rest.trim(), bodyLine };
}

/** A line of dashes opening a file: the frontmatter's start, written right or not. */
const OPENING = /^(?:\uFEFF)?((?:[ \t]*\r?\n)*)(-{3,})[ \t]*(?:\r?\n|$)/;

/**
 * Why a file has no frontmatter, said from what it starts with: an editor who
 * opened it with `---` and never closed it (or opened it with `----`) sees
 * the dashes, and "no frontmatter" would send them looking elsewhere.
 */
function missingFrontmatter(source: string): Pick<ContentIssue, 'line' | 'message' | 'hint'> {
  const opening = OPENING.exec(source);
  if (!opening) return { message: 'the file has no frontmatter', hint: 'start it with a line "---", the fields (see content/README.md), and another "---"' };
  const line = opening[1]!.split('\n').length;
  if (opening[2]!.length > 3) return { line, message: `the frontmatter opens with "${opening[2]}"`, hint: 'make the line exactly three dashes, "---"' };
  return { line, message: `the frontmatter opened on line ${line} is never closed`, hint: 'add a line "---" after the last field, before the text' };
}

/** A person's and an event's file with one id: `[[id]]` could not say which is meant. */
export function sharedLinkId(id: string, file: string, other: string, folder: 'people' | 'events'): ContentIssue {
  return {
    file,
    message: `the id "${id}" is already used by ${other}: a person and an event cannot share an id, since [[${id}]] must name one of them`,
    hint: `rename one of the two files, say to ${id}-${folder === 'events' ? 'event' : 'person'}.md, and the links meant for it`,
  };
}

/** The line a file's body starts on (1 when it cannot be read). */
export function bodyLineOf(path: string): number {
  try {
    return splitFrontmatter(readFileSync(path, 'utf8'))?.bodyLine ?? 1;
  } catch {
    return 1;
  }
}

/** A file as messages name it: relative to the project when inside it (`content/stories/a.md`), else its whole path. */
export function shownPath(path: string, projectRoot = process.cwd()): string {
  const inside = relative(projectRoot, path);
  return (inside.startsWith('..') || isAbsolute(inside) ? path : inside).split('\\').join('/');
}

export function loadContent(root: string, projectRoot = process.cwd(), frontmatter?: FrontmatterCache): LoadResult {
  const issues: ContentIssue[] = [];
  const content: ContentSet = { stories: [], people: [], events: [] };

  // A mistyped content folder would otherwise publish an empty site without a word.
  if (!existsSync(root)) {
    const shown = relative(projectRoot, root);
    issues.push({
      file: shown.startsWith('..') || shown === '' ? root : shown,
      message: 'the content folder does not exist',
      hint: 'create it with stories/, people/ and events/ inside, or point BACKSTORY_CONTENT_DIR at the folder that has them',
    });
    return { content, issues };
  }

  // People and events share one set of ids: `[[grace-court]]` must name one of them.
  const linkable = new Map<string, string>();
  for (const folder of Object.keys(FOLDERS) as (keyof typeof FOLDERS)[]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    // Hidden files are an editor's or system's own (`.#story.md` while Emacs edits it, `.DS_Store`).
    const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'));
    const fileOf = (name: string) => shownPath(join(dir, name), projectRoot);
    const names = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name).sort();
    const files = names.filter((f) => f.endsWith('.md'));
    // Markdown in a folder, or under another extension, would be left out without a word.
    for (const entry of entries.filter((e) => e.isDirectory() && holdsMarkdown(join(dir, e.name)))) {
      issues.push({
        file: `${fileOf(entry.name)}/`,
        message: `the folder "${entry.name}" is not read: ${folder} are the .md files in ${folder}/ itself`,
        hint: `move its files into ${folder}/ (the file name is the id, so a year or section folder is not needed)`,
      });
    }
    for (const name of names.filter((f) => !f.endsWith('.md') && (/\.(md|markdown|mdown|mkdn?|mdx)$/i.test(f) || startsWithFrontmatter(join(dir, f))))) {
      const renamed = toId(name.replace(/\.[^.]+$/, ''));
      issues.push({
        file: fileOf(name),
        message: `"${name}" is not read: only files ending in .md are content`,
        hint: renamed ? `rename it to ${renamed}.md` : 'rename it to <id>.md',
      });
    }
    const seen = new Map<string, string>();
    for (const name of files) {
      const path = join(dir, name);
      const file = fileOf(name);
      const id = name.slice(0, -3);
      if (!isValidId(id)) {
        const renamed = toId(id);
        issues.push({
          file,
          message: `the file name "${name}" is not a valid id: ids are lowercase letters, digits and single hyphens`,
          hint: !renamed
            ? 'rename it with Latin letters or digits'
            : files.includes(`${renamed}.md`)
              ? `${renamed}.md already exists: merge the two files, or give this one another id`
              : `rename it to ${renamed}.md`,
        });
        continue;
      }
      const folded = id.toLowerCase();
      if (seen.has(folded)) {
        issues.push({ file, message: `the id "${id}" is already used by ${seen.get(folded)}` });
        continue;
      }
      seen.set(folded, file);
      if (folder !== 'stories') {
        const other = linkable.get(folded);
        if (other) {
          issues.push(sharedLinkId(id, file, other, folder));
          continue;
        }
        linkable.set(folded, file);
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        issues.push({
          file,
          message: code === 'ENOENT' ? 'the file is a link to a file that does not exist' : `the file cannot be read (${code ?? String(error)})`,
          hint: code === 'ENOENT' ? 'remove the link, or point it at a file that exists' : 'check that it is a file you can read',
        });
        continue;
      }
      const source = readText(bytes, file, issues);
      if (source === undefined) continue;
      const record = loadRecord(folder, id, file, source, issues, frontmatter);
      if (record?.kind === 'story') content.stories.push(record);
      else if (record?.kind === 'person') content.people.push(record);
      else if (record?.kind === 'event') content.events.push(record);
    }
  }
  return { content, issues };
}

/** Whether a folder holds a Markdown file, at any depth. */
function holdsMarkdown(dir: string): boolean {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((name) => /\.(md|markdown|mdx)$/i.test(name));
  } catch {
    return false;
  }
}

/** Whether a file starts like a record (`---`): content saved under another extension (`.txt`, none). */
function startsWithFrontmatter(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(8);
    const read = readSync(fd, head, 0, head.length, 0);
    return /^\uFEFF?---\r?\n/.test(head.subarray(0, read).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The file as text, or `undefined` (with an issue) when it is not UTF-8: read
 * leniently, a Latin-1 "Zoë" would become "Zo\uFFFD" on the page and no longer
 * match the person's name.
 */
function readText(bytes: Buffer, file: string, issues: ContentIssue[]): string | undefined {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const text = bytes.toString('utf8');
  const bad = Math.max(0, text.indexOf('\uFFFD'));
  issues.push({
    file,
    ...(utf16 ? { line: 1, column: 1 } : positionAt(text, bad)),
    message: utf16 ? 'the file is saved as UTF-16, not UTF-8' : 'the file is not valid UTF-8 text',
    hint: 'save it with the encoding "UTF-8"',
  });
  return undefined;
}

const SCHEMAS = { stories: storySchema, people: personSchema, events: eventSchema } as const;

/** Parses and validates one file; problems go to `issues`, and the record is returned only when valid. */
export function loadRecord(
  folder: keyof typeof FOLDERS,
  id: string,
  file: string,
  source: string,
  issues: ContentIssue[],
  frontmatter?: FrontmatterCache,
): StoryRecord | PersonRecord | EventRecord | undefined {
  const split = splitFrontmatter(source);
  if (!split) {
    issues.push({ file, line: 1, column: 1, ...missingFrontmatter(source) });
    return undefined;
  }
  // The parsed document, with positions: made at most once while the file loads, and only when
  // needed (unchanged frontmatter comes from the cache, and positions only matter for messages).
  let parsed: YamlSource | undefined;
  const yaml = () => (parsed ??= parseYaml(split.yaml, split.yamlLine));
  let data: unknown;
  const cached = frontmatter?.lookup(split.yaml);
  if (cached) {
    data = cached.data;
  } else {
    const { doc, at } = yaml();
    if (doc.errors.length > 0) {
      // The first error only: the parser reads on past it, and what follows is mostly its echo
      // (one tab gave seven errors, six of them at lines that were fine).
      const error = doc.errors[0]!;
      const indented = overIndentedField(split.yaml);
      if (indented) {
        issues.push({ file, line: split.yamlLine + indented.line, column: 1, message: `the frontmatter is not valid YAML: \`${indented.key}\` is indented as if it belonged to \`${indented.above}\`, which already has a value`, hint: `start \`${indented.key}:\` at the beginning of the line, as the other fields` });
        return undefined;
      }
      const offset = errorOffset(split.yaml, error);
      const quoted = quoteProblem(split.yaml, offset, error.code);
      issues.push({ file, ...at(offset), ...(quoted ?? { message: `the frontmatter is not valid YAML: ${firstLine(error.message)}`, hint: yamlHint(error.code, error.message) }) });
      return undefined;
    }
    try {
      data = doc.toJS() ?? {};
    } catch (error) {
      // The parser refuses to expand aliases without bound (a "billion laughs" file).
      issues.push({ file, line: split.yamlLine, column: 1, message: `the frontmatter is not valid YAML: ${firstLine(String((error as Error).message))}`, hint: 'write the values out instead of repeating &anchors and *aliases' });
      return undefined;
    }
    frontmatter?.remember(split.yaml, data);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    issues.push({ file, line: split.yamlLine, column: 1, message: 'the frontmatter must be a list of `field: value` lines' });
    return undefined;
  }

  const schema: z.ZodType = SCHEMAS[folder];
  const valid = schema.safeParse(data);
  if (!valid.success) {
    const { doc, at } = yaml();
    // Unknown fields one by one, each at its own line with its own suggestion.
    let each = valid.error.issues.flatMap((issue): ZodIssue[] => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue]));
    // A person's file among the stories or events (a `name`, no `title`): where it belongs is the one thing
    // to say, not each field it lacks there.
    const misplaced = each.filter((issue) => issue.code === 'unrecognized_keys' && issue.path.length === 0 && issue.keys[0] === 'name');
    if (misplaced.length > 0 && (data as Record<string, unknown>).title === undefined) each = misplaced;
    // A misspelt required field is one mistake, not two: `publshed` is reported as meaning `published`,
    // and the "`published` is missing" it causes is left out.
    const missing = each.filter((issue) => issue.code !== 'unrecognized_keys' && issue.path.length > 0 && valueAt(data, issue.path) === undefined);
    const meant = new Set<ZodIssue>();
    const misspelt = new Map<ZodIssue, string>();
    for (const issue of each) {
      if (issue.code !== 'unrecognized_keys') continue;
      const here = missing.filter((m) => !meant.has(m) && samePlace(m.path.slice(0, -1), issue.path));
      const field = meantField(issue.keys[0]!, here.map((m) => String(m.path.at(-1))));
      if (field === undefined) continue;
      meant.add(here.find((m) => String(m.path.at(-1)) === field)!);
      misspelt.set(issue, field);
    }
    const described = each
      .filter((issue) => !meant.has(issue))
      .map((issue) => describeIssue(issue, data as Record<string, unknown>, doc, at, file, split.yamlLine, SCHEMAS[folder], misspelt.get(issue)));
    // In the order of the file's lines, as an editor reads it top down.
    issues.push(...described.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
    return undefined;
  }
  // The record outlives this call (a build keeps it to the end), and its `locate` would keep the
  // parsed document with it: dropped here, and parsed again, not kept, for a message that needs a position.
  parsed = undefined;
  const locate = fieldLocator(split);
  const base = { id, file, body: split.body, bodyLine: split.bodyLine, locate };
  /** A problem with the value of a field that passed the schema, at that value. */
  const fieldIssue = (field: string, message: string, hint: string): ContentIssue => ({ file, ...(locate(field) ?? { line: split.yamlLine }), field, message, hint });
  const kind = FOLDERS[folder];
  const linked = fieldsWithLinks(valid.data);
  for (const field of linked) issues.push(fieldIssue(field, '`[[…]]` links work only in the body: here the brackets would show', 'write the words without brackets, and link them in the body'));
  if (linked.length > 0) return undefined;
  if (kind === 'person') {
    const roles = (valid.data as { roles: { from?: PartialDate; to?: PartialDate }[] }).roles;
    const backwards = roles.flatMap((role, i) => (role.from && role.to && endsBefore(role.from, role.to) ? [i] : []));
    for (const i of backwards) issues.push(fieldIssue(`roles[${i}].to`, 'the role ends before it begins', 'swap `from` and `to`, or correct one of them'));
    if (backwards.length > 0) return undefined;
    const { born, died } = valid.data as { born?: PartialDate; died?: PartialDate };
    if (born && died && endsBefore(born, died)) {
      issues.push(fieldIssue('died', 'the person dies before they are born', 'swap `born` and `died`, or correct one of them'));
      return undefined;
    }
    // A role that begins or ends after the death is a slip in one of the dates (an open role ends with them, see roles.ts).
    const afterDeath = died ? roles.flatMap((role, i) => [role.from && endsBefore(role.from, died) ? `roles[${i}].from` : undefined, role.to && endsBefore(role.to, died) ? `roles[${i}].to` : undefined].filter((f) => f !== undefined)) : [];
    for (const field of afterDeath) {
      issues.push(fieldIssue(field, `the role ${field.endsWith('from') ? 'begins' : 'ends'} after the person died, on ${toIso(died!)}`, field.endsWith('from') ? 'correct `from` or `died`' : `end it by then, \`to: ${toIso(died!)}\`, or leave \`to\` out: a role held at death ends with it; or correct \`died\``));
    }
    if (afterDeath.length > 0) return undefined;
  }
  const record =
    kind === 'story'
      ? ({ ...(valid.data as object), ...base, kind, id: id as StoryId } as StoryRecord)
      : kind === 'person'
        ? rolesEndedAtDeath({ ...(valid.data as object), ...base, kind, id: id as PersonId } as PersonRecord)
        : ({ ...eventFields(valid.data as EventFrontmatter), ...base, kind, id: id as EventId } as EventRecord);
  if (record.kind === 'event' && record.time && record.date.precision !== 'day') {
    issues.push(fieldIssue('time', 'a time of day needs a `date` with its day', 'write the day in `date` (YYYY-MM-DD), or remove `time`'));
    return undefined;
  }
  if (record.kind === 'story' && record.updated && endsBefore(record.published.day, record.updated.day)) {
    issues.push(fieldIssue('updated', 'the story is updated before it was published', 'correct `updated` or `published`'));
    return undefined;
  }
  if (record.kind === 'event' && record.end && endsBefore(record.date, record.end)) {
    issues.push(fieldIssue('end', 'the end date is before the start date', 'swap `date` and `end`, or correct one of them'));
    return undefined;
  }
  // A draft may be half-written; a record to publish may not.
  const unfinished = record.draft ? [] : unfinishedIssues(record);
  issues.push(...unfinished);
  return unfinished.length > 0 ? undefined : record;
}

/** The fields (`dek`, `keyPoints[1]`, `roles[0].title`) whose text holds a `[[…]]` link, which only a body can make. */
function fieldsWithLinks(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('[[') && value.match(WIKILINK) !== null ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => fieldsWithLinks(item, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => fieldsWithLinks(item, path ? `${path}.${key}` : key));
  return [];
}

/** A frontmatter's parsed YAML document, and the file position (line, column) of an offset in it. */
interface YamlSource {
  doc: ReturnType<typeof parseDocument>;
  at: (offset: number) => { line: number; column: number };
}

function parseYaml(text: string, yamlLine: number): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + yamlLine - 1, column: pos.col };
  };
  return { doc, at };
}

/**
 * Where a field's value is in the file (`people[1]`, `roles[0].from`): the
 * frontmatter is parsed again each time, for a message that needs it.
 */
export function fieldLocator(split: Pick<SplitFile, 'yaml' | 'yamlLine'>): (field: string) => { line: number; column: number } | undefined {
  return (field) => {
    const { doc, at } = parseYaml(split.yaml, split.yamlLine);
    const path = field.split(/[.[\]]+/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const node = doc.getIn(path, true) as YamlNode | undefined;
    return node?.range ? at(node.range[0]) : undefined;
  };
}

/** Whether `b` ends before `a` can begin, at their precisions ("2024-03" does not end before "2024-03-12"). */
function endsBefore(a: PartialDate, b: PartialDate): boolean {
  return (b.year - a.year || (b.month ?? 12) - (a.month ?? 1) || (b.day ?? 31) - (a.day ?? 1)) < 0;
}

type ZodIssue = z.core.$ZodIssue;

function describeIssue(
  issue: ZodIssue,
  data: Record<string, unknown>,
  doc: ReturnType<typeof parseDocument>,
  at: (offset: number) => { line: number; column: number },
  file: string,
  yamlLine: number,
  schema: unknown,
  /** For an unknown field: the missing required field it stands for (see `meantField`). */
  meant?: string,
): ContentIssue {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const field = path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  // Point at the value when there is one, otherwise at the mapping that lacks it.
  let node = doc.getIn(path, true) as YamlNode | undefined;
  for (let up = path.length - 1; !node?.range && up >= 0; up--) node = doc.getIn(path.slice(0, up), true) as YamlNode | undefined;
  const where = node?.range ? at(node.range[0]) : { line: yamlLine, column: 1 };

  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys.map((k) => `\`${k}\``).join(', ');
    const keyNode = isMap(node) ? node.items.find((item) => issue.keys.includes(String((item.key as { value?: unknown })?.value))) : undefined;
    const keyRange = (keyNode?.key as YamlNode | undefined)?.range;
    const allowed = keysAt(schema, path);
    const key = issue.keys[0]!;
    const synonym = SYNONYMS[key.toLowerCase()];
    // A person's file among the stories or events: `name` is the sign.
    const misplaced = path.length === 0 && key === 'name' && !allowed.includes('name') ? `\`name\` is a person's field: a person's file goes in the people/ folder of the content` : undefined;
    // One key per issue (see `loadRecord`).
    const suggestion = meant
      ? `did you mean \`${meant}\`, a required field?`
      : (misplaced ?? didYouMean(synonym && allowed.includes(synonym) ? [synonym] : nearest(key, allowed)));
    return {
      file,
      ...(keyRange ? at(keyRange[0]) : where),
      field: field || undefined,
      message: `unknown field ${unknown}`,
      // The list itself, not a pointer to the contract: a newsroom's content folder may live apart from it.
      hint: suggestion ?? `the fields allowed here are ${allowed.map((k) => `\`${k}\``).join(', ')}`,
    };
  }
  // Optional fields never complain when absent, so an absent value is a required field.
  const value = valueAt(data, path);
  if (value === undefined) {
    return { file, ...where, field, message: `the required field \`${field}\` is missing`, hint: `add a line \`${String(path.at(-1))}: …\`` };
  }
  // `- Update: the notice was lifted` is a map to YAML, not the text the editor meant.
  if (issue.code === 'invalid_type' && issue.expected === 'string' && isOneEntry(value)) {
    const [key, rest] = Object.entries(value)[0]!;
    return { file, ...where, field, message: issue.message, hint: `text with a colon and a space needs quotes: "${key}: ${typeof rest === 'string' ? rest : '…'}"` };
  }
  // `title: 1984`, `name: Null` and `title: #1 priority` are a number, nothing and a comment to YAML.
  if (issue.code === 'invalid_type' && issue.expected === 'string' && (value === null || typeof value === 'number' || typeof value === 'boolean')) {
    const scalar = node as { source?: string; comment?: string } | undefined;
    const key = String(path.at(-1));
    const written = scalar?.source || (value === null ? '' : String(value));
    const hint = written
      ? `YAML reads ${written} as ${value === null ? 'no value' : `a ${typeof value}`}: put it in quotes to make it text, ${key}: "${written}"`
      : scalar?.comment !== undefined
        ? `a "#" after a space starts a comment, so YAML read no value: put the whole value in quotes, ${key}: "#${scalar.comment}"`
        : `write the ${key} after the colon`;
    return { file, ...where, field, message: issue.message, hint };
  }
  // `tags: port, labour` is one text to YAML; the editor meant a list.
  if (issue.code === 'invalid_type' && issue.expected === 'array' && typeof value === 'string') {
    const items = value.split(',').map((item) => item.trim()).filter(Boolean);
    // A list of entries with fields of their own (`roles`, `sources`): brackets would only make a list of texts.
    const fields = keysAt(schema, [...path, 0]);
    if (fields.length > 0) return { file, ...where, field, message: `expected a list of entries, not the text "${value}"`, hint: entryHint(String(path.at(-1)), items[0] ?? value, fields) };
    return { file, ...where, field, message: `expected a list, not the text "${value}"`, hint: `write it in brackets, [${items.join(', ')}], or as lines starting with "- "` };
  }
  // `roles: [Mayor]`, `sources: [Council minutes]`: a text where an entry with fields belongs.
  if (issue.code === 'invalid_type' && issue.expected === 'object' && typeof value === 'string') {
    const fields = keysAt(schema, path);
    const list = typeof path.at(-1) === 'number' ? String(path.at(-2)) : String(path.at(-1));
    return { file, ...where, field, message: `expected an entry with fields (${fields.map((k) => `\`${k}\``).join(', ')}), not the text "${value}"`, hint: entryHint(list, value, fields) };
  }
  return { file, ...where, field, message: issue.message };
}

/** How to write an entry of a list such as `roles`: its first field on a line starting with "- ", the others under it. */
function entryHint(list: string, text: string, fields: readonly string[]): string {
  const [first, ...rest] = fields;
  const others = rest.length > 0 ? `, with ${rest.map((k) => `\`${k}:\``).join(' and ')} on lines under it if known` : '';
  return `write each entry of \`${list}\` on a line of its own, "- ${first}: ${text}"${others}`;
}

/** A map of one entry: what YAML makes of `Update: text` left unquoted. */
function isOneEntry(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && Object.keys(value).length === 1;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Words an editor may write for a field by another name: a role "since" 2019 is `from: 2019`. */
const SYNONYMS: Record<string, string> = {
  since: 'from', start: 'from', began: 'from', until: 'to', end: 'to', ended: 'to', link: 'url', href: 'url',
  // A story's fields by the names other systems give them.
  date: 'published', pubdate: 'published', published_at: 'published', author: 'byline', authors: 'byline', by: 'byline', writer: 'byline',
  tag: 'tags', topics: 'tags', topic: 'tags', keywords: 'tags', categories: 'tags', category: 'tags',
  headline: 'title', description: 'summary', dek: 'summary', excerpt: 'summary', subtitle: 'summary', standfirst: 'summary',
};

/**
 * The missing required field an unknown one stands for, if any: its other name
 * (`date` on a story is `published`) or the missing field closest to it
 * (`publshed`, `summmary`). Only missing fields are candidates, so a slip never
 * claims a field the file already has.
 */
function meantField(key: string, missing: readonly string[]): string | undefined {
  const synonym = SYNONYMS[key.toLowerCase()];
  if (synonym && missing.includes(synonym)) return synonym;
  return nearest(key, missing, 1)[0];
}

/** Whether two issue paths name the same place (`[]` and `[]`, `['roles', 0]` and `['roles', 0]`). */
function samePlace(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The fields a schema allows at a path (`[]`, `['roles', 0]`, `['source']`): for "did you mean". */
function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  // Through optional and default wrappers and list items, to the object at the path.
  const unwrap = (node: unknown): unknown => {
    for (let s = node as { shape?: object; element?: unknown; unwrap?: () => unknown }; ; ) {
      if (s.shape) return s;
      if (s.element) s = s.element as typeof s;
      else if (typeof s.unwrap === 'function') s = s.unwrap() as typeof s;
      else return s;
    }
  };
  let node = unwrap(schema) as { shape?: Record<string, unknown> };
  for (const key of path) {
    if (typeof key === 'number') continue;
    const next = node.shape?.[String(key)];
    if (next === undefined) return [];
    node = unwrap(next) as typeof node;
  }
  return node.shape ? Object.keys(node.shape) : [];
}

/**
 * Where to point for a YAML error. The parser reports an unclosed quote where
 * the file ends; the editor needs the line where the quote was opened.
 */
function errorOffset(yaml: string, error: { code: string; message: string; pos: [number, number] }): number {
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    const quote = error.message.includes("'quote") ? "'" : '"';
    const opened = yaml.lastIndexOf(quote, error.pos[0] - 1);
    if (opened >= 0) return opened;
  }
  // An unclosed [ or { is found where the next field begins; the editor needs the line that opened it.
  const bracket = /end with an? ([\]}])/.exec(error.message)?.[1];
  if (bracket) {
    const opened = yaml.lastIndexOf(bracket === ']' ? '[' : '{', error.pos[0] - 1);
    if (opened >= 0) return opened;
  }
  return error.pos[0];
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * A field indented under one that already has its value ("published:
 * 2024-03-14" then "   summary: …"), in frontmatter that does not parse: the
 * parser reads it as part of the value above and reports the line above,
 * with a hint about colons that does not fit. `line` counts from 0.
 */
function overIndentedField(yaml: string): { line: number; key: string; above: string } | undefined {
  const lines = yaml.split('\n');
  let previous: { indent: number; key?: string; hasValue: boolean } | undefined;
  for (const [i, text] of lines.entries()) {
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const indent = text.length - text.trimStart().length;
    const field = /^\s*([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(text);
    if (field && previous?.key && previous.hasValue && indent > previous.indent) return { line: i, key: field[1]!, above: previous.key };
    const value = field?.[2]?.trim();
    previous = { indent, ...(field ? { key: field[1]! } : {}), hasValue: value !== undefined && value !== '' && !/^[|>]/.test(value) };
  }
  return undefined;
}

/**
 * A value in quotes that the quotes break, said in an editor's words: the
 * parser's own ("Missing closing \"quote", "Unexpected scalar at node end")
 * name neither the field nor the fix. Two ways: a quote opened and never
 * closed, and the same quote inside the value, which ends it early
 * (`title: 'Sessions's recusal'`).
 */
function quoteProblem(yaml: string, offset: number, code: string): { message: string; hint: string } | undefined {
  const lineStart = yaml.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = yaml.indexOf('\n', offset);
  const line = yaml.slice(lineStart, lineEnd < 0 ? yaml.length : lineEnd).replace(/\r$/, '');
  const parts = /^(?<lead>\s*(?:-\s+)?(?:(?<key>[^\s:#'"-][^:#]*?):\s+)?)(?<quote>['"])(?<rest>.*?)\s*$/u.exec(line)?.groups;
  if (!parts) return undefined;
  const { lead, key, quote, rest } = parts as { lead: string; key?: string; quote: string; rest: string };
  const what = key ? `the value of \`${key}\`` : 'a value in a list';
  const kind = quote === '"' ? 'double' : 'single';
  // In single quotes, a quote written twice ('') is one quote, not the end; in double quotes, \" is.
  const closed = (quote === "'" ? rest.replace(/''/g, '') : rest.replace(/\\"/g, '')).includes(quote);
  if (code === 'MISSING_CHAR' && !closed) {
    return { message: `the frontmatter is not valid YAML: the ${kind} quote that opens ${what} is never closed`, hint: `end the value with ${quote} on the same line: ${lead.trim() ? `${lead.trim()} ` : ''}${quote}${rest}${quote}` };
  }
  const body = rest.endsWith(quote) ? rest.slice(0, -1) : rest;
  if (!closed || !body.includes(quote)) return undefined;
  // Written without quotes, the value is read as it stands, unless it has a ": " or " #", or starts like YAML syntax.
  const bare = !/:\s|\s#|^[\s'"&*!|>%@`[\]{},?-]/.test(body);
  const other = quote === '"' ? "'" : '"';
  const options = [
    bare ? `leave the quotes off: ${lead}${body}` : undefined,
    body.includes(other) ? undefined : `quote it with ${other} instead: ${lead}${other}${body}${other}`,
    quote === "'" ? `or write the ' inside twice: ${lead}'${body.replace(/'/g, "''")}'` : `or write the " inside as \\": ${lead}"${body.replace(/"/g, '\\"')}"`,
  ].filter((option): option is string => option !== undefined);
  return { message: `the frontmatter is not valid YAML: ${what} has a ${kind} quote inside the ${kind} quotes around it, which ends it early`, hint: options.map((option) => option.trim()).join('; ') };
}

function yamlHint(code: string, message: string): string | undefined {
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  if (code === 'DUPLICATE_KEY') return 'each field may appear once';
  if (code === 'MISSING_CHAR' && /quote/.test(message)) return 'close the quote on the same value';
  if (/without - indicator/.test(message)) return 'line up the fields of a list item: each under the first, two spaces in from its `-`';
  if (/end with an? \]/.test(message)) return 'close the list with ] on the line it opens: [first, second]';
  if (/end with an? }/.test(message)) return 'close the braces with } on the line they open';
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return 'a value with a colon needs quotes: title: "Sessions: the rift"';
  if (code === 'BAD_INDENT') return 'indent the lines of one field alike, with spaces';
  return 'values with : or # in them need quotes';
}
