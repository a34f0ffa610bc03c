import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { PNG as Png } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkAttachment } from '../../../core/attachments/check-attachment';
import { pdfCopyContent } from '../../../core/attachments/pdf-copy-content';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { layoutLetter } from '../../../core/layout/layout-letter';
import { letterFromTemplate } from '../../../core/letter/templates';
import { buildPackage } from '../../../core/package/build-package';
import { createPackageChecker } from '../../../node/package-check/package-check';
import { loadNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import { p12Signer } from '../../../node/signing/p12-signer';
import { signPdf } from '../../../node/signing/sign-pdf';
import { SigningError } from '../../../node/signing/signer';
import { pdfsig, qpdfCheck, rasterise } from '../../core/pdf/pdf-tools';
import { makeTestP12 } from '../../core/pdf/test-signing';
import { packageInput, PDF } from '../../support/package-fixtures';
import { testImage } from './signing-fixture';

const TIME = new Date('2026-04-20T09:30:00+08:00');
const BLUE = [20, 20, 160] as const;
const RED = [220, 30, 30] as const;
const P12 = makeTestP12('test-pass');
const signer = p12Signer(P12, 'test-pass');
const images = { signatureImage: testImage(120, 40, BLUE), sealImage: testImage(90, 90, RED), signingTime: TIME };

describe('signing the approved PDF with a PKCS#12 certificate', () => {
  it('fills the existing field with a PAdES signature poppler verifies, and one changed byte breaks it', async () => {
    const signed = await signPdf(PDF, signer, images);
    expect((await qpdfCheck(signed)).ok).toBe(true);
    const report = await pdfsig(signed);
    expect(report).toContain('Signature Field Name: PrincipalSignature');
    expect(report).toContain('Signer Certificate Common Name: 王建华（测试）');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report.match(/Signature #/g)).toHaveLength(1);

    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Type /Page');
    tampered[at + 10] = 'f'.charCodeAt(0);
    expect(await pdfsig(tampered)).not.toContain('Signature is Valid.');
  }, 60_000);

  it('shows the signature image in the signing space and the seal over unit and date, instead of the guides', async () => {
    const signed = await signPdf(PDF, signer, images);
    const plan = layoutLetter(letterFromTemplate('service', { year: 2026 }), (await loadNodeDocumentFonts()).metrics);
    const { field, seal } = plan.signature;
    if (!seal) throw new Error('a unit letter has a seal');
    const page = (await rasterise(signed, 72))[plan.signature.page] as Png;
    const near = (x: number, y: number, colour: readonly number[]) => {
      const i = (Math.round(plan.height - y) * page.width + Math.round(x)) * 4;
      return colour.every((c, k) => Math.abs((page.data[i + k] as number) - c) < 30);
    };
    expect(near(field.x + field.width / 2, field.y + field.height / 2, BLUE)).toBe(true);
    expect(near(seal.cx, seal.cy, RED)).toBe(true);

    const doc = await PDFDocument.load(signed);
    const subtypes = doc.getPage(plan.signature.page).node.Annots()!.asArray().map((ref) => doc.context.lookup(ref, PDFDict).get(PDFName.of('Subtype'))?.toString());
    expect(subtypes).toEqual(['/Widget']);
  }, 60_000);

  it('is accepted as the signed copy, by the app and by the platform’s package check', async () => {
    const signed = await signPdf(PDF, signer, images);
    expect(await pdfCopyContent(signed)).toEqual({ signature: true, images: true });
    expect(checkAttachment('signed.pdf', signed, 0, sha256Hex(PDF))).toEqual({ ok: true, type: 'application/pdf' });
    const checker = createPackageChecker({ readPdfText: true });
    try {
      expect(await checker.check(buildPackage(packageInput({ signed: [{ name: 'signed.pdf', bytes: signed }] })))).toMatchObject({ ok: true });
    } finally {
      await checker.close();
    }
  }, 60_000);

  it('works without a seal image, e.g. for a personal letter', async () => {
    const signed = await signPdf(PDF, signer, { signatureImage: images.signatureImage, signingTime: TIME });
    expect(await pdfsig(signed)).toContain('Signature Validation: Signature is Valid.');
  }, 60_000);

  it('refuses a wrong password, a file that is no certificate, a signed PDF and an image that is neither PNG nor JPEG', async () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof SigningError ? error.code : String(error);
      }
      return 'no error';
    };
    const asyncCode = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: unknown) => (error instanceof SigningError ? error.code : String(error)));
    expect(code(() => p12Signer(P12, 'wrong'))).toBe('p12-password');
    expect(code(() => p12Signer(new TextEncoder().encode('not a certificate'), 'x'))).toBe('p12-unreadable');
    const signed = await signPdf(PDF, signer, images);
    expect(await asyncCode(signPdf(signed, signer, images))).toBe('no-empty-field');
    expect(await asyncCode(signPdf(new TextEncoder().encode('%PDF-1.7 broken'), signer, images))).toBe('not-pdf');
    expect(await asyncCode(signPdf(PDF, signer, { ...images, sealImage: new TextEncoder().encode('GIF89a') }))).toBe('image-unreadable');
  }, 60_000);
});
