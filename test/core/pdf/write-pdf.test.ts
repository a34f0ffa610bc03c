import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { layoutLetter } from '../../../core/layout/layout-letter';
import { validateLetter } from '../../../core/letter/validate-letter';
import { compressedStreams, deflateOf } from '../../../core/pdf/deferred-streams';
import { drawDraftWatermark } from '../../../core/pdf/draft-watermark';
import { planRuns } from '../../../core/pdf/render-plan';
import { renderLetterPdfs } from '../../../core/pdf/render-letters';
import { addEmptySignatureField, addSigningGuides } from '../../../core/pdf/signature-field';
import { createTextDocument, describeDocument, drawRuns, embedFaces } from '../../../core/pdf/text-document';
import { writePdf } from '../../../core/pdf/write-pdf';
import { staffLetter, type StaffLetterBase } from '../../../core/staff/staff-letter';
import { documentFonts } from './fonts-fixture';
import { pdfjsPageTexts, qpdfCheck, withTempDir } from './pdf-tools';

/**
 * core/pdf/write-pdf.ts writes what pdf-lib's own save would, compressed by the program's deflate:
 * the same objects (qpdf's normalised form of both files is byte for byte the same), dictionaries
 * packed into compressed object streams, a compressed cross-reference stream.
 */
const exec = promisify(execFile);

const BASE: StaffLetterBase = {
  year: 2026,
  date: '2026-04-20',
  unit: { name: '青山县临江镇人民政府', creditCode: '11239921003582149J' },
  supervision: { phone: '0458-6123400', email: 'xinyong@linjiang.gov.cn' },
};

/** qpdf's QDF form: every object uncompressed, one per line group, in a fixed order. */
async function normalised(bytes: Uint8Array): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const [from, to] = [join(dir, 'in.pdf'), join(dir, 'out.pdf')];
    await writeFile(from, bytes);
    await exec('qpdf', ['--qdf', '--object-streams=disable', '--static-id', from, to]);
    return readFile(to);
  });
}

/** A personal letter's document built as renderPlan builds it, with the draft mark, before it is written. */
async function builtLetter() {
  const fonts = await documentFonts();
  const valid = validateLetter(staffLetter(BASE, { row: 2, name: '钱雨桐', position: '便民服务中心窗口工作人员', department: '便民服务中心', postType: 'window' }), { allowSampleContent: true });
  if (!valid.ok) throw new Error('the fixture is valid');
  const plan = layoutLetter(valid.letter, fonts.metrics);
  const doc = await createTextDocument(fonts.deflate);
  const faces = await embedFaces(doc, planRuns(plan, fonts, { draft: true }), fonts, 'subset');
  for (const planPage of plan.pages) {
    const page = doc.addPage([plan.width, plan.height]);
    drawDraftWatermark(page, faces, fonts.metrics.title);
    drawRuns(page, planPage.lines.flatMap((line) => line.runs), faces);
  }
  const signaturePage = doc.getPage(plan.signature.page);
  addEmptySignatureField(doc, signaturePage, plan.signature.field, '负责人签字');
  // The guides' appearances are pdf-lib content streams, which pdf-lib would compress itself.
  addSigningGuides(doc, signaturePage, plan.signature.field, plan.signature.seal);
  describeDocument(doc, { ...plan.info, date: new Date(Date.UTC(2026, 3, 20)) });
  await doc.flush();
  await compressedStreams(doc);
  return doc;
}

describe('writePdf', () => {
  it('writes the objects pdf-lib’s save writes', async () => {
    const doc = await builtLetter();
    const ours = await writePdf(doc.context, deflateOf(doc));
    const theirs = await doc.save({ useObjectStreams: true });
    expect((await qpdfCheck(ours)).ok).toBe(true);
    expect((await normalised(ours)).equals(await normalised(theirs))).toBe(true);
    expect(ours.length).toBeLessThan(theirs.length * 1.02);
  }, 60_000);

  it('packs the dictionaries into compressed object streams, and compresses the cross-reference stream and every content stream', async () => {
    const doc = await builtLetter();
    const bytes = await writePdf(doc.context, deflateOf(doc));
    const file = Buffer.from(bytes).toString('latin1');
    // Written outside an object stream, a dictionary would show its keys in the file.
    expect(file).not.toMatch(/\/Type\s*\/(Font|Page|Catalog|Annot)\b/);
    expect(file).toMatch(/\/Type\s*\/ObjStm/);
    expect(file).toMatch(/\/Type\s*\/XRef/);
    const streams = file.match(/<<[^]*?>>\s*stream/g) ?? [];
    expect(streams.length).toBeGreaterThan(5);
    // The signature field's appearance is empty: nothing to compress.
    for (const dict of streams.filter((d) => !/\/Length 0\b/.test(d))) expect(dict, dict).toMatch(/\/Filter\s*\/FlateDecode/);
  }, 60_000);

  it('gives a letter of a run that qpdf accepts and whose text pdf.js reads back', async () => {
    const fonts = await documentFonts();
    const names = ['赵一鸣', '钱雨桐', '孙嘉懿'];
    const letters = names.map((name, i) => staffLetter(BASE, { row: i + 2, name, position: '科员', department: '', postType: 'other' }));
    const pdfs: Uint8Array[] = [];
    for await (const result of renderLetterPdfs(letters, fonts)) if (result.ok) pdfs.push(result.bytes);
    expect(pdfs).toHaveLength(3);
    const check = await qpdfCheck(pdfs[2] as Uint8Array);
    expect(check.ok, check.output).toBe(true);
    const text = (await pdfjsPageTexts(pdfs[2] as Uint8Array)).join('');
    expect(text).toContain('孙嘉懿');
    expect(text).toContain('青山县临江镇人民政府');
  }, 60_000);
});
