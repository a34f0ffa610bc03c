import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument, PDFSignature } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { SIGNATURE_FIELD_NAME } from '../../../core/pdf/signature-field';
import { letterFromTemplate } from '../../../core/letter/templates';
import { documentFonts } from './fonts-fixture';
import { pdfsig, qpdfCheck } from './pdf-tools';
import { makeTestP12, preparePdfForSigning } from './test-signing';

async function letterPdf(): Promise<{ bytes: Uint8Array; page: number; field: { x: number; y: number; width: number; height: number } }> {
  const result = await renderLetterPdf(letterFromTemplate('key-task', { year: 2026 }), await documentFonts());
  if (!result.ok) throw new Error('render failed');
  return { bytes: result.bytes, page: result.plan.signature.page, field: result.plan.signature.field };
}

describe('the letter is signable', () => {
  it('has one empty signature field over the principal’s signing place', async () => {
    const { bytes, page, field } = await letterPdf();
    const form = (await PDFDocument.load(bytes)).getForm();
    const fields = form.getFields();
    expect(fields.map((f) => [f.getName(), f instanceof PDFSignature])).toEqual([[SIGNATURE_FIELD_NAME, true]]);
    const [widget] = fields[0]?.acroField.getWidgets() ?? [];
    const rect = widget?.getRectangle();
    expect(rect?.x).toBeCloseTo(field.x, 2);
    expect(rect?.y).toBeCloseTo(field.y, 2);
    expect(rect?.width).toBeCloseTo(field.width, 2);
    expect(page).toBe(1);
    const report = await pdfsig(bytes);
    expect(report).toContain(`Signature Field Name: ${SIGNATURE_FIELD_NAME}`);
    expect(report).toContain('The signature form field is not signed.');
  });

  it('signs in that field with a PKCS#12 certificate and poppler verifies the signature', async () => {
    const { bytes } = await letterPdf();
    const signingTime = new Date('2026-04-20T09:30:00+08:00');
    const prepared = await preparePdfForSigning(bytes, SIGNATURE_FIELD_NAME, signingTime);
    const signed = await new SignPdf().sign(prepared, new P12Signer(makeTestP12('test-pass'), { passphrase: 'test-pass' }), signingTime);
    expect((await qpdfCheck(signed)).ok).toBe(true);
    const report = await pdfsig(signed);
    expect(report).toContain(`Signature Field Name: ${SIGNATURE_FIELD_NAME}`);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');

    // A changed byte inside the signed range must break it.
    const tampered = Buffer.from(signed);
    tampered.write('/Type /Pagf', tampered.indexOf('/Type /Page'), 'latin1');
    expect(await pdfsig(tampered)).not.toContain('Signature is Valid.');
    const reloaded = await PDFDocument.load(signed);
    expect(reloaded.getForm().getFields().map((f) => f.getName())).toEqual([SIGNATURE_FIELD_NAME]);
  }, 60_000);
});
