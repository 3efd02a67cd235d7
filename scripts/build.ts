/**
 * `npm run build`: builds the site without ever leaving a broken one in place.
 *
 * Astro writes into a temporary folder beside the output (`dist.build-…`),
 * then Pagefind indexes it (here, once Astro's memory is free, rather than
 * inside Astro's build). Only when both succeed, and every story, person and
 * event page is complete with a body, is it swapped in: the old output is
 * renamed away (into the cache), the new one renamed into place. The next
 * build deletes the old one while Astro works (see {@link retire}). On any
 * failure the temporary folder is removed, the output is left exactly as it
 * was, and the script exits non-zero with Astro's own messages above.
 *
 *   node scripts/build.ts            # → dist/ (or BACKSTORY_OUT_DIR)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { cacheDirFor } from '../src/site-config.ts';
import { SEARCH_AFTER_BUILD, writeSearchIndex } from '../src/integrations/search-index.ts';
import { HEADERS_FILE, PAGE_DIGESTS_FILE, pageDigest, readPageDigests } from '../src/integrations/headers.ts';
import { readRecordPages, recordPages, type RecordPage } from '../src/integrations/record-pages.ts';
import { pageContentProblem } from '../src/integrations/page-content.ts';
import { inBatches } from '../src/integrations/in-batches.ts';

export const projectRoot = resolve(import.meta.dirname, '..');

/** Marks the temporary folders of this script: `<out>.build-<pid>-<random>` (or `.<out>.build-…`, see {@link tempPrefix}) and `<out>.old-<pid>-<random>`. */
const TEMP = /^(.+)\.(build|old)-(\d+)-[A-Za-z0-9]{6}$/;

/** What each problem {@link pageContentProblem} finds is called in the build's message. */
const PROBLEMS = {
  'cut short': () => 'cut short (the page does not end with </html>)',
  'main empty': () => 'the main content is empty',
  'body empty': (source: string) => `the body is empty, though ${source} has one`,
} as const;

/** Pages that passed {@link checkPages}, by digest: the next build reads only pages that changed. */
export interface CheckedPages {
  /** Digests of pages that passed before. */
  known?: ReadonlySet<string>;
  /** Filled with the digest of every page that passes now. */
  passed?: Set<string>;
  /** Each page's digest (see `pageDigest`) by file, from the security-policy scan of the same output: these pages need not be read to be digested. */
  digests?: ReadonlyMap<string, string>;
}

/**
 * What is wrong with the pages of a finished build, checked against the
 * record pages the content calls for (see `record-pages.ts`): every
 * published story, person and event has its page and its
 * social image, the page is a whole document, its `<main>` is not empty, and
 * a record with a body has that body rendered. Astro ships a page empty when rendering its
 * Markdown fails in certain ways; this is the last guard against that.
 *
 * Each page is read tag by tag (see `page-content.ts`). A page whose bytes
 * passed before (and whose record still has, or still has not, a body) passes
 * again without being read: most pages of a rebuild are copies from the last one.
 * With the digests of the security-policy scan, such a page is not even read.
 */
export async function checkPages(outDir: string, pages: readonly RecordPage[], checked: CheckedPages = {}): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, { folder, id, body }] of pages.entries()) {
    // Now and then a turn for the event loop: Pagefind, in its own process, is fed while pages are checked.
    if (i % 64 === 63) await new Promise((next) => setImmediate(next));
    const file = `${folder}/${id}/index.html`;
    const path = join(outDir, file);
    // Every record page names its social image (og:image); the images are placed after the pages.
    if (!existsSync(join(outDir, 'og', folder, `${id}.png`))) problems.push(`og/${folder}/${id}.png: missing (the social image of ${file})`);
    const scanned = checked.digests?.get(file);
    if (scanned === undefined && !existsSync(path)) {
      problems.push(`${file}: missing`);
      continue;
    }
    let bytes = scanned === undefined ? readFileSync(path) : undefined;
    const digest = `${scanned ?? pageDigest(bytes!)}:${body ? 'body' : 'empty'}`;
    if (checked.known?.has(digest)) {
      checked.passed?.add(digest);
      continue;
    }
    bytes ??= readFileSync(path);
    const problem = pageContentProblem(bytes.toString('utf8'), body);
    if (problem) {
      problems.push(`${file}: ${PROBLEMS[problem](`${folder}/${id}.md`)}`);
      continue;
    }
    checked.passed?.add(digest);
  }
  return problems;
}

/**
 * The record pages of the content folder, read from it: for a check without
 * the list the build's content check leaves (see `record-pages.ts`).
 */
