/**
 * Runs file work a batch at a time: enough operations in flight to keep
 * Node's thread pool busy, never so many that thousands of files are open at
 * once. Batch sizes are the callers' (each says why).
 */

/** Runs `task` on every item, `size` at a time, in order; returns the results in the items' order. */
export async function inBatches<T, R>(items: readonly T[], size: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(task))));
  return results;
}
