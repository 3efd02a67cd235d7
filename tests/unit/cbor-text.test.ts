/**
 * The CBOR reader behind the search index's clean-up: it must find every
 * text string (a missed one would delete a file the index uses) and step
 * over everything else, whatever its encoding.
 */
import { describe, expect, it } from 'vitest';
import { cborTextStrings } from '../../src/integrations/cbor-text.ts';

const bytes = (...parts: (number | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : [p])));

describe('cborTextStrings', () => {
  it('finds the text strings of nested arrays and maps, stepping over numbers of every width', () => {
    // [ "1.6.0", [ ["en_4b846f5", 300], ["en_6cef611", 70000] ], { "k": -5, "from": 4294967296 } ]
    const data = bytes(
      0x83,
      0x65, '1.6.0',
      0x82,
      0x82, 0x6a, 'en_4b846f5', 0x19, 0x01, 0x2c,
      0x82, 0x6a, 'en_6cef611', 0x1a, 0x00, 0x01, 0x11, 0x70,
      0xa2, 0x61, 'k', 0x24, 0x64, 'from', 0x1b, 0, 0, 0, 1, 0, 0, 0, 0,
    );
    expect(cborTextStrings(data)).toEqual(new Set(['1.6.0', 'en_4b846f5', 'en_6cef611', 'k', 'from']));
  });

  it('does not take a byte string, a float or a tag for text, and reads the text behind a tag', () => {
    // [ h'616263' ("abc" as bytes), 1.5 (half float), 2.5 (double), true, null, 1("tagged") ]
    const data = bytes(0x86, 0x43, 'abc', 0xf9, 0x3e, 0x00, 0xfb, 0x40, 0x04, 0, 0, 0, 0, 0, 0, 0xf5, 0xf6, 0xc1, 0x66, 'tagged');
    expect(cborTextStrings(data)).toEqual(new Set(['tagged']));
  });

  it('reads indefinite-length arrays, maps and chunked text', () => {
    // [_ "a", {_ "b": (_ "c", "d") } ]
    const data = bytes(0x9f, 0x61, 'a', 0xbf, 0x61, 'b', 0x7f, 0x61, 'c', 0x61, 'd', 0xff, 0xff, 0xff);
    expect(cborTextStrings(data)).toEqual(new Set(['a', 'b', 'cd']));
  });

  it('starts after a signature and reads items one after another to the end', () => {
    expect(cborTextStrings(bytes('pagefind_dcd', 0x61, 'x', 0x62, 'yz'), 'pagefind_dcd'.length)).toEqual(new Set(['x', 'yz']));
  });

  it('refuses data cut short or malformed rather than return part of it', () => {
    expect(() => cborTextStrings(bytes(0x82, 0x61, 'a'))).toThrow(/ends where an item was expected/);
    expect(() => cborTextStrings(bytes(0x6a, 'en_4b'))).toThrow(/ends inside a string/);
    expect(() => cborTextStrings(bytes(0x7f, 0x61, 'c'))).toThrow(/ends inside a string/);
    expect(() => cborTextStrings(bytes(0x7f, 0x63, 'c'))).toThrow(/ends inside a string/);
    expect(() => cborTextStrings(bytes(0x19, 0x01))).toThrow(/ends inside an item/);
    expect(() => cborTextStrings(bytes(0x1c))).toThrow(/reserved/);
  });
});
