import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../core/package/build-package';
import { validateProgress } from '../../core/progress/validate-progress';
import { verifyProgressPackage } from '../../core/progress/verify-progress-package';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { pdftotext, qpdfCheck, squeeze } from '../core/pdf/pdf-tools';
import { unitLetter } from '../core/records/record-letters';
import { packageInput, PNG, renderedPdf } from '../support/package-fixtures';
import { runCli } from './run-cli';

const ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
const letter = unitLetter();
const run = (...argv: string[]) => runCli(argv, new Date('2026-07-02T09:00:00+08:00'));

let dir: string;
let zip: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-progress-'));
  zip = join(dir, 'letter.zip');
  await writeFile(zip, buildPackage(packageInput({ letter, pdf: await renderedPdf(letter), submissionId: ID })));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readReport = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as { items: { status: string; note: string }[]; period: string; submissionId: string };

describe('pledge progress new', () => {
  it('writes a report of the package’s letter with every item under items, each with a status and a note to fill', async () => {
    for (const period of ['2026-06', '2026-Q2', '2026']) {
      const out = join(dir, `p-${period}.json`);
      const result = await run('progress', 'new', zip, '--period', period, '-o', out);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(`${letter.items.length} 项承诺事项，报告期 ${period}`);
      const report = await readReport(out);
      expect(report).toMatchObject({ period, submissionId: ID });
      expect(report.items).toHaveLength(letter.items.length);
      for (const item of report.items) expect(item).toMatchObject({ status: '未启动', note: '' });
      expect(validateProgress(report).ok).toBe(true);
    }
  });

  it('carries a filled report forward with --from, and never writes over one without --force', async () => {
    const may = join(dir, 'may.json');
    expect((await run('progress', 'new', zip, '--period', '2026-05', '-o', may)).code).toBe(0);
    const filled = await readReport(may);
    filled.items[0] = { ...filled.items[0]!, status: '推进中', note: '方案已印发' };
    await writeFile(may, JSON.stringify(filled));
    const again = await run('progress', 'new', zip, '--period', '2026-05', '-o', may);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining('已存在') });
    expect((await readReport(may)).items[0]).toMatchObject({ note: '方案已印发' });
    const june = join(dir, 'june.json');
    expect((await run('progress', 'new', zip, '--period', '2026-06', '--from', may, '-o', june)).code).toBe(0);
    expect((await readReport(june)).items[0]).toMatchObject({ status: '推进中', note: '方案已印发' });
  });

  it('refuses a bad period, another year, a missing -o and a broken package, in Chinese', async () => {
    expect(await run('progress', 'new', zip, '--period', '2026-13', '-o', join(dir, 'x.json'))).toMatchObject({ code: 2, stderr: expect.stringContaining('“2026-13”') });
    expect(await run('progress', 'new', zip, '--period', '2025-Q4', '-o', join(dir, 'x.json'))).toMatchObject({ code: 2, stderr: '报告期“2025-Q4”不在承诺书的 2026 年度内。\n' });
    expect(await run('progress', 'new', zip, '--period', '2026')).toMatchObject({ code: 2, stderr: expect.stringContaining('-o') });
    expect(await run('progress')).toMatchObject({ code: 2, stderr: expect.stringContaining('pledge progress new') });
    const broken = join(dir, 'broken.zip');
    await writeFile(broken, 'not a zip');
    expect(await run('progress', 'new', broken, '--period', '2026', '-o', join(dir, 'x.json'))).toMatchObject({ code: 1, stdout: expect.stringContaining('报送包未通过校验') });
    await expect(readFile(join(dir, 'x.json'))).rejects.toThrow();
  });
});

describe('pledge progress pack', () => {
  it('packs a filled report with its PDF and evidence into a package that verifies, each file tied to its item', async () => {
    const file = join(dir, 'q2.json');
    expect((await run('progress', 'new', zip, '--period', '2026-Q2', '-o', file)).code).toBe(0);
    const report = JSON.parse(await readFile(file, 'utf8')) as { items: Record<string, unknown>[] };
    report.items[0] = { ...report.items[0], status: '推进中', note: '已完成招标，正在施工。' };
    await writeFile(file, JSON.stringify(report));
    const photo = join(dir, '现场照片.png');
    await writeFile(photo, PNG);
    const out = join(dir, 'q2.zip');
    const result = await run('progress', 'pack', file, '--evidence', `1=${photo}`, '-o', out);
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: `已生成进展报告包 ${out}（含进展报告 PDF 和 1 个佐证材料）。可用 pledge send 报送。\n` });
    const check = verifyProgressPackage(new Uint8Array(await readFile(out)));
    if (!check.ok) throw new Error(check.reason);
    expect(check.manifest.letterSubmissionId).toBe(ID);
    expect(check.report.evidence).toEqual([{ name: '现场照片.png', sha256: sha256Hex(PNG), size: PNG.length, item: 1 }]);
    const pdf = check.files.get('progress.pdf')!;
    expect((await qpdfCheck(pdf)).ok).toBe(true);
    expect(squeeze(await pdftotext(pdf))).toContain(squeeze('已完成招标，正在施工。'));
  });

  it('marks only the files given with --public-evidence as published on the public column', async () => {
    const file = join(dir, 'q3.json');
    expect((await run('progress', 'new', zip, '--period', '2026-Q3', '-o', file)).code).toBe(0);
    const photo = join(dir, '公开照片.png');
    const memo = join(dir, '内部照片.png');
    await writeFile(photo, PNG);
    await writeFile(memo, PNG);
    const out = join(dir, 'q3.zip');
    expect((await run('progress', 'pack', file, '--evidence', memo, '--public-evidence', `1=${photo}`, '-o', out)).code).toBe(0);
    const check = verifyProgressPackage(new Uint8Array(await readFile(out)));
    if (!check.ok) throw new Error(check.reason);
    expect(check.report.evidence).toEqual([
      { name: '内部照片.png', sha256: sha256Hex(PNG), size: PNG.length },
      { name: '公开照片.png', sha256: sha256Hex(PNG), size: PNG.length, item: 1, public: true },
    ]);
  });

  it('lists a report’s problems (exit 1) and refuses evidence that is not an image or a PDF, naming it', async () => {
    const file = join(dir, 'bad.json');
    expect((await run('progress', 'new', zip, '--period', '2026-06', '-o', file)).code).toBe(0);
    const report = JSON.parse(await readFile(file, 'utf8')) as { items: Record<string, unknown>[] };
    report.items[1] = { ...report.items[1], status: '已调整' };
    await writeFile(file, JSON.stringify(report));
    expect(await run('progress', 'pack', file, '-o', join(dir, 'bad.zip'))).toMatchObject({ code: 1, stdout: expect.stringContaining('第 2 项承诺事项的履行状态为“已调整”，请写明调整原因。') });
    const good = join(dir, 'good.json');
    expect((await run('progress', 'new', zip, '--period', '2026-07', '-o', good)).code).toBe(0);
    const doc = join(dir, '总结.docx');
    await writeFile(doc, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]));
    expect(await run('progress', 'pack', good, '--evidence', doc, '-o', join(dir, 'doc.zip'))).toMatchObject({ code: 1, stdout: expect.stringContaining('总结.docx') });
    await expect(readFile(join(dir, 'doc.zip'))).rejects.toThrow();
  });
});
