/**
 * Starts the drawing workers of a build: every social image not in the cache
 * yet becomes a job on a shared board (see `lib/image-jobs.ts`), and workers
 * on the other cores draw them while the main thread checks content and
 * renders pages.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import { activateBoard, createSharedBoard, deactivateBoard, FAILED, finish } from '../lib/image-jobs.ts';
import { cardImageKey, cachedImageFile, type RecordCard, type SocialCard } from '../lib/social-image.ts';
import type { DrawingWorkerData } from './social-image-worker.ts';

export interface DrawingOptions {
  /** The card of every published story, person and event. */
  cards: readonly RecordCard[];
  cacheDir: string;
  /** The worker module (`social-image-worker.ts`). */
  workerUrl: URL;
  /** How many workers; by default one per core but one (the main thread renders pages). */
  workers?: number;
  logger: AstroIntegrationLogger;
}

/** How many drawing workers a build starts: BACKSTORY_IMAGE_WORKERS, or one per core but one (at least one, at most 8). */
export function drawingWorkers(env = process.env.BACKSTORY_IMAGE_WORKERS): number {
  const asked = env === undefined || env.trim() === '' ? Number.NaN : Number(env);
  if (Number.isInteger(asked) && asked >= 0) return asked;
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

/** A build's drawing workers. */
export interface Drawing {
  /** How many images they have to draw. */
  jobs: number;
  /** Settles when every worker has run out of jobs (or stopped). */
  finished: Promise<void>;
  /** Ends the workers and the board (the end of the build). */
  stop: () => Promise<void>;
}

/** Starts the workers on every image not in the cache yet. */
export function startDrawing(options: DrawingOptions): Drawing {
  const count = options.workers ?? drawingWorkers();
  const seen = new Set<string>();
  const cards: SocialCard[] = [];
  const keys: string[] = [];
  for (const { card } of options.cards) {
    const key = cardImageKey(card);
    if (seen.has(key)) continue;
    seen.add(key);
    // Already drawn by an earlier build: it is linked from the cache.
    if (existsSync(cachedImageFile(options.cacheDir, key))) continue;
    cards.push(card);
    keys.push(key);
  }
  if (count === 0 || cards.length === 0) return { jobs: 0, finished: Promise.resolve(), stop: async () => {} };

  const board = createSharedBoard(cards.length);
  activateBoard(board, keys);
  const current = new Int32Array(new SharedArrayBuffer(4 * count)).fill(-1);
  const workers = Array.from({ length: count }, (_, slot) => {
    const data: DrawingWorkerData = { board, cards, cacheDir: options.cacheDir, current, slot };
    const worker = new Worker(options.workerUrl, { workerData: data });
    // A worker never keeps a failed build alive.
    worker.unref();
    worker.on('error', (error) => {
      options.logger.warn(`a social-image worker stopped (${error.message}); pages draw its images themselves`);
      // Whoever waits for the image it was drawing draws it instead.
      const job = Atomics.exchange(current, slot, -1);
      if (job >= 0) finish(board, job, FAILED);
    });
    return worker;
  });
  return {
    jobs: cards.length,
    finished: Promise.all(workers.map((worker) => new Promise<void>((done) => worker.once('exit', () => done())))).then(() => {}),
    stop: async () => {
      deactivateBoard();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
