import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { SIGNATURE_FIELD_NAME } from '../../../core/pdf/signature-field';
import { PDF, PNG } from '../../support/package-fixtures';
import { makeTestP12, preparePdfForSigning } from '../pdf/test-signing';

/** What a scanner makes: a page that is one image. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawImage(await doc.embedPng(PNG), { x: 0, y: 0, width: 595, height: 842 });
  return doc.save();
}

/** The letter's PDF signed digitally in its own field, as a signing tool would. */
export async function digitallySignedPdf(): Promise<Uint8Array> {
  const at = new Date('2026-04-20T09:30:00+08:00');
  return new Uint8Array(await new SignPdf().sign(await preparePdfForSigning(PDF, SIGNATURE_FIELD_NAME, at), new P12Signer(makeTestP12('p'), { passphrase: 'p' }), at));
}
