/**
 * WOFF to TrueType: every font file we ship unpacks to tables whose
 * checksums match the ones the WOFF file recorded for the original font.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { woffToSfnt } from '../../src/lib/woff.ts';

const files = join(import.meta.dirname, '../../node_modules/@fontsource/source-serif-4/files');
const woffs = readdirSync(files).filter((name) => /^source-serif-4-[a-z-]+-(400|700)-normal\.woff$/.test(name));

/** The OpenType table checksum: the sum of its 32-bit words (the last one padded with zeros). */
function checksum(table: Buffer, isHead: boolean): number {
  const padded = Buffer.alloc((table.length + 3) & ~3);
  table.copy(padded);
  // head's own checksum is taken with checkSumAdjustment (bytes 8-11) at zero.
  if (isHead) padded.writeUInt32BE(0, 8);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('woffToSfnt', () => {
  it('finds the regular and bold files of every subset', () => {
    expect(woffs.length).toBeGreaterThanOrEqual(12);
  });

  it.each(woffs)('unpacks %s to tables with their recorded checksums', (name) => {
    const woff = readFileSync(join(files, name));
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    const count = sfnt.readUInt16BE(4);
    expect(count).toBe(woff.readUInt16BE(12));
    // WOFF records the original font's size: the unpacked font has it exactly.
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = sfnt.toString('latin1', at, at + 4);
      const offset = sfnt.readUInt32BE(at + 8);
      const table = sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12));
      expect(offset % 4, tag).toBe(0);
      expect(checksum(table, tag === 'head'), tag).toBe(sfnt.readUInt32BE(at + 4));
    }
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2 and then some more bytes, enough for a header......'))).toThrow(/not a WOFF 1\.0 font/);
    expect(() => woffToSfnt(Buffer.alloc(10))).toThrow(/not a WOFF 1\.0 font/);
  });
});