export async function recordPagesOf(contentDir: string): Promise<RecordPage[]> {
  // Loaded here, not at the top: the content loader takes 0.3 s to import, and Astro starts sooner without the wait.
  const [{ loadContent }, { withoutDrafts }] = await Promise.all([import('../src/lib/load.ts'), import('../src/lib/drafts.ts')]);
  return recordPages(withoutDrafts(loadContent(contentDir, projectRoot).content));
}

/** The build cache of the content folder (Astro's cache folder), where this script keeps its own files too. */
function buildCache(contentDir: string): string {
  return resolve(projectRoot, cacheDirFor(contentDir));
}

/** The digests of checked pages, kept in the build cache of the content folder. */
function checkedPagesFile(contentDir: string): string {
  return join(buildCache(contentDir), 'checked-pages.json');
}

/** The page digests the security-policy scan left for this output, if it did. */
function scannedDigests(contentDir: string, outDir: string): Map<string, string> | undefined {
  return readPageDigests(join(buildCache(contentDir), PAGE_DIGESTS_FILE), outDir);
}

function readChecked(file: string): Set<string> {
  try {
    return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}

/**
 * A new, empty folder `<prefix><6 random characters>`. Not `mkdtemp`: its
 * folders are for the owner alone, and this one becomes the output, which a
 * web server running as another user must be able to read. A plain `mkdir`
 * gives the permissions of any folder made now.
 */
function makeTempDir(prefix: string): string {
  for (;;) {
    const path = `${prefix}${randomBytes(3).toString('hex')}`;
    try {
      mkdirSync(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Removes temporary folders left by a build that was killed (its process is gone). */
function removeStale(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const match = TEMP.exec(name);
    if (!match || (match[1] !== basename(outDir) && match[1] !== `.${basename(outDir)}`)) continue;
    const pid = Number(match[3]);
    try {
      process.kill(pid, 0);
      continue; // still running: another build's folder
    } catch {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Deletes a folder with many files at once: 64 unlinks in flight keep the
 * file system's thread pool busy. The previous output of a 4,000-story site
 * (52,000 files) went in 6 s this way, against 11-15 s one file at a time.
 */
async function removeTree(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((e) => !e.isDirectory()).map((e) => join(dir, e.name));
  await inBatches(files, 64, (file) => unlink(file));
  const folders = entries.filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
  await inBatches(folders, 16, removeTree);
  await rmdir(dir);
}

/**
 * Where replaced outputs wait to be deleted: in the cache folder, out of the
 * deployer's sight, and on the same disk as the output in the usual layout.
 */
function retiredOutputsDir(contentDir: string): string {
  return join(buildCache(contentDir), 'replaced-outputs');
}

/**
 * Moves the current output out of the way of the new one and says whether it
 * may wait to be deleted. Deleting it took 6 s at 4,000 stories (52,000
 * files), a tenth of a rebuild, with the new output already in place and
 * nothing else to do. Moved into the cache, it is deleted by the next build
 * instead, while Astro works, by a process of the lowest priority that takes
 * only the time Astro leaves idle (scripts/delete-folders.ts). If it cannot go there
 * (the cache on another disk), it is renamed beside the output and deleted now.
 */
function retire(outDir: string, retiredDir: string, suffix: string): { path: string; later: boolean } {
  try {
    mkdirSync(retiredDir, { recursive: true });
    const path = join(retiredDir, `${basename(outDir)}-${suffix}`);
    renameSync(outDir, path);
    return { path, later: true };
  } catch {
    const path = `${outDir}.old-${suffix}`;
    renameSync(outDir, path);
    return { path, later: false };
  }
}

/**
 * Deletes the outputs earlier builds replaced (see {@link retire}); settles,
 * never fails, when they are gone. Deleted through Node's thread pool (see
 * {@link removeTree}), a 1,000-story output took 0.83 s of CPU on four
 * threads at once; one file after another in a process of the lowest
 * priority, 0.48 s on one. Rebuilds at 4,000 stories, run alternately:
 * 12.2–15.8 s (median 13.7) against 14.2–15.2 s (median 14.7).
 */
function deleteRetired(retiredDir: string): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(retiredDir);
  } catch {
    return Promise.resolve(); // none yet (or no folder can be made there: outputs are then deleted at once)
  }
  if (names.length === 0) return Promise.resolve();
  const folders = names.map((name) => join(retiredDir, name));
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(projectRoot, 'scripts/delete-folders.ts'), ...folders], { stdio: 'ignore' });
    // Whatever is left (the process could not start, or stopped) goes here, the plain way. Deleting
    // old outputs is housekeeping: one that cannot be deleted is worth a warning, not a failed build.
    let finished = false;
    const finish = () => {
      if (finished) return; // 'error' may come before 'exit'
      finished = true;
      for (const folder of folders) {
        try {
          rmSync(folder, { recursive: true, force: true });
        } catch (error) {
          console.warn(`could not delete ${folder} (an output a build replaced): ${(error as Error).message}`);
        }
      }
      done();
    };
    child.once('error', finish);
    child.once('exit', finish);
  });
}

/**
 * V8's flags for the Astro process, given when it starts: set later, from
 * inside the build (`v8.setFlagsFromString`), they left 4 in 45 failing builds
 * hanging at exit, V8's compiler threads waiting for a collection that never came.
 *
 * - The heap may grow 50% past its live data before a full collection (V8
 *   allows several times that): a build allocates fast and keeps little.
 * - Memory outside the heap (the bytes of every page written, every image
 *   read or drawn) counts towards that same limit
 *   (`--external-memory-accounted-in-global-limit`, a V8 flag of the Node 24
 *   the project installs). By default each 64 MB of it starts a full
 *   collection of its own: a 4,000-story build made 55–61 full collections
 *   of a 355 MB heap, most while writing pages, and about a fifth of its CPU
 *   time went to V8's collector threads. With the flag it made 15, and took
 *   62–71 s against 70–86 s, run alternately (CPU 94–107 s against
 *   108–135 s), for 1.71–1.74 GB of peak memory against 1.46–1.52 GB.
 */
const V8_FLAGS = ['--heap-growing-percent=50', '--external-memory-accounted-in-global-limit'];

/**
 * The size of the Astro process's thread pool (`UV_THREADPOOL_SIZE`, unless
 * set already): one thread per core, at least two. The pool runs both the
 * file writes of page generation and the drawing of social images (Pango, in
 * sharp); with Node's four threads on a 2-core machine they only took the
 * cores from each other. A 4,000-story build, runs side by side: 77, 81, 84
 * and 88 s with two threads against 87, 94, 101 and 102 s with four (one: 98
 * and 100 s; three: 92 and 93 s; eight: 93 and 98 s).
 */
const threadPoolSize = () => Math.max(2, availableParallelism());

/**
 * Node keeps the compiled code of every module Astro loads (Astro, Vite, the
 * Markdown parsers, the site's own code) in the build cache, so the next
 * build does not compile them again; a changed file is compiled afresh. A
 * rebuild of 1,000 stories took 0.2 s less CPU (user 3.07–3.78 s, median
 * 3.19, against 3.28–3.47 s, median 3.42, six runs each, alternately).
 */
const COMPILE_CACHE = 'compiled-modules';

/**
 * Each build also leaves there the modules of its page bundle, whose names
 * change from build to build (about 40 files no later build loads): above
 * this many files the folder is emptied, and the next build fills it again
 * (about 1,900 files, 11 MB).
 */
const COMPILE_CACHE_FILES = 4_000;

/** The compile cache of the content folder's builds, emptied first when it has grown past {@link COMPILE_CACHE_FILES}. */
function compileCache(contentDir: string): string {
  const dir = join(buildCache(contentDir), COMPILE_CACHE);
  try {
    if (readdirSync(dir, { recursive: true }).length > COMPILE_CACHE_FILES) rmSync(dir, { recursive: true, force: true });
  } catch {
    // Not there yet: Node makes it.
  }
  return dir;
}

function runAstro(env: NodeJS.ProcessEnv, onChild: (kill: () => void) => void): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...V8_FLAGS, join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: projectRoot,
      env: { UV_THREADPOOL_SIZE: String(threadPoolSize()), ...env },
      stdio: 'inherit',
    });
    onChild(() => child.kill('SIGTERM'));
    child.on('error', (error) => {
      console.error(error);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Where Astro builds before the swap: `<out>.build-<pid>-<random>`, beside
 * the output. Astro runs the pages' code from its output folder when that is
 * inside the project (where the packages are), and from a folder of its own
 * when it is not; it tells the two apart by the folder's path starting with
 * the project's, so a folder beside the project with a name that starts the
 * same (`/srv/site` and `/srv/site-dist.build-…`) was taken for inside, and
 * its code found no packages. Such a folder's name starts with a dot.
 */
export function tempPrefix(outDir: string, root = projectRoot): string {
  const plain = `${outDir}.build-`;
  const misread = relative(root, plain).startsWith('..') && plain.startsWith(root);
  return join(dirname(outDir), `${misread ? '.' : ''}${basename(outDir)}.build-`);
}

export async function build(): Promise<number> {
  const outDir = resolve(projectRoot, process.env.BACKSTORY_OUT_DIR ?? 'dist');
  const contentDir = resolve(projectRoot, process.env.BACKSTORY_CONTENT_DIR ?? 'content');
  mkdirSync(dirname(outDir), { recursive: true });
  removeStale(outDir);
  const prefix = tempPrefix(outDir);
  const temp = makeTempDir(`${prefix}${process.pid}-`);
  const cleanup = () => rmSync(temp, { recursive: true, force: true });
  // The last build's old output goes while Astro starts up and checks the content.
  const retiredDir = retiredOutputsDir(contentDir);
  const deletingRetired = deleteRetired(retiredDir);

  let stopChild = () => {};
  const interrupted = (signal: NodeJS.Signals) => {
    stopChild();
    cleanup();
    console.error(`\nbuild interrupted (${signal}): ${outDir} left as it was`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    const started = performance.now();
    const code = await runAstro({ NODE_COMPILE_CACHE: compileCache(contentDir), ...process.env, BACKSTORY_OUT_DIR: temp, ...SEARCH_AFTER_BUILD }, (kill) => (stopChild = kill));
    if (code !== 0) {
      console.error(`\nbuild failed (exit code ${code}): ${outDir} left as it was`);
      return code;
    }
    // Node ends a process that has nothing left to wait for with exit code 0,
    // whatever promise is still pending: an integration awaiting something
    // that holds no handle would end the build half done, "successfully".
    // The last integration writes the headers file; without it, Astro stopped early.
    if (!existsSync(join(temp, HEADERS_FILE))) {
      console.error(`\nbuild failed: Astro ended before its last step (no ${HEADERS_FILE} was written): ${outDir} left as it was`);
      return 1;
    }
    // Once Astro's memory is free (Pagefind's index alone is 1.2 GB at 4,000
    // stories), and while this process checks the pages: both only read them.
    // The output being replaced lends the index files that did not change.
    const indexing = writeSearchIndex(temp, existsSync(outDir) ? outDir : undefined).then(
      (line) => ({ line }),
      (error: Error) => ({ error }),
    );
    const checkStarted = performance.now();
    const checkedFile = checkedPagesFile(contentDir);
    const known = readChecked(checkedFile);
    const passed = new Set<string>();
    const digests = scannedDigests(contentDir, temp);
    const listed = readRecordPages(buildCache(contentDir), temp);
    const problems = await checkPages(temp, listed ?? (await recordPagesOf(contentDir)), { known, passed, digests });
    // This build's pages only: the file does not grow with every edit.
    mkdirSync(dirname(checkedFile), { recursive: true });
    writeFileSync(checkedFile, JSON.stringify([...passed]));
    const read = [...passed].filter((digest) => !known.has(digest)).length;
    const source = digests ? 'digests from the security-policy scan' : 'every page read';
    const against = listed ? 'as listed by the content check' : 'as read from the content folder';
    console.log(`record pages checked: ${passed.size} complete, ${against} (${read} read, the rest unchanged since a checked build; ${source}) in ${Math.round(performance.now() - checkStarted)} ms`);
    const search = await indexing;
    if ('error' in search) {
      console.error(`\n${search.error.message}: ${outDir} left as it was`);
      return 1;
    }
    console.log(search.line);
    if (problems.length > 0) {
      console.error(`\nbuild refused: ${problems.length} page${problems.length === 1 ? ' is' : 's are'} incomplete; ${outDir} left as it was`);
      for (const problem of problems) console.error(`  ${problem}`);
      return 1;
    }

    // The swap: two renames within one folder, so the output is never half old, half new.
    const old = existsSync(outDir) ? retire(outDir, retiredDir, temp.slice(prefix.length)) : undefined;
    try {
      renameSync(temp, outDir);
    } catch (error) {
      if (old) renameSync(old.path, outDir);
      throw error;
    }
    // Should a file vanish under it, the plain way finishes the job.
    if (old && !old.later) await removeTree(old.path).catch(() => rmSync(old.path, { recursive: true, force: true }));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n${outDir} replaced in ${seconds} s${old?.later ? ' (the next build deletes the previous output from the cache)' : ''}`);
    // Fine for a look on this machine (`npm start`); a deployed site would link readers and feeds to it.
    if (!process.env.SITE_URL) console.warn('note: SITE_URL is not set, so canonical links, feeds, social images and the sitemap point at http://localhost:4321/; set it to the public address (SITE_URL=https://news.example.org npm run build) before deploying');
    return 0;
  } finally {
    cleanup();
    await deletingRetired;
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

if (import.meta.main) {
  process.exitCode = await build();
}
