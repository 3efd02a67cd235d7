/**
 * Deletes the folders named on its command line, at the lowest CPU priority.
 * `npm run build` (scripts/build.ts) runs it on the outputs that earlier
 * builds replaced, while Astro builds the new one: the deleting takes only
 * the time Astro leaves idle.
 *
 *   node scripts/delete-folders.ts <folder>…
 */
import { rmSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

try {
  // The lowest there is (nice 19), for this thread: it does all the deleting, each call synchronous.
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  // Not allowed here: deleted at the usual priority.
}
// One call a folder, each file deleted in turn on this one thread: Node's
// thread pool, several threads deleting at once, took a core from Astro.
for (const folder of process.argv.slice(2)) rmSync(folder, { recursive: true, force: true });
