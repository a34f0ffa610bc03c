import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateEntries, isSafeEntryName, listZipEntries, ZipRejected } from '../../../core/zip/bounded-unzip';
import { checkListedEntries } from '../../../core/zip/listed-entries';
import { crc32 } from '../../../core/zip/crc32';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { assembleZip, concat, hideEntryInCarrier, localHeader, rawEntry, unicodePathField, writeZip } from './zip-forgery';

const limits = { maxBytes: 1024, maxEntries: 3 };

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipRejected) return { code: error.code, ...error.params };
    throw error;
  }
  return 'accepted';
}

describe('the bounded ZIP reader', () => {
  it('accepts relative forward-slash paths only', () => {
    expect(['a.json', 'signed/1.png', '承诺书.json'].every(isSafeEntryName)).toBe(true);
    expect(['', '/a', '../a', 'a/../b', 'a/./b', 'a//b', 'a\\b', 'C:x', 'a\u0000b'].some(isSafeEntryName)).toBe(false);
  });

  it('reports codes and parameters for the caller to word', () => {
    expect(codeOf(() => listZipEntries(strToU8('nope'), limits))).toEqual({ code: 'not-zip' });
    expect(codeOf(() => listZipEntries(zipSync({ a: strToU8('1'), b: strToU8('2'), c: strToU8('3'), d: strToU8('4') }), limits))).toEqual({ code: 'too-many-entries', max: 3 });
    expect(codeOf(() => listZipEntries(zipSync({ a: new Uint8Array(2000) }), limits))).toEqual({ code: 'too-large', size: '2 KB', limit: '1 KB' });
  });

  it('inflates what it listed, and checks it against a manifest list', () => {
    const zip = zipSync({ 'm.json': strToU8('{}'), 'a.txt': strToU8('hello') });
    const files = inflateEntries(zip, listZipEntries(zip, limits));
    expect(new TextDecoder().decode(files.get('a.txt'))).toBe('hello');
    const listed = [{ name: 'a.txt', size: 5, sha256: sha256Hex(strToU8('hello')) }];
    expect(codeOf(() => checkListedEntries(listed, files, 'm.json'))).toBe('accepted');
    expect(codeOf(() => checkListedEntries([{ ...listed[0]!, size: 6 }], files, 'm.json'))).toEqual({ code: 'entry-size-mismatch', name: 'a.txt', actual: 5, expected: 6 });
    expect(codeOf(() => checkListedEntries([], files, 'm.json'))).toEqual({ code: 'unlisted-entry', name: 'a.txt' });
  });
});

