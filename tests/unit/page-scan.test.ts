/**
 * The policy scan of the headers integration remembers pages that passed, by
 * a digest of their HTML: a rebuild reads only pages that changed, and still
 * finds every inline style and every problem.
 */
import { describe, expect, it } from 'vitest';
import { linkSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileIdentity, pageDigest, readPageDigests, readPageIdentities, readScanMemory, scanPages, writePageDigests, writeScanMemory } from '../../src/integrations/headers.ts';

const pages = new Map([
  ['a.html', '<head><style>a{}</style></head><p>a</p>'],
  ['b.html', '<head><style>a{}</style><style>b{}</style></head><p>b</p>'],
  ['plain.html', '<p>no styles at all</p>'],
  ['bad.html', '<style>c{}</style><button onclick="x()">x</button>'],
]);

describe('the page scan with a memory of the last build', () => {
  const first = new Map<string, readonly string[]>();
  const cold = scanPages(pages, { passed: first });

  it('remembers every page without a problem, and no page with one', () => {
    expect(cold.scanned).toBe(4);
    expect(cold.pages).toBe(4);
    expect(first.size).toBe(3);
    expect(cold.problems).toEqual([expect.stringMatching(/^bad\.html: onclick handler/)]);
  });

  it('reads only the pages it does not know, and finds the same styles and problems', () => {
    const passed = new Map<string, readonly string[]>();
    const warm = scanPages(pages, { known: first, passed });
    expect(warm.scanned).toBe(1);
    expect(warm.styleHashes).toEqual(cold.styleHashes);
    expect(warm.problems).toEqual(cold.problems);
    expect(passed).toEqual(first);
  });

  it('reads a page again when its bytes change', () => {
    const changed = new Map(pages);
    changed.set('a.html', '<head><style>a{}</style></head><p style="color:red">a</p>');
    changed.delete('bad.html');
    const warm = scanPages(changed, { known: first });
    expect(warm.scanned).toBe(1);
    expect(warm.problems).toEqual([expect.stringMatching(/^a\.html: style attribute/)]);
  });

  it('knows a page read as bytes by the digest of its text, and scans bytes as text', () => {
    const bytes = new Map([...pages].map(([file, html]) => [file, Buffer.from(html, 'utf8')]));
    const warm = scanPages(bytes, { known: first });
    expect(warm.scanned).toBe(1);
    expect(warm.problems).toEqual(cold.problems);
    const fresh = scanPages(bytes);
    expect(fresh.styleHashes).toEqual(cold.styleHashes);
    expect(fresh.problems).toEqual(cold.problems);
  });

  it('reads a digested page only if it must scan it', () => {
    const reads: string[] = [];
    const digested = new Map(
      [...pages].map(([file, html]) => [file, { digest: pageDigest(html), read: () => (reads.push(file), Buffer.from(html, 'utf8')) }] as const),
    );
    const warm = scanPages(digested, { known: first });
    expect(reads).toEqual(['bad.html']);
    expect(warm.styleHashes).toEqual(cold.styleHashes);
    expect(warm.problems).toEqual(cold.problems);
  });
  it('without a memory, scans everything and fills nothing', () => {
    expect(scanPages(pages).scanned).toBe(4);
  });

  it('keeps the memory in a file, and ignores a file it cannot use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-scan-'));
    try {
      const file = join(dir, 'cache', 'scanned-pages.json');
      writeScanMemory(file, first);
      expect(readScanMemory(file)).toEqual(first);
      const warm = scanPages(pages, { known: readScanMemory(file) });
      expect(warm.scanned).toBe(1);
      expect(warm.styleHashes).toEqual(cold.styleHashes);

      expect(readScanMemory(join(dir, 'missing.json')).size).toBe(0);
      writeFileSync(file, '{ not json');
      expect(readScanMemory(file).size).toBe(0);
      writeFileSync(file, JSON.stringify({ version: 0, styles: [], pages: { x: [] } }));
      expect(readScanMemory(file).size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the page digests left for the record-page check', () => {
  it('are used only for the output folder they were taken of', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-digests-'));
    try {
      const file = join(dir, 'page-digests.json');
      const digests = new Map([['stories/a/index.html', 'abc']]);
      writePageDigests(file, join(dir, 'dist.build-1-aaaaaa'), digests);
      // The same folder, written with or without the trailing slash Astro gives it.
      expect(readPageDigests(file, `${join(dir, 'dist.build-1-aaaaaa')}/`)).toEqual(digests);
      // Another build's folder, or a missing or broken file: nothing is trusted.
      expect(readPageDigests(file, join(dir, 'dist.build-2-bbbbbb'))).toBeUndefined();
      expect(readPageDigests(join(dir, 'missing.json'), join(dir, 'dist.build-1-aaaaaa'))).toBeUndefined();
      writeFileSync(file, '{ not json');
      expect(readPageDigests(file, join(dir, 'dist.build-1-aaaaaa'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a page file known by its identity', () => {
  it('is the same for a hard link to the file, and another once the file is written again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-identity-'));
    try {
      const [page, link] = [join(dir, 'page.html'), join(dir, 'link.html')];
      writeFileSync(page, '<p>a</p>');
      linkSync(page, link);
      const before = fileIdentity(page);
      expect(fileIdentity(link)).toBe(before);
      // Written in place with other bytes of the same length: the time tells it apart.
      writeFileSync(link, '<p>b</p>');
      expect(fileIdentity(page)).not.toBe(before);
      // The digests by identity outlive the output they were taken in.
      const file = join(dir, 'page-digests.json');
      writePageDigests(file, join(dir, 'out-1'), new Map([['page.html', 'x']]), new Map([[before, 'x']]));
      expect(readPageIdentities(file)).toEqual(new Map([[before, 'x']]));
      expect(readPageDigests(file, join(dir, 'out-2'))).toBeUndefined();
      expect(readPageIdentities(join(dir, 'missing.json')).size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
