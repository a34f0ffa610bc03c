import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFSignature } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { SIGNATURE_FIELD_NAME } from '../../../core/pdf/signature-field';
import { letterFromTemplate } from '../../../core/letter/templates';
import { documentFonts } from './fonts-fixture';
import { pdfsig, qpdfCheck, withTempDir } from './pdf-tools';
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
    await withTempDir(async (dir) => {
      const file = join(dir, 'unsigned.pdf');
      await writeFile(file, bytes);
      const report = await pdfsig(file);
      expect(report).toContain(`Signature Field Name: ${SIGNATURE_FIELD_NAME}`);
      expect(report).toContain('The signature form field is not signed.');
    });
  });

  it('signs in that field with a PKCS#12 certificate and poppler verifies the signature', async () => {
    const { bytes } = await letterPdf();
    const signingTime = new Date('2026-04-20T09:30:00+08:00');
    const prepared = await preparePdfForSigning(bytes, SIGNATURE_FIELD_NAME, signingTime);
    const signed = await new SignPdf().sign(prepared, new P12Signer(makeTestP12('test-pass'), { passphrase: 'test-pass' }), signingTime);
    expect((await qpdfCheck(signed)).ok).toBe(true);
    await withTempDir(async (dir) => {
      const file = join(dir, 'signed.pdf');
      await writeFile(file, signed);
      const report = await pdfsig(file);
      expect(report).toContain(`Signature Field Name: ${SIGNATURE_FIELD_NAME}`);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Total document signed');

      // A changed byte inside the signed range must break it.
      const tampered = Buffer.from(signed);
      const at = tampered.indexOf('/Type /Page');
      tampered.write('/Type /Pagf', at, 'latin1');
      const tamperedFile = join(dir, 'tampered.pdf');
      await writeFile(tamperedFile, tampered);
      expect(await pdfsig(tamperedFile)).not.toContain('Signature is Valid.');
    });
    const reloaded = await PDFDocument.load(signed);
    expect(reloaded.getForm().getFields().map((f) => f.getName())).toEqual([SIGNATURE_FIELD_NAME]);
  }, 60_000);
});
