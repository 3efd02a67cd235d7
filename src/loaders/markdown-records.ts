/**
 * A content loader for one folder of records (`content/stories/*.md`, …):
 * frontmatter validated by the collection's schema, the body kept as text.
 *
 * Astro's `glob()` loader would also render each body with Astro's Markdown
 * pipeline: on every entry at sync, or (with `deferRender`) by bundling every
 * file as a module, which took most of a large build. The site renders each
 * body itself, once, together with reading its mentions (see
 * `src/lib/extract.ts`), so this loader only reads.
 *
 * The store keeps the frontmatter and a digest of the file, not the body:
 * Astro bundles the whole store into the build, and at 4,000 stories the
 * bodies made it 29 MB to parse. The site reads each body from its file
 * (see `src/data/site.ts`).
 */
import type { Loader } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { FOLDERS, loadRecord, shownPath, splitFrontmatter } from '../lib/load.ts';
import { formatIssue, type ContentIssue } from '../lib/errors.ts';
import { siteHandedOver } from '../integrations/checked-site.ts';
import { fileProblems, forgetProblemsIn, readingFile } from './loader-problems.ts';

/** How many files the loader reads at once: enough to keep the disk busy, far below any open-file limit. */
const OPEN_AT_ONCE = 64;

/** How long the dev server lets a changed file settle before reading it, in milliseconds. */
const SETTLE_MS = 50;

/** The loader of one record folder of the content root: `markdownRecords(contentDir, 'stories')`. */
export function markdownRecords(contentDir: string, kind: keyof typeof FOLDERS): Loader {
  const folder = join(contentDir, kind);
  return {
    name: 'backstory-markdown',
    load: async ({ store, parseData, generateDigest, watcher, logger, config }) => {
      // A build whose pages take the records the content check loaded reads no collection: the
      // store is not filled (2.1 s of a cold 4,000-story build), and what an earlier build left in
      // it is dropped, or Astro would bundle it into every build. (The dev server keeps its own store.)
      if (!watcher && siteHandedOver()) {
        store.clear();
        return;
      }
      const root = fileURLToPath(config.root);
      const idOf = (path: string) => relative(folder, path).replace(/\.md$/, '');
      /** The file as messages name it, as the content check does: relative to the project when inside it. */
      const shown = (path: string) => shownPath(path, root);

      const sync = async (path: string) => {
        const source = await readFile(path, 'utf8');
        const id = idOf(path);
        const digest = generateDigest(source);
        const stored = store.get(id);
        if (stored?.digest === digest) {
          // Back to the bytes last stored (an edit undone): those were read without a problem.
          fileProblems(path, []);
          if (stored.body === undefined) return;
          // Stored with its body by an earlier version of this loader: the store keeps an entry whose digest is unchanged, so it goes first.
          store.delete(id);
        }
        // The content check's own reading first, for its messages (file, line, field, what to
        // fix) and its rules beyond the schema; Astro's would name neither line nor fix.
        const issues: ContentIssue[] = [];
        loadRecord(kind, id, shown(path), source, issues);
        fileProblems(path, issues);
        if (issues.length > 0) {
          for (const issue of issues) logger.error(formatIssue(issue));
          return; // an entry stored before stays, but the pages show the problems instead
        }
        const split = splitFrontmatter(source);
        const filePath = relative(root, path).split('\\').join('/');
        const data = await parseData({ id, data: (split && parseYaml(split.yaml)) ?? {}, filePath });
        store.set({ id, data, filePath, digest });
      };

      forgetProblemsIn(folder);
      const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.md'));
      const present = new Set(names.map((name) => name.slice(0, -3)));
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      // A few files at a time: all at once, a folder of 20,000 events ran out of file handles (EMFILE).
      for (let i = 0; i < names.length; i += OPEN_AT_ONCE) {
        await Promise.all(names.slice(i, i + OPEN_AT_ONCE).map((name) => sync(join(folder, name))));
      }

      if (!watcher) return;
      // The dev server: keep the store in step with the folder.
      const inFolder = (path: string) => path.startsWith(folder) && path.endsWith('.md') && !relative(folder, path).includes('/');
      // A save can reach the watcher as two writes (the file emptied, then written), and the
      // second event may be merged into the first. So a file is read a moment after its event,
      // and its readings run one after another: an older reading never lands after a newer one.
      const latest = new Map<string, Promise<void>>();
      const reload = (path: string) => {
        if (!inFolder(path)) return;
        const reading = (latest.get(path) ?? Promise.resolve())
          .then(() => new Promise((settled) => setTimeout(settled, SETTLE_MS)))
          .then(() => sync(path))
          .catch((error: Error) => logger.error(`${shown(path)}: ${error.message}`));
        latest.set(path, reading);
        void reading.then(() => latest.get(path) === reading && latest.delete(path));
        readingFile(reading);
      };
      watcher.add(folder);
      watcher.on('change', reload);
      watcher.on('add', reload);
      watcher.on('unlink', (path) => {
        if (!inFolder(path)) return;
        store.delete(idOf(path));
        fileProblems(path, []);
      });
    },
  };
}
