import { describe, expect, it } from 'vitest';
import { signPdfHandler } from '../../../host/signing/sign-pdf-handler';
import { pdfsig } from '../../core/pdf/pdf-tools';
import { makeTestP12 } from '../../core/pdf/test-signing';
import { testImage } from '../../node/signing/signing-fixture';
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
  it('returns the PDF signed in its field, which poppler verifies, and the signer the certificate names', async () => {
    const result = await signPdfHandler(request(), TIME);
    if (!result.ok) throw new Error(result.message);
    expect(result.signerName).toBe('王建华（测试）');
    expect(await pdfsig(new Uint8Array(Buffer.from(result.base64, 'base64')))).toContain('Signature Validation: Signature is Valid.');
  });

  it('refuses in Chinese, naming the file or the password that was wrong', async () => {
    expect(await signPdfHandler(request({ password: 'wrong' }), TIME)).toEqual({ ok: false, message: '证书密码不正确，无法打开 负责人.p12。' });
    expect(await signPdfHandler(request({ p12Base64: base64(new Uint8Array([1, 2, 3])) }), TIME)).toEqual({ ok: false, message: '负责人.p12 不是可用的数字证书文件（应为 PKCS#12 格式的 .p12 或 .pfx）。' });
    expect(await signPdfHandler(request({ signatureImage: { type: 'image/png', base64: base64(new Uint8Array([1, 2, 3])) } }), TIME)).toEqual({ ok: false, message: '签名图片或印章图片无法读取，请使用 PNG 或 JPEG 格式的图片。' });
    const signed = await signPdfHandler(request(), TIME);
    if (!signed.ok) throw new Error(signed.message);
    expect(await signPdfHandler(request({ pdfBase64: signed.base64 }), TIME)).toEqual({ ok: false, message: '承诺书.pdf 中没有空白的签名域：它不是本软件生成的承诺书，或已经签过章。' });
  });
});
