/**
 * A drawing worker: takes social-image jobs from the shared board and draws
 * each into the cache, until none is left. Started by `social-image-workers.ts`.
 */
import { workerData } from 'node:worker_threads';
import { DONE, FAILED, finish, takeNext, type SharedBoard } from '../lib/image-jobs.ts';
import { renderSocialImage, type SocialCard } from '../lib/social-image.ts';

/** What the pool hands each worker. */
export interface DrawingWorkerData {
  board: SharedBoard;
  /** The card of each job, by job index. */
  cards: SocialCard[];
  cacheDir: string;
  /** The job each worker is drawing (-1: none), so the pool can fail it if the worker dies. */
  current: Int32Array<SharedArrayBuffer>;
  /** This worker's place in `current`. */
  slot: number;
}

const { board, cards, cacheDir, current, slot } = workerData as DrawingWorkerData;

for (let job = takeNext(board); job >= 0; job = takeNext(board)) {
  Atomics.store(current, slot, job);
  try {
    // The same path as a page's (a worker has no board, so it draws and keeps the image in the cache).
    // Its jobs are images the cache lacked when the build started, and a job taken is drawn by no one else.
    await renderSocialImage(cards[job]!, { cacheDir, missing: true });
    finish(board, job, DONE);
  } catch {
    // The page that needs the image draws it again, and reports the error if it persists.
    finish(board, job, FAILED);
  }
  Atomics.store(current, slot, -1);
}
