import { PDFDocument, PDFName, rgb } from 'pdf-lib';
import { t } from '../i18n/translate';
import { PAGE } from '../layout/page-geometry';
import type { DocumentFonts } from '../pdf/document-fonts';
import { createTextDocument, describeDocument, drawRuns, embedFaces, saveDocument } from '../pdf/text-document';
import { blankPageLine, layoutCoverSheet, type CoverRow } from './cover-sheet';
import { batchKeyOf, encodePageCode, type PageCode } from './page-code';
import { embedMarkFont, stampPageCode } from './page-code-mark';
import { printSequence } from './print-sequence';

/** One approved letter of the batch, in the order the cover lists it. */
export interface PrintLetter {
  /** The draft's id: what the split of the scan answers with. */
  readonly key: string;
  readonly name: string;
  readonly position: string;
  readonly department?: string | undefined;
  /** The approved PDF: copied as it is, never changed. */
  readonly pdf: Uint8Array;
}

export interface PrintFileInput {
  readonly batchId: string;
  /** What the letters are, e.g. 2026年度公职人员履职尽责承诺书. */
  readonly title: string;
  readonly unitName: string;
  readonly letters: readonly PrintLetter[];
}

/** Where each letter is in the print file: what the split of a scan needs besides the batch id. */
export interface PrintedLetter {
  readonly key: string;
  /** 序号 on the cover, 1-based. */
  readonly letterNo: number;
  readonly pages: number;
  /** Its first page in the file, 1-based. */
  readonly firstPage: number;
}

export interface PrintFile {
  readonly bytes: Uint8Array;
  readonly batchKey: string;
  readonly letters: readonly PrintedLetter[];
  /** Every page of the file by its code, in order. */
  readonly pages: readonly PageCode[];
}

const RULE = rgb(0.35, 0.35, 0.35);

/**
 * The batch's one file to print for signatures: a cover sheet (封面/签字清单) listing every letter
 * with its pages and a column to sign, then each approved letter in full, each starting on an odd
 * page (duplex printers), with a blank page (此页无正文) where one is needed. Every page carries its
 * page code (page-code.ts) in the footer as a print mark, so the signed scan can be split back;
 * the letters' own PDFs are not changed. The same input gives the same bytes.
 *
 * @example const { bytes, letters } = await buildPrintFile({ batchId, title, unitName, letters: approved }, fonts);
 */
export async function buildPrintFile(input: PrintFileInput, fonts: DocumentFonts): Promise<PrintFile> {
  if (input.letters.length === 0) throw new Error('buildPrintFile: a print file needs at least one letter');
  const batchKey = batchKeyOf(input.batchId);
  const sources = await Promise.all(input.letters.map((letter) => PDFDocument.load(letter.pdf, { updateMetadata: false })));
  const pages = printSequence(batchKey, sources.map((source) => source.getPageCount()));

  const printed: PrintedLetter[] = [];
  pages.forEach((code, i) => {
    if (code.kind === 'letter' && code.page === 1) printed.push({ key: input.letters[code.letterNo - 1]?.key ?? '', letterNo: code.letterNo, pages: code.pages, firstPage: i + 1 });
  });
  const rows: CoverRow[] = input.letters.map((letter, i) => {
    const at = printed[i] as PrintedLetter;
    return { name: letter.name, position: letter.position, department: letter.department, firstPage: at.firstPage, lastPage: at.firstPage + at.pages - 1 };
  });
  const cover = layoutCoverSheet({ title: input.title, unitName: input.unitName, rows }, fonts.metrics);
  const blank = blankPageLine(fonts.metrics);

  const doc = await createTextDocument(fonts.deflate);
  const faces = await embedFaces(doc, [...cover.flatMap((page) => page.lines.flatMap((line) => line.runs)), ...blank.runs], fonts, 'subset');
  const markFont = await embedMarkFont(doc);
  const copied = await Promise.all(sources.map((source) => doc.copyPages(source, source.getPageIndices())));

  for (const code of pages) {
    const page =
      code.kind === 'letter'
        ? doc.addPage(copied[code.letterNo - 1]?.[code.page - 1] ?? failMissingPage(code))
        : doc.addPage([PAGE.width, PAGE.height]);
    if (code.kind === 'letter') {
      // The copy is for paper: the empty signature field of the approved PDF would only offer to be signed on screen.
      page.node.delete(PDFName.of('Annots'));
    } else if (code.kind === 'cover') {
      const sheet = cover[code.page - 1];
      if (sheet) {
        drawRuns(page, sheet.lines.flatMap((line) => line.runs), faces);
        for (const rule of sheet.rules) page.drawLine({ start: { x: rule.x1, y: rule.y1 }, end: { x: rule.x2, y: rule.y2 }, thickness: 0.6, color: RULE });
      }
    } else {
      drawRuns(page, blank.runs, faces);
    }
    stampPageCode(page, encodePageCode(code), markFont);
  }

  describeDocument(doc, {
    title: t('batch-print.document.title', { title: input.title }),
    author: input.unitName,
    subject: t('batch-print.document.subject', { unit: input.unitName, title: input.title, count: input.letters.length }),
    // The letters' own date (成文日期), never the clock: the same letters give the same file.
    date: sources[0]?.getCreationDate() ?? new Date(0),
  });
  return { bytes: await saveDocument(doc), batchKey, letters: printed, pages };
}

function failMissingPage(code: PageCode): never {
  throw new Error(`buildPrintFile: no copied page for ${encodePageCode(code)}`);
}
