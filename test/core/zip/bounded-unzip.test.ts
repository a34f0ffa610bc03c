import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateEntries, isSafeEntryName, listZipEntries, ZipRejected } from '../../../core/zip/bounded-unzip';
import { checkListedEntries } from '../../../core/zip/listed-entries';
import { sha256Hex } from '../../../core/hash/sha256-hex';

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
