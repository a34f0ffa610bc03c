import { AnnotationMode, getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfOperation } from '../../core/package/pdf-drawing-check';

const OPERATION_NAMES = new Map<number, string>(Object.entries(OPS).map(([name, code]) => [code, name]));

export interface PdfPages {
  /** The text of each page. */
  readonly texts: string[];
  /** What each page draws, by pdf.js operator name (annotations left out: they are not the page). */
  readonly operations: PdfOperation[][];
  /** Fonts the pages use that are Type 3 (glyphs drawn by arbitrary content streams), by pdf.js name. */
  readonly type3Fonts: string[];
}

/**
 * The text and drawing operations of each page of a PDF as pdf.js reads them, a reader
 * independent of the pdf-lib that wrote it. Throws for bytes pdf.js cannot open as a PDF.
 */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  // pdf.js detaches the buffer it is given; fonts are never loaded, only their text mapping read.
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 }).promise;
  try {
    const texts: string[] = [];
    const operations: PdfOperation[][] = [];
    const type3Fonts = new Set<string>();
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      const pageOperations = list.fnArray.map((code, i): PdfOperation => ({ name: OPERATION_NAMES.get(code) ?? String(code), args: Array.from((list.argsArray[i] as ArrayLike<unknown> | null) ?? []) }));
      for (const { name, args } of pageOperations) {
        if (name !== 'setFont') continue;
        const font = page.commonObjs.has(String(args[0])) ? (page.commonObjs.get(String(args[0])) as { isType3Font?: boolean }) : undefined;
        if (font?.isType3Font) type3Fonts.add(String(args[0]));
      }
      operations.push(pageOperations);
    }
    return { texts, operations, type3Fonts: [...type3Fonts] };
  } finally {
    await document.destroy();
  }
}
