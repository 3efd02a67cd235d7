/**
 * The text strings of CBOR data (RFC 8949), in one pass: Pagefind's metadata
 * is CBOR, and it names every file of the index by a text string. Only what
 * that needs is read; numbers, bytes and tags are stepped over.
 */

/** Every text string in the CBOR items of `bytes` from `offset` to the end. */
export function cborTextStrings(bytes: Uint8Array, offset = 0): Set<string> {
  const texts = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = offset;

  /** The argument of the head at `at` (a length, a count or a value); `undefined` for indefinite length. */
  const argument = (info: number): number | undefined => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) {
      if (info === 31) return undefined;
      throw new Error(`CBOR: reserved additional information ${info} at byte ${at - 1}`);
    }
    if (at + size > bytes.length) throw new Error('CBOR: data ends inside an item');
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
    at += size;
    return value;
  };

  /** Reads one item; returns false on the "break" that ends an indefinite-length item. */
  const item = (): boolean => {
    if (at >= bytes.length) throw new Error('CBOR: data ends where an item was expected');
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    if (head === 0xff) return false;
    const n = argument(info);
    switch (major) {
      case 0: // unsigned integer
      case 1: // negative integer
        return true;
      case 2: // byte string
      case 3: // text string
        if (n === undefined) {
          // Indefinite length: definite chunks of the same type up to a break.
          let text = '';
          for (;;) {
            if (at >= bytes.length) throw new Error('CBOR: data ends inside a string');
            const chunkHead = bytes[at]!;
            if (chunkHead === 0xff) {
              at++;
              break;
            }
            at++;
            const size = argument(chunkHead & 31)!;
            if (at + size > bytes.length) throw new Error('CBOR: data ends inside a string');
            if (major === 3) text += decoder.decode(bytes.subarray(at, at + size));
            at += size;
          }
          if (major === 3) texts.add(text);
          return true;
        }
        if (at + n > bytes.length) throw new Error('CBOR: data ends inside a string');
        if (major === 3) texts.add(decoder.decode(bytes.subarray(at, at + n)));
        at += n;
        return true;
      case 4: // array
      case 5: // map: twice as many items
        if (n === undefined) {
          while (item());
        } else {
          for (let i = 0; i < n * (major === 5 ? 2 : 1); i++) item();
        }
        return true;
      case 6: // tag: the tagged item follows
        return item();
      default: // simple values and floats: the head is all
        return true;
    }
  };

  while (at < bytes.length) item();
  return texts;
}
