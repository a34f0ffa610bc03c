import { describe, expect, it } from 'vitest';
import { pdfCopyContent } from '../../../core/attachments/pdf-copy-content';
import { PDF } from '../../support/package-fixtures';
import { digitallySignedPdf, scannedPdf } from './copy-fixtures';

describe('pdfCopyContent', () => {
  it('finds neither a signature nor an image in the approved letter PDF (its signature field is empty)', async () => {
    expect(await pdfCopyContent(PDF)).toEqual({ signature: false, images: false });
  });

  it('finds the images of a scan', async () => {
    expect(await pdfCopyContent(await scannedPdf())).toEqual({ signature: false, images: true });
  });

  it('finds a digital signature made in the letter’s own field', async () => {
    expect(await pdfCopyContent(await digitallySignedPdf())).toEqual({ signature: true, images: false });
  });

  it('finds nothing in a PDF it cannot read', async () => {
    expect(await pdfCopyContent(new TextEncoder().encode('%PDF-1.7\nnot really'))).toEqual({ signature: false, images: false });
  });
});
