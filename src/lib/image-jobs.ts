/**
 * A board of image-drawing jobs, shared through memory between the build's
 * main thread and its drawing workers.
 *
 * Why: drawing a social image per story, person and event is most of a cold
 * build's CPU time, and Astro renders pages on one thread. Workers draw the
 * images on the other cores while the main thread checks content and renders
 * HTML; when the main thread puts the images into the output at the end of
 * the build, most are in the cache already, and it draws the rest alongside.
 *
 * Each job has one state in a shared Int32Array, changed only with atomic
 * operations, so the threads agree without messages (the main thread may be
 * busy for a minute in a synchronous content check, and workers must not wait
 * for it):
 * - a worker takes the next pending job from a shared cursor;
 * - the main thread (the "page" below: whatever needs the image) takes a
 *   job itself if no worker has yet (and draws it there), or waits for the
 *   worker drawing it;
 * - a job that failed in a worker is drawn by the page.
 */

/** Not started. */
export const PENDING = 0;
/** Being drawn, by a worker or by the page that needed it. */
export const TAKEN = 1;
/** In the cache. */
export const DONE = 2;
/** A worker failed on it: whoever needs it draws it again. */
export const FAILED = 3;

/** The memory a board shares with its workers: one state per job, then the cursor. */
export interface SharedBoard {
  /** `states[i]` is job i's state; `states[jobs]` is the index of the next job for a worker. */
  states: Int32Array<SharedArrayBuffer>;
  jobs: number;
}

export function createSharedBoard(jobs: number): SharedBoard {
  return { states: new Int32Array(new SharedArrayBuffer(4 * (jobs + 1))), jobs };
}

/** In a worker: the index of the next job this worker now owns, or -1 when none is left. */
export function takeNext(board: SharedBoard): number {
  for (;;) {
    const i = Atomics.add(board.states, board.jobs, 1);
    if (i >= board.jobs) return -1;
    // A page may have taken it already: then move on.
    if (Atomics.compareExchange(board.states, i, PENDING, TAKEN) === PENDING) return i;
  }
}

/** Marks job i done (or failed) and wakes whoever waits for it. */
export function finish(board: SharedBoard, i: number, state: typeof DONE | typeof FAILED): void {
  Atomics.store(board.states, i, state);
  Atomics.notify(board.states, i);
}

/** The board of this build on the main thread: jobs found by image key. */
interface ActiveBoard extends SharedBoard {
  indexOf: Map<string, number>;
}

// On globalThis: the integration starts the board, and any code drawing
// images in the same process (the site card's route, bundled separately by
// the build) finds it there.
const ACTIVE = Symbol.for('backstory.imageJobs');
const slot = globalThis as { [ACTIVE]?: ActiveBoard };

/** Publishes a board for the pages of this process, its jobs named by image key. */
export function activateBoard(board: SharedBoard, keys: readonly string[]): void {
  slot[ACTIVE] = { ...board, indexOf: new Map(keys.map((key, i) => [key, i])) };
}

export function deactivateBoard(): void {
  delete slot[ACTIVE];
}

/**
 * What a page does before drawing the image `key`:
 * - `mine`: the page took the job and must call `release(key)` once the image is in the cache (or failed);
 * - `ready`: a worker has drawn it: read the cache;
 * - `free`: no worker is involved (no board, an unknown key or a worker failure): read the cache or draw.
 * A job a worker is drawing is waited for, without blocking the thread.
 */
export async function claim(key: string): Promise<'mine' | 'ready' | 'free'> {
  const board = slot[ACTIVE];
  const i = board?.indexOf.get(key);
  if (board === undefined || i === undefined) return 'free';
  const before = Atomics.compareExchange(board.states, i, PENDING, TAKEN);
  if (before === PENDING) return 'mine';
  // A pending `Atomics.waitAsync` does not keep Node's event loop alive, and
  // the workers do not either (a worker never keeps a failed build alive).
  // With nothing else under way, the process would end in the middle of the
  // wait, with exit code 0: a build would stop half done and report success.
  // This timer keeps it alive until the worker is done.
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    let state = before;
    while (state === TAKEN) {
      const wait = Atomics.waitAsync(board.states, i, TAKEN);
      if (wait.async) await wait.value;
      state = Atomics.load(board.states, i);
    }
    return state === DONE ? 'ready' : 'free';
  } finally {
    clearInterval(keepAlive);
  }
}

/** Ends a job the page took with `claim`. */
export function release(key: string, state: typeof DONE | typeof FAILED = DONE): void {
  const board = slot[ACTIVE];
  const i = board?.indexOf.get(key);
  if (board !== undefined && i !== undefined) finish(board, i, state);
}
