import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { letterFromTemplate } from '../../../core/letter/templates';
import { buildPackage, PackageInputError } from '../../../core/package/build-package';
import { isSubmissionId } from '../../../core/package/package-format';
import { verifyPackage } from '../../../core/package/verify-package';
import { CREATED_AT, ID, json, OTHER_ID, packageInput, PDF, PNG, SIGNED_PDF } from '../../support/package-fixtures';

/** The problems of the PackageInputError that `build` throws. */
function refusal(build: () => unknown): readonly unknown[] {
  try {
    build();
  } catch (error) {
    if (error instanceof PackageInputError) return error.problems;
    throw error;
  }
  throw new Error('expected the package to be refused');
}

describe('buildPackage', () => {
  it('gives the same bytes for the same inputs, whatever the key order of the letter', () => {
    const first = buildPackage(packageInput());
    const letter = letterFromTemplate('service', { year: 2026 });
    const reordered = Object.fromEntries(Object.entries(letter).reverse());
    expect(buildPackage(packageInput({ letter: reordered }))).toEqual(first);
    expect(buildPackage(packageInput())).toEqual(first);
  });

  it('gives different bytes for a different submission id, supersession or creation time', () => {
    const first = buildPackage(packageInput());
    expect(buildPackage(packageInput({ submissionId: OTHER_ID }))).not.toEqual(first);
    expect(buildPackage(packageInput({ supersedes: OTHER_ID }))).not.toEqual(first);
    expect(buildPackage(packageInput({ createdAt: new Date('2026-04-22T00:00:00Z') }))).not.toEqual(first);
  });

  it('writes the manifest first, then the letter, PDF, signed copies and credit record, each listed with role, size and SHA-256', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const files = unzipSync(buildPackage(packageInput({ signed: [{ name: 'p1.png', bytes: PNG }, { name: 'p2.jpeg', bytes: jpeg }], supersedes: OTHER_ID })));
    expect(Object.keys(files)).toEqual(['manifest.json', 'letter.json', 'letter.pdf', 'signed/1.png', 'signed/2.jpg', 'credit-record.json']);
    const manifest = json(files['manifest.json']) as { files: { name: string; role: string; size: number; sha256: string }[] };
    expect(manifest).toMatchObject({
      format: 'pledge-package/1',
      submissionId: ID,
      supersedes: OTHER_ID,
      unit: { name: '青山县政务服务中心' },
      year: 2026,
      createdAt: CREATED_AT.toISOString(),
    });
    expect(Object.keys(manifest)).toEqual(['format', 'submissionId', 'supersedes', 'unit', 'year', 'createdAt', 'files']);
    expect(manifest.files.map((f) => f.role)).toEqual(['letter-json', 'letter-pdf', 'signed-copy', 'signed-copy', 'credit-record']);
    for (const file of manifest.files) expect(file).toEqual({ name: file.name, role: file.role, size: files[file.name]!.length, sha256: sha256Hex(files[file.name]!) });
    expect(files['letter.pdf']).toEqual(PDF);
    expect(files['signed/2.jpg']).toEqual(jpeg);
    expect(json(files['letter.json'])).toMatchObject({ format: 'pledge-letter/1', supervision: { hotline: '12345' } });
  });

  it('refuses the letter’s own PDF as a signed copy', () => {
    expect(refusal(() => buildPackage(packageInput({ signed: [{ name: 'a.png', bytes: PNG }, { name: '承诺书.pdf', bytes: PDF }] })))).toEqual([
      expect.objectContaining({ path: 'signed[1]', message: expect.stringContaining('“承诺书.pdf”就是批准的 PDF 本身') }),
    ]);
  });

  it('leaves supersedes out when there is none', () => {
    const manifest = json(unzipSync(buildPackage(packageInput()))['manifest.json']);
    expect(manifest).not.toHaveProperty('supersedes');
  });

  it('refuses an invalid letter with the Chinese problems of validation', () => {
    const letter = { ...letterFromTemplate('policy', { year: 2026 }), date: '2026-13-01' };
    expect(refusal(() => buildPackage(packageInput({ letter })))).toEqual([expect.objectContaining({ path: 'date', message: '成文日期“2026-13-01”不是真实存在的日期。' })]);
  });

  it('refuses a signed copy that is not a PNG, JPEG or PDF, naming the file', () => {
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(() => buildPackage(packageInput({ signed: [{ name: 'ok.png', bytes: PNG }, { name: '扫描件.doc', bytes: doc }] })))).toEqual([
      expect.objectContaining({ path: 'signed[1]', message: '签章件“扫描件.doc”：“扫描件.doc”不是 PNG、JPEG 图片或 PDF 文件，未添加。' }),
    ]);
  });

  it('refuses a package without a signed copy, which the check would refuse', () => {
    expect(refusal(() => buildPackage(packageInput({ signed: [] })))).toEqual([expect.objectContaining({ path: 'signed', message: '还没有签章件：请先上传签字盖章后的扫描件或签署后的 PDF。' })]);
  });

  it('names signed copies exactly as the check expects: signed/1… by the type of their bytes', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const zip = buildPackage(packageInput({ signed: [{ name: 'SCAN 1.PNG', bytes: jpeg }, { name: '第二页', bytes: PNG }, { name: 'x.jpg', bytes: SIGNED_PDF }] }));
    expect(Object.keys(unzipSync(zip)).filter((name) => name.startsWith('signed/'))).toEqual(['signed/1.jpg', 'signed/2.png', 'signed/3.pdf']);
    expect(verifyPackage(zip).ok).toBe(true);
  });

  it('throws a TypeError for an id that is not a UUID', () => {
    expect(() => buildPackage(packageInput({ submissionId: '2026-001' }))).toThrow(TypeError);
    expect(() => buildPackage(packageInput({ supersedes: 'earlier' }))).toThrow(/not a UUID/);
    expect(isSubmissionId(crypto.randomUUID())).toBe(true);
  });
});
