import { describe, expect, it } from 'vitest';
import { checkSigningImage, MAX_SIGNING_IMAGE_BYTES, MAX_SIGNING_IMAGE_SIDE, MIN_SIGNING_IMAGE_SIDE } from '../../../core/attachments/check-signing-image';
import { imageSize } from '../../../core/attachments/image-size';
import { SignPdfRequestSchema } from '../../../core/bridge/desktop-api';
import { testImage, testJpeg } from '../../node/signing/signing-fixture';
import { PDF } from '../../support/package-fixtures';

const BLUE = [20, 20, 160] as const;

describe('checkSigningImage', () => {
  it('takes a PNG and a JPEG (made by pngjs and by poppler) with the size in pixels their headers give', async () => {
    expect(checkSigningImage('签名.png', testImage(120, 40, BLUE))).toEqual({ ok: true, type: 'image/png', width: 120, height: 40 });
    expect(checkSigningImage('公章.jpg', await testJpeg(90, 64, [220, 30, 30]))).toEqual({ ok: true, type: 'image/jpeg', width: 90, height: 64 });
  });

  it('refuses by content, not by name: a PDF named .png, an empty file and bytes of no image at all', () => {
    expect(checkSigningImage('签名.png', PDF)).toEqual({ ok: false, message: '“签名.png”不是 PNG 或 JPEG 图片。' });
    expect(checkSigningImage('签名.png', new Uint8Array())).toEqual({ ok: false, message: '“签名.png”是空文件，未添加。' });
    expect(checkSigningImage('签名.jpg', new Uint8Array([1, 2, 3]))).toEqual({ ok: false, message: '“签名.jpg”不是 PNG 或 JPEG 图片。' });
  });

  it('refuses an image whose header gives no size, and a PNG cut short (pdf-lib would never return from it)', () => {
    const png = testImage(120, 40, BLUE);
    const damaged = (name: string) => ({ ok: false, message: `无法读取“${name}”：图片不完整或已损坏。` });
    expect(checkSigningImage('签名.png', png.subarray(0, 14))).toEqual(damaged('签名.png'));
    for (const end of [45, 60, png.length - 12, png.length - 1]) expect(checkSigningImage('签名.png', png.subarray(0, end)), `cut at ${end}`).toEqual(damaged('签名.png'));
    // A JPEG start with image data but no frame header.
    expect(checkSigningImage('签名.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00]))).toEqual(damaged('签名.jpg'));
  });

  it('refuses an image too small to read in the signing place, or too large to embed', () => {
    expect(checkSigningImage('签名.png', testImage(120, MIN_SIGNING_IMAGE_SIDE - 1, BLUE))).toEqual({ ok: false, message: `“签名.png”只有 120×15 像素，签名图片和印章图片每边至少要 ${MIN_SIGNING_IMAGE_SIDE} 像素。` });
    expect(checkSigningImage('签名.png', testImage(120, MIN_SIGNING_IMAGE_SIDE, BLUE)).ok).toBe(true);
    expect(checkSigningImage('签名.png', testImage(MAX_SIGNING_IMAGE_SIDE + 1, 20, BLUE))).toEqual({ ok: false, message: `“签名.png”有 6001×20 像素，签名图片和印章图片每边不能超过 ${MAX_SIGNING_IMAGE_SIDE} 像素，请缩小后再选。` });
    expect(checkSigningImage('签名.png', testImage(MAX_SIGNING_IMAGE_SIDE, 20, BLUE)).ok).toBe(true);
  });

  it('refuses a file larger than the bridge carries, and the bridge carries the largest it takes', () => {
    const png = testImage(120, 40, BLUE);
    const largest = new Uint8Array(MAX_SIGNING_IMAGE_BYTES);
    largest.set(png);
    expect(checkSigningImage('签名.png', largest).ok).toBe(true);
    const over = new Uint8Array(MAX_SIGNING_IMAGE_BYTES + 1);
    over.set(png);
    expect(checkSigningImage('签名.png', over)).toEqual({ ok: false, message: '“签名.png”有 10.0 MB，超过单个文件 10.0 MB 的上限，未添加。请降低扫描分辨率后重试。' });
    const image = { type: 'image/png', base64: Buffer.from(largest).toString('base64') };
    expect(SignPdfRequestSchema.shape.signatureImage.safeParse(image).success).toBe(true);
  });
});

describe('imageSize', () => {
  it('walks past JPEG segments and fill bytes to the frame header', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xff, 0xc2, 0x00, 0x0b, 0x08, 0x00, 0x30, 0x01, 0x40, 0x01, 0x01, 0x11, 0x00]);
    expect(imageSize(jpeg)).toEqual({ width: 320, height: 48 });
  });

  it('does not take a Huffman table marker (C4) for a frame', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xc4, 0x00, 0x07, 0x00, 0x00, 0x05, 0x00, 0x05, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x40, 0x01, 0x01, 0x11, 0x00]);
    expect(imageSize(jpeg)).toEqual({ width: 64, height: 32 });
  });
});
