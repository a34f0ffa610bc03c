import { buildPrintFile, type PrintFile, type PrintLetter } from '../../../core/batch-print/print-file';
import { personTemplateLetter } from '../../../core/letter/templates';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { documentFonts, fixtureLetters } from '../pdf/fonts-fixture';

/** Invented staff of the templates' sample township; the long one tests a cell too narrow for its text. */
const STAFF = [
  { name: '张晓', position: '窗口服务人员', department: '便民服务中心' },
  { name: '李建国', position: '综合行政执法大队第一中队执法队员兼副中队长', department: '综合行政执法大队第一中队（临江镇综合执法办公室）' },
  { name: '欧阳明月', position: '科员' },
  { name: '王磊', position: '副镇长', department: '党政综合办公室' },
] as const;

export const BATCH_ID = 'b6f1c2b9-4d3a-4f7e-9b21-5a8c0d7e6f12';
export const TITLE = '2026年度公职人员履职尽责承诺书';
export const UNIT = '青山县临江镇人民政府';

let letters: Promise<PrintLetter[]> | undefined;

/**
 * Four rendered letters of 2, 1, several and 2 pages: a blank page follows the cover and the
 * one-page and odd letters, none the last.
 */
export function printLetters(): Promise<PrintLetter[]> {
  letters ??= (async () => {
    const fonts = await documentFonts();
    const fixtures = fixtureLetters();
    const inputs = [personTemplateLetter('window', { year: 2026 }), fixtures['minimal'], fixtures['long'], personTemplateLetter('enforcement', { year: 2026 })];
    return Promise.all(
      inputs.map(async (input, i) => {
        const result = await renderLetterPdf(input, fonts);
        if (!result.ok) throw new Error(`fixture letter ${i} does not render`);
        return { key: `draft-${i + 1}`, ...STAFF[i]!, pdf: result.bytes };
      }),
    );
  })();
  return letters;
}

let file: Promise<PrintFile> | undefined;

export function printFile(): Promise<PrintFile> {
  file ??= (async () => buildPrintFile({ batchId: BATCH_ID, title: TITLE, unitName: UNIT, letters: await printLetters() }, await documentFonts()))();
  return file;
}
