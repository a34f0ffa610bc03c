import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { packageJson } from '../../../core/package/package-json';
import { buildProgressPackage, ProgressInputError } from '../../../core/progress/build-progress-package';
import { newProgressReport } from '../../../core/progress/new-progress';
import { parsePeriod } from '../../../core/progress/progress-period';
import { verifyProgressPackage } from '../../../core/progress/verify-progress-package';
import { PNG, SIGNED_PDF } from '../../support/package-fixtures';
import { unitLetter } from '../records/record-letters';

const LETTER_ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
const OWN_ID = '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e';
const PDF = new TextEncoder().encode('%PDF-1.7\n% the report rendered\n');
const base = newProgressReport(unitLetter(), LETTER_ID, parsePeriod('2026-Q2')!);
const report = { ...base, items: base.items.map((item, i) => (i === 0 ? { ...item, status: '推进中' as const, note: '已完成招标' } : item)) };
const input = () => ({
  report,
  pdf: PDF,
  evidence: [
    { name: '现场照片.png', bytes: PNG, item: 1 },
    { name: '验收报告.pdf', bytes: SIGNED_PDF },
  ],
  submissionId: OWN_ID,
  createdAt: new Date('2026-07-03T02:00:00Z'),
});

type Files = Record<string, Uint8Array>;
const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
/** The good package's files changed, zipped again; `relist` makes the manifest list the changed files so only the change is wrong. */
function tampered(change: (files: Files) => void, relist = false): Uint8Array {
  const files: Files = unzipSync(buildProgressPackage(input()));
  change(files);
  if (relist) {
    const manifest = json(files['manifest.json']!) as { files: { name: string; size: number; sha256: string }[] };
    for (const file of manifest.files) if (files[file.name]) Object.assign(file, { size: files[file.name]!.length, sha256: sha256Hex(files[file.name]!) });
    files['manifest.json'] = packageJson(manifest);
  }
  return zipSync(files as Zippable);
}
const reason = (bytes: Uint8Array) => {
  const check = verifyProgressPackage(bytes);
  return check.ok ? 'ok' : check.reason;
};

describe('the progress package', () => {
  it('packs the report with its evidence listed by name, hash and item, and reads back the same', () => {
    const bytes = buildProgressPackage(input());
    expect(buildProgressPackage(input())).toEqual(bytes);
    const check = verifyProgressPackage(bytes);
    if (!check.ok) throw new Error(check.reason);
    expect(check.manifest).toMatchObject({ format: 'pledge-progress-package/1', submissionId: OWN_ID, letterSubmissionId: LETTER_ID, period: '2026-Q2', year: 2026 });
    expect(check.report.evidence).toEqual([
      { name: '现场照片.png', sha256: sha256Hex(PNG), size: PNG.length, item: 1 },
      { name: '验收报告.pdf', sha256: sha256Hex(SIGNED_PDF), size: SIGNED_PDF.length },
    ]);
    expect([...check.files.keys()]).toEqual(['progress.json', 'progress.pdf', 'evidence/1.png', 'evidence/2.pdf']);
    expect(check.files.get('evidence/1.png')).toEqual(PNG);
    expect(check.report.items[0]).toMatchObject({ status: '推进中', note: '已完成招标' });
  });

  it('refuses evidence that is not a PNG, JPEG or PDF by its bytes, naming the file, and a report with a problem', () => {
    const word = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(() => buildProgressPackage({ ...input(), evidence: [{ name: '总结.docx', bytes: word }] })).toThrow(ProgressInputError);
    try {
      buildProgressPackage({ ...input(), evidence: [{ name: '总结.docx', bytes: word }] });
    } catch (error) {
      expect((error as ProgressInputError).problems.join('')).toContain('总结.docx');
    }
    const bad = { ...report, items: report.items.map((item) => ({ ...item, status: '已调整' as const })) };
    expect(() => buildProgressPackage({ ...input(), report: bad })).toThrow(/problem/);
    expect(() => buildProgressPackage({ ...input(), evidence: [{ name: 'a.png', bytes: PNG, item: 99 }] })).toThrow(ProgressInputError);
  });

  it('refuses a changed evidence file, a changed report, a report of another letter, a stray entry and a PDF that is not one', () => {
    expect(reason(tampered((files) => (files['evidence/1.png'] = SIGNED_PDF)))).toMatch(/evidence\/1\.png/);
    expect(reason(tampered((files) => (files['evidence/1.png'] = new Uint8Array([...PNG, 0])), true))).toBe('佐证材料“现场照片.png”（第 1 个）与报告包中的文件不一致，文件可能已被改动。');
    const edited = (change: (report: Record<string, unknown>) => void) => (files: Files) => {
      const value = json(files['progress.json']!);
      change(value);
      files['progress.json'] = packageJson(value);
    };
    expect(reason(tampered(edited((r) => ((r['items'] as { status: string }[])[0]!.status = '已兑现')), true))).toBe('ok');
    expect(reason(tampered(edited((r) => ((r['items'] as { status: string }[])[0]!.status = '已兑现'))))).not.toBe('ok');
    expect(reason(tampered(edited((r) => (r['submissionId'] = OWN_ID)), true))).toBe('进展报告包清单中的承诺书、单位、年度或报告期与进展报告不一致，文件可能已被篡改。');
    expect(reason(tampered((files) => (files['notes.txt'] = new Uint8Array([1]))))).toContain('不应有文件“notes.txt”');
    expect(reason(tampered((files) => (files['progress.pdf'] = PNG), true))).toBe('进展报告包中的 progress.pdf 不是 PDF 文件。');
    expect(reason(tampered((files) => delete files['evidence/2.pdf'], true))).not.toBe('ok');
    expect(reason(new Uint8Array([1, 2, 3]))).not.toBe('ok');
  });
});
