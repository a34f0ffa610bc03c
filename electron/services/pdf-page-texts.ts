import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF as pdf.js reads it, a reader independent of the pdf-lib that
 * wrote it. Throws for bytes pdf.js cannot open as a PDF.
 */
export async function readPdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  // pdf.js detaches the buffer it is given; fonts are never loaded, only their text mapping read.
  const document = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n += 1) {
      const content = await (await document.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
