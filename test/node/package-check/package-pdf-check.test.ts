import { clip, endPath, popGraphicsState, pushGraphicsState, rectangle, rgb, setTextRenderingMode, StandardFonts, PDFDocument, TextRenderingMode } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { letterFromTemplate, TEMPLATE_KEYS } from '../../../core/letter/templates';
import { validateLetter } from '../../../core/letter/validate-letter';
import { findForeignDrawing } from '../../../core/package/pdf-drawing-check';
import { checkLetterPdf } from '../../../node/package-check/package-pdf-check';
import { PDF, PNG, renderedPdf } from '../../support/package-fixtures';

const letter = (() => {
  const validation = validateLetter(letterFromTemplate('service', { year: 2026 }), { allowSampleContent: true });
  if (!validation.ok) throw new Error('the template letter should be valid');
  return validation.letter;
})();

/**
 * The disguise of the security review: every page of the real letter.pdf kept as a form XObject
 * clipped to nothing, so its text is still there for a reader, and a picture of another letter drawn
 * over the page, which is what a person sees.
 */
async function disguised(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const source = await PDFDocument.load(PDF);
  const embedded = await doc.embedPdf(PDF, source.getPageIndices());
  const picture = await doc.embedPng(PNG);
  for (const page of embedded) {
    const target = doc.addPage([page.width, page.height]);
    target.pushOperators(pushGraphicsState(), rectangle(0, 0, 0, 0), clip(), endPath());
    target.drawPage(page);
    target.pushOperators(popGraphicsState());
    target.drawImage(picture, { x: 0, y: 0, width: page.width, height: page.height });
  }
  return doc.save({ useObjectStreams: false });
}

describe('checkLetterPdf: a page must show what its text says', () => {
  it('accepts the letter’s own PDF as the app renders it, for every template', async () => {
    expect(await checkLetterPdf(letter, PDF)).toBeNull();
    for (const key of TEMPLATE_KEYS) {
      const validation = validateLetter(letterFromTemplate(key, { year: 2026 }), { allowSampleContent: true });
      if (!validation.ok) throw new Error(`template ${key} should be valid`);
      expect({ key, reason: await checkLetterPdf(validation.letter, await renderedPdf(validation.letter)) }).toEqual({ key, reason: null });
    }
  });

  it('refuses a PDF whose text is the letter’s, hidden under a picture of something else', async () => {
    expect(await checkLetterPdf(letter, await disguised())).toMatch(/^报送包中的 letter\.pdf 第 1 页含有承诺书 PDF 不应有的内容（.+）/);
  });

  it('refuses invisible text (render mode 3) drawn by pdf-lib', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage();
    page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
    page.drawText('hidden', { font, x: 50, y: 700 });
    expect(await checkLetterPdf(letter, await doc.save())).toBe('报送包中的 letter.pdf 第 1 页有不可见或颜色过浅的文字，页面显示的可能不是其中的文字，已拒绝读取。');
  });

  it('refuses white text drawn by pdf-lib', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('hidden', { font, x: 50, y: 700, color: rgb(1, 1, 1) });
    expect(await checkLetterPdf(letter, await doc.save())).toMatch(/不可见或颜色过浅的文字/);
  });
});

describe('findForeignDrawing', () => {
  it('allows text and stroked rules, refuses fills, images, clipping and Type 3 fonts, naming the page', () => {
    const text = [{ name: 'beginText', args: [] }, { name: 'setFont', args: ['f1', 16] }, { name: 'showText', args: [] }, { name: 'endText', args: [] }];
    expect(findForeignDrawing([text, [{ name: 'constructPath', args: [] }, { name: 'stroke', args: [] }]], [])).toBeNull();
    expect(findForeignDrawing([text, [{ name: 'constructPath', args: [] }, { name: 'fill', args: [] }]], [])).toMatch(/第 2 页.*fill/);
    expect(findForeignDrawing([[{ name: 'paintImageXObject', args: [] }]], [])).toMatch(/paintImageXObject/);
    expect(findForeignDrawing([[{ name: 'clip', args: [] }]], [])).toMatch(/clip/);
    expect(findForeignDrawing([text], ['f1'])).toMatch(/Type3/);
    expect(findForeignDrawing([[{ name: 'setFillRGBColor', args: [40, 40, 40] }, ...text]], [])).toBeNull();
    expect(findForeignDrawing([[{ name: 'setFillRGBColor', args: [250, 250, 250] }, ...text]], [])).toMatch(/颜色过浅/);
  });
});
