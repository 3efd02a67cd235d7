/**
 * WOFF (1.0) to TrueType/OpenType. The web font files we ship are WOFF; the
 * text renderer that draws social images (Pango, through sharp) loads fonts
 * from TrueType files only. A WOFF file is the same tables, each compressed
 * with zlib, behind a longer header: unpacking is the reverse.
 * https://www.w3.org/TR/WOFF/
 */
import { inflateSync } from 'node:zlib';

interface Table {
  tag: number;
  checksum: number;
  data: Buffer;
}

/** The TrueType/OpenType bytes inside a WOFF file. Throws on anything that is not WOFF 1.0. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Table[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compressed);
    // A table is stored as is when zlib would not make it smaller.
    const data = compressed < length ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== length) throw new Error(`WOFF table ${i} unpacks to ${data.length} bytes, not ${length}`);
    tables.push({ tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data });
  }

  // The sfnt header: version, table count, and the binary-search fields derived from it.
  const header = Buffer.alloc(12 + 16 * numTables);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);

  // Tables follow in directory order, each padded to four bytes.
  const parts = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(table.tag, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}
