import { describe, expect, it } from 'vitest';
import { signPdfHandler } from '../../../host/signing/sign-pdf-handler';
import { pdfsig } from '../../core/pdf/pdf-tools';
import { makeTestP12 } from '../../core/pdf/test-signing';
import { testImage, testJpeg } from '../../node/signing/signing-fixture';
import { PDF } from '../../support/package-fixtures';

const TIME = new Date('2026-04-20T09:30:00+08:00');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const request = (overrides: Partial<Parameters<typeof signPdfHandler>[0]> = {}) => ({
  pdfName: '承诺书.pdf',
  p12Name: '负责人.p12',
  pdfBase64: base64(PDF),
  p12Base64: base64(makeTestP12('right')),
  password: 'right',
  signatureImage: { type: 'image/png' as const, base64: base64(testImage(120, 40, [20, 20, 160])) },
  ...overrides,
});

describe('signing.signPdf', () => {
  it('checks the images as the unit profile does, whatever the caller sent: a seal too small to read is refused by name', async () => {
    expect(await signPdfHandler(request({ sealImage: { type: 'image/png', base64: base64(testImage(40, 8, [220, 30, 30])) } }), TIME)).toEqual({
      ok: false,
      message: '“单位印章图片”只有 40×8 像素，签名图片和印章图片每边至少要 16 像素。',
    });
  });

  it('refuses a PNG cut short before pdf-lib sees it (pdf-lib would never return), and passes on pdf-lib\'s refusal of one it cannot decode', async () => {
    const png = testImage(120, 40, [20, 20, 160]);
    expect(await signPdfHandler(request({ sealImage: { type: 'image/png', base64: base64(png.slice(0, 60)) } }), TIME)).toEqual({ ok: false, message: '无法读取“单位印章图片”：图片不完整或已损坏。' });
    // Whole chunks, but image data that does not inflate.
    const garbled = png.slice();
    const idat = Buffer.from(garbled).indexOf('IDAT');
    garbled.fill(0, idat + 4, idat + 4 + new DataView(garbled.buffer).getUint32(idat - 4));
    expect(await signPdfHandler(request({ sealImage: { type: 'image/png', base64: base64(garbled) } }), TIME)).toEqual({ ok: false, message: '签名图片或印章图片无法读取，请使用 PNG 或 JPEG 格式的图片。' });
  });

  it('signs with a JPEG seal', async () => {
    const result = await signPdfHandler(request({ sealImage: { type: 'image/jpeg', base64: base64(await testJpeg(90, 90, [220, 30, 30])) } }), TIME);
    if (!result.ok) throw new Error(result.message);
    expect(await pdfsig(new Uint8Array(Buffer.from(result.base64, 'base64')))).toContain('Signature Validation: Signature is Valid.');
  });

  it('returns the PDF signed in its field, which poppler verifies, and the signer the certificate names', async () => {
    const result = await signPdfHandler(request(), TIME);
    if (!result.ok) throw new Error(result.message);
    expect(result.signerName).toBe('王建华（测试）');
    expect(await pdfsig(new Uint8Array(Buffer.from(result.base64, 'base64')))).toContain('Signature Validation: Signature is Valid.');
  });

  it('refuses in Chinese, naming the file or the password that was wrong', async () => {
    expect(await signPdfHandler(request({ password: 'wrong' }), TIME)).toEqual({ ok: false, message: '证书密码不正确，无法打开 负责人.p12。' });
    expect(await signPdfHandler(request({ p12Base64: base64(new Uint8Array([1, 2, 3])) }), TIME)).toEqual({ ok: false, message: '负责人.p12 不是可用的数字证书文件（应为 PKCS#12 格式的 .p12 或 .pfx）。' });
    expect(await signPdfHandler(request({ signatureImage: { type: 'image/png', base64: base64(new Uint8Array([1, 2, 3])) } }), TIME)).toEqual({ ok: false, message: '“负责人签名图片”不是 PNG 或 JPEG 图片。' });
    const signed = await signPdfHandler(request(), TIME);
    if (!signed.ok) throw new Error(signed.message);
    expect(await signPdfHandler(request({ pdfBase64: signed.base64 }), TIME)).toEqual({ ok: false, message: '承诺书.pdf 中没有空白的签名域：它不是本软件生成的承诺书，或已经签过章。' });
  });
});
