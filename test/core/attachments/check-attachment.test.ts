import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_TOTAL_BYTES, sniffAttachmentType } from '../../../core/attachments/check-attachment';
import { megabytes } from '../../../core/i18n/format-size';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]);
const pdf = new TextEncoder().encode('%PDF-1.7\n%…');

describe('checkAttachment', () => {
  it('recognises scans and PDFs by their content, not their name', () => {
    expect(checkAttachment('扫描.pdf', png, 0)).toEqual({ ok: true, type: 'image/png' });
    expect(checkAttachment('scan.png', jpeg, 0)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkAttachment('signed', pdf, 0)).toEqual({ ok: true, type: 'application/pdf' });
  });

  it('refuses other files, naming them', () => {
    const docx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(checkAttachment('承诺书.jpg', docx, 0)).toEqual({ ok: false, message: '“承诺书.jpg”不是 PNG、JPEG 图片或 PDF 文件，未添加。' });
    expect(checkAttachment('空.png', new Uint8Array(0), 0)).toEqual({ ok: false, message: '“空.png”是空文件，未添加。' });
  });

  it('refuses the approved PDF itself as the signed copy, and says what to do instead', () => {
    const approvedSha256 = sha256Hex(pdf);
    expect(checkAttachment('承诺书.pdf', pdf, 0, approvedSha256)).toEqual({
      ok: false,
      message: '“承诺书.pdf”就是批准的 PDF 本身，上面没有签字和公章，未添加。请打印批准的 PDF，由负责人签字、加盖公章后扫描，再上传扫描件。',
    });
    // One byte different (re-saved, signed, scanned) is another file.
    expect(checkAttachment('签署件.pdf', Uint8Array.from([...pdf, 0x0a]), 0, approvedSha256)).toEqual({ ok: true, type: 'application/pdf' });
  });

  it('refuses a file over the per-file limit, with its size', () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(pdf);
    expect(checkAttachment('大.pdf', big, 0)).toEqual({ ok: false, message: '“大.pdf”有 20.0 MB，超过单个文件 20.0 MB 的上限，未添加。请降低扫描分辨率后重试。' });
    expect(checkAttachment('刚好.pdf', big.subarray(0, MAX_ATTACHMENT_BYTES), 0).ok).toBe(true);
  });

  it('refuses a file that would take the letter over the total limit', () => {
    const result = checkAttachment('第4页.png', png, MAX_ATTACHMENTS_TOTAL_BYTES - png.byteLength + 1);
    expect(result).toEqual({ ok: false, message: '添加“第4页.png”后签章件总大小将超过 60.0 MB，未添加。' });
    expect(checkAttachment('第4页.png', png, MAX_ATTACHMENTS_TOTAL_BYTES - png.byteLength).ok).toBe(true);
  });

  it('writes sizes in megabytes', () => {
    expect(megabytes(1572864)).toBe('1.5 MB');
  });
});

describe('sniffAttachmentType', () => {
  it('tells the type from the first bytes alone, whatever the size', () => {
    expect(sniffAttachmentType(png)).toBe('image/png');
    expect(sniffAttachmentType(jpeg)).toBe('image/jpeg');
    expect(sniffAttachmentType(pdf)).toBe('application/pdf');
    expect(sniffAttachmentType(Uint8Array.from([0x4d, 0x5a]))).toBeUndefined();
  });
});
