/** A short, stable digest of JSON-able data: the same data, the same key. */
import { createHash } from 'node:crypto';

/** `replacer` works as in `JSON.stringify`: it may stand a value in for another. */
export function digestOf(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return createHash('sha256').update(JSON.stringify(value, replacer)).digest('hex').slice(0, 32);
}
