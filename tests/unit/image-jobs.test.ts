/**
 * The drawing board shared by the build's main thread and its social-image
 * workers: who draws which image, who waits, and that a worker's image is the
 * page's image byte for byte.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { AstroIntegrationLogger } from 'astro';
import { activateBoard, claim, createSharedBoard, deactivateBoard, DONE, FAILED, finish, release, TAKEN, takeNext } from '../../src/lib/image-jobs.ts';
import { cachedImageFile, cardImageKey, recordCards, renderSocialImage } from '../../src/lib/social-image.ts';
import { drawingWorkers, startDrawing } from '../../src/integrations/social-image-workers.ts';
import { loadContent } from '../../src/lib/load.ts';

afterEach(() => deactivateBoard());

const jobsModule = fileURLToPath(new URL('../../src/lib/image-jobs.ts', import.meta.url));

describe('the board', () => {
  it('gives each job to one taker: a worker skips what a page took, a page waits for what a worker is drawing', async () => {
    const board = createSharedBoard(3);
    activateBoard(board, ['a', 'b', 'c']);
    expect(takeNext(board)).toBe(0);
    // The page needs "b" before any worker got there: it draws it itself.
    expect(await claim('b')).toBe('mine');
    expect(board.states[1]).toBe(TAKEN);
    // The worker moves past the page's job.
    expect(takeNext(board)).toBe(2);
    expect(takeNext(board)).toBe(-1);
    // The page waits for "a" until the worker is done with it.
    let answer: string | undefined;
    const waiting = claim('a').then((value) => (answer = value));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(answer).toBeUndefined();
    finish(board, 0, DONE);
    await waiting;
    expect(answer).toBe('ready');
    release('b');
    expect(board.states[1]).toBe(DONE);
    // A job a worker failed on is the page's to draw again.
    finish(board, 2, FAILED);
    expect(await claim('c')).toBe('free');
    // Images not on the board (the site card, the logo) are always the page's.
    expect(await claim('unknown')).toBe('free');
  });

  it('without a board every image is the page’s', async () => {
    expect(await claim('a')).toBe('free');
  });

  it('keeps the process alive while it waits for a worker, though the worker is unref’d', () => {
    // A process with nothing else under way: only the wait, and a worker that finishes the job later.
    // Were the wait not to hold the process, it would end there, with exit code 0 and no answer.
    const script = `
      import { Worker } from 'node:worker_threads';
      import { activateBoard, claim, createSharedBoard, TAKEN } from ${JSON.stringify(jobsModule)};
      const board = createSharedBoard(1);
      activateBoard(board, ['a']);
      Atomics.store(board.states, 0, TAKEN);
      const worker = new Worker(
        "const { workerData } = process.getBuiltinModule('node:worker_threads'); setTimeout(() => { Atomics.store(workerData, 0, ${DONE}); Atomics.notify(workerData, 0); }, 300);",
        { eval: true, workerData: board.states },
      );
      worker.unref();
      claim('a').then((answer) => console.log('answer:', answer));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('answer: ready\n');
  });
});

describe('drawing workers', () => {
  let cacheDir: string | undefined;
  afterEach(() => {
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });
  const logger = { warn: (message: string) => expect.fail(message) } as unknown as AstroIntegrationLogger;
  const workerUrl = new URL('../../src/integrations/social-image-worker.ts', import.meta.url);

  it('draw every card into the cache, exactly as the page would, and leave cached ones alone', async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'backstory-images-'));
    const { content, issues } = loadContent(join(import.meta.dirname, '../fixtures/minimal'));
    expect(issues).toEqual([]);
    const cards = recordCards(content.stories, content.people, content.events);
    expect(cards.length).toBe(4);

    const drawing = startDrawing({ cards, cacheDir, workerUrl, workers: 2, logger });
    expect(drawing.jobs).toBe(4);
    await drawing.finished;
    await drawing.stop();
    for (const { card } of cards) {
      const file = cachedImageFile(cacheDir, cardImageKey(card));
      expect(existsSync(file), file).toBe(true);
      const image = readFileSync(file);
      expect(await sharp(image).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
      // The page would have drawn the same bytes: nothing differs by thread.
      expect(Buffer.from(await renderSocialImage(card)).equals(image)).toBe(true);
    }

    const again = startDrawing({ cards, cacheDir, workerUrl, workers: 2, logger });
    expect(again.jobs).toBe(0);
    // Two worker threads load the drawing code: seconds on a busy machine.
  }, 30_000);

  it('count one per core but one, or what BACKSTORY_IMAGE_WORKERS says (0 turns them off)', () => {
    expect(drawingWorkers('0')).toBe(0);
    expect(drawingWorkers('3')).toBe(3);
    expect(drawingWorkers(undefined)).toBeGreaterThanOrEqual(1);
    expect(drawingWorkers('many')).toBe(drawingWorkers(undefined));
  });
});