/** Runs python's zipfile and Info-ZIP's unzip on a file: what readers other than ours extract. */
function otherReaders(zip: Uint8Array, name: string): { python: string; unzip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-zip-'));
  try {
    const file = join(dir, 'forged.zip');
    writeFileSync(file, zip);
    const python = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', file, name]).toString();
    const unzip = execFileSync('unzip', ['-p', file, name]).toString();
    return { python, unzip };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const read = (zip: Uint8Array, max = { maxBytes: 1 << 20, maxEntries: 10 }) => inflateEntries(zip, listZipEntries(zip, max));

describe('the bounded ZIP reader reads what every other reader reads', () => {
  const manifest = rawEntry('manifest.json', strToU8('{"format":"x"}'), { stored: true });
  const pdf = rawEntry('letter.pdf', strToU8(`%PDF-1.7\n${'benign letter page '.repeat(50)}\n%%EOF\n`));
  const shown = strToU8('{"unit":"青山县政务服务中心"}');
  const hidden = strToU8('{"unit":"别处县政务服务中心"}');

  it('refuses a letter hidden inside the compressed data of another entry, which unzip, Python and fflate extract', () => {
    expect(hidden.length).toBe(shown.length);
    const forged = hideEntryInCarrier([manifest, pdf, rawEntry('letter.json', shown)], 'letter.pdf', rawEntry('letter.json', hidden));
    // The archive really is the attack: readers of the central directory see the hidden letter.
    expect(strFromU8(unzipSync(forged)['letter.json']!)).toBe(strFromU8(hidden));
    expect(otherReaders(forged, 'letter.json')).toEqual({ python: strFromU8(hidden), unzip: strFromU8(hidden) });
    expect(codeOf(() => read(forged))).toEqual({ code: 'structure-mismatch', name: 'letter.json' });
  });

  it('refuses a Unicode Path extra field, under which unzip extracts an entry by another name (the PDFs swapped)', () => {
    const letterPdf = strToU8('%PDF-1.7\nthe letter\n%%EOF\n');
    const otherPdf = strToU8('%PDF-1.7\nanother letter\n%%EOF\n');
    const swapped = writeZip([
      manifest,
      // Without the UTF-8 flag: with it, unzip takes the header name as it is.
      { ...rawEntry('letter.pdf', letterPdf, { stored: true }), flags: 0, extra: unicodePathField('letter.pdf', 'signed/1.pdf') },
      { ...rawEntry('signed/1.pdf', otherPdf, { stored: true }), flags: 0, extra: unicodePathField('signed/1.pdf', 'letter.pdf') },
    ]);
    // The archive really is the attack: Info-ZIP extracts the other letter as letter.pdf.
    const dir = mkdtempSync(join(tmpdir(), 'pledge-zip-'));
    try {
      writeFileSync(join(dir, 'swapped.zip'), swapped);
      execFileSync('unzip', ['-q', 'swapped.zip'], { cwd: dir });
      expect(readFileSync(join(dir, 'letter.pdf'), 'utf8')).toBe(strFromU8(otherPdf));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(codeOf(() => read(swapped))).toEqual({ code: 'foreign-field', name: 'letter.pdf', field: '0x7075' });
  });

  it('refuses ZIP64 and unknown extra fields, and keeps timestamps and Unix owners', () => {
    const field = (id: number, size: number) => {
      const out = new Uint8Array(4 + size);
      new DataView(out.buffer).setUint16(0, id, true);
      new DataView(out.buffer).setUint16(2, size, true);
      return out;
    };
    const zipWith = (extra: Uint8Array) => writeZip([manifest, { ...rawEntry('a.txt', strToU8('hello'), { stored: true }), extra }]);
    expect(codeOf(() => read(zipWith(field(0x0001, 16))))).toEqual({ code: 'foreign-field', name: 'a.txt', field: '0x0001' });
    expect(codeOf(() => read(zipWith(field(0x6375, 9))))).toEqual({ code: 'foreign-field', name: 'a.txt', field: '0x6375' });
    expect(codeOf(() => read(zipWith(field(0xcafe, 0))))).toEqual({ code: 'foreign-field', name: 'a.txt', field: '0xcafe' });
    expect(codeOf(() => read(zipWith(field(0x5455, 5).subarray(0, 6))))).toEqual({ code: 'structure-mismatch', name: 'a.txt' });
    expect(codeOf(() => read(zipWith(concat([field(0x5455, 5), field(0x7875, 11)]))))).toBe('accepted');
  });

  it('refuses a symbolic link whatever system the entry says made it (Info-ZIP reads Unix modes from several)', () => {
    for (const system of [3, 5, 16, 30, 0]) {
      const link = writeZip([{ ...rawEntry('manifest.json', strToU8('{}'), { stored: true }), madeBy: (system << 8) | 20, externalAttributes: (0o120777 << 16) >>> 0 }]);
      expect({ system, refused: codeOf(() => read(link)) }).toEqual({ system, refused: { code: 'unsafe-path', name: 'manifest.json' } });
    }
  });

  it('refuses a deflate stream that ends before its entry does, even when the directory agrees', () => {
    const padded = { ...pdf, data: concat([pdf.data, localHeader(rawEntry('letter.json', hidden)), rawEntry('letter.json', hidden).data]) };
    expect(codeOf(() => read(writeZip([manifest, padded])))).toEqual({ code: 'stray-data' });
  });

  it('refuses bytes before the first entry, such as an HTML page', () => {
    const zip = writeZip([manifest, pdf]);
    const page = strToU8('<html><body><script>alert(1)</script></body></html>');
    expect(codeOf(() => read(concat([page, zip])))).toEqual({ code: 'stray-data' });
    // Even with every offset moved to match, as `zip -A` does for self-extracting archives.
    const shifted = assembleZip([page, localHeader(manifest), manifest.data], [{ entry: manifest, offset: page.length, compressedSize: manifest.data.length }]);
    expect(codeOf(() => read(shifted))).toEqual({ code: 'stray-data' });
  });

  it('refuses bytes between two entries', () => {
    const body = [localHeader(manifest), manifest.data, strToU8('PK\u0003\u0004 junk'), localHeader(pdf), pdf.data];
    const gap = body[0]!.length + body[1]!.length + body[2]!.length;
    const zip = assembleZip(body, [
      { entry: manifest, offset: 0, compressedSize: manifest.data.length },
      { entry: pdf, offset: gap, compressedSize: pdf.data.length },
    ]);
    expect(codeOf(() => read(zip))).toEqual({ code: 'stray-data' });
  });

  it.each([
    ['CRC-32', 14],
    ['compressed size', 18],
    ['inflated size', 22],
    ['flags', 6],
  ])('refuses a local header whose %s disagrees with the directory', (_field, at) => {
    const zip = writeZip([manifest, pdf]).slice();
    zip[at] = zip[at]! ^ 1;
    expect(codeOf(() => read(zip))).toEqual({ code: 'structure-mismatch', name: 'manifest.json' });
  });

  it('refuses a local header of another name', () => {
    const zip = writeZip([manifest]).slice();
    zip[30] = 'M'.charCodeAt(0);
    expect(codeOf(() => read(zip))).toEqual({ code: 'structure-mismatch', name: 'manifest.json' });
  });

  it('refuses an entry whose bytes do not give its CRC-32', () => {
    const zip = writeZip([manifest, pdf]).slice();
    zip[30 + manifest.name.length] = zip[30 + manifest.name.length]! ^ 1;
    expect(codeOf(() => read(zip))).toEqual({ code: 'crc-mismatch', name: 'manifest.json' });
  });

  it('refuses encrypted entries and names other readers would decode differently', () => {
    expect(codeOf(() => read(writeZip([{ ...manifest, flags: 0x0801 }])))).toEqual({ code: 'encrypted', name: 'manifest.json' });
    const latin = { ...rawEntry('x', shown, { stored: true }), name: '\u00e9.json', flags: 0 };
    const zip = writeZip([latin]);
    // Written as UTF-8 bytes without the UTF-8 flag: CP437 readers see other characters.
    expect(codeOf(() => read(zip))).toMatchObject({ code: 'unsafe-path' });
  });

  it('refuses a comment after the end record', () => {
    const zip = zipSync({ a: strToU8('1') });
    const withComment = concat([zip.subarray(0, zip.length - 2), Uint8Array.from([4, 0]), strToU8('note')]);
    expect(codeOf(() => read(withComment))).toEqual({ code: 'trailing-data' });
  });

  it('accepts entries written with data descriptors', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const file = new ZipDeflate('letter.json', { level: 6 });
    zip.add(file);
    file.push(shown, true);
    const stored = new ZipPassThrough('manifest.json');
    zip.add(stored);
    stored.push(manifest.data, true);
    zip.end();
    const files = read(concat(chunks));
    expect(strFromU8(files.get('letter.json')!)).toBe(strFromU8(shown));
    expect(strFromU8(files.get('manifest.json')!)).toBe('{"format":"x"}');
  });
});

describe('crc32', () => {
  it('gives the ZIP checksum, the same as zlib, in one go or in chunks', () => {
    const check = crc32();
    check.update(strToU8('123456789'));
    expect(check.value()).toBe(0xcbf43926);
    const bytes = strToU8('政务诚信承诺书'.repeat(100));
    const chunked = crc32();
    chunked.update(bytes.subarray(0, 7));
    chunked.update(bytes.subarray(7));
    expect(chunked.value()).toBe(zlibCrc32(bytes));
  });
});

describe('the bounded ZIP reader on damaged files', () => {
  it('refuses with one of its own codes, never another exception', () => {
    const zip = writeZip([rawEntry('manifest.json', strToU8('{"format":"x"}'), { stored: true }), rawEntry('letter.json', strToU8('{"a":"政务诚信"}'.repeat(20)))]);
    let seed = 7;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const codes = new Set<unknown>();
    for (let round = 0; round < 400; round++) {
      const damaged = round % 5 === 4 ? zip.subarray(0, Math.floor(random() * zip.length)) : zip.slice();
      for (let flips = 0; flips < 1 + (round % 3) && round % 5 !== 4; flips++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const result = codeOf(() => read(damaged));
      codes.add(typeof result === 'object' ? (result as { code: string }).code : result);
    }
    expect(codes.size).toBeGreaterThan(3);
  });
});
