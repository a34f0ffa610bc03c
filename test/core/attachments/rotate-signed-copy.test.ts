import { degrees, PDFDocument } from 'pdf-lib';
import { PNG as PngReader } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { rotateSignedCopy } from '../../../core/attachments/rotate-signed-copy';
import { PNG } from '../../support/package-fixtures';
import { digitallySignedPdf, scannedPdf } from './copy-fixtures';

describe('rotateSignedCopy', () => {
  it('returns the bytes themselves when there is no turn', async () => {
    expect(await rotateSignedCopy('a.png', 'image/png', PNG, undefined)).toEqual({ ok: true, bytes: PNG });
    expect(await rotateSignedCopy('a.png', 'image/png', PNG, 0)).toEqual({ ok: true, bytes: PNG });
  });

  it('turns a scanned PDF by each page’s /Rotate, composed with the one it had, the same bytes every time', async () => {
    const doc = await PDFDocument.load(await scannedPdf());
    doc.addPage([595, 842]).setRotation(degrees(270));
    const twoPages = await doc.save();
    const turned = await rotateSignedCopy('scan.pdf', 'application/pdf', twoPages, 90);
    if (!turned.ok) throw new Error(turned.message);
    const pages = (await PDFDocument.load(turned.bytes)).getPages();
    expect(pages.map((p) => p.getRotation().angle)).toEqual([90, 0]);
    expect(await rotateSignedCopy('scan.pdf', 'application/pdf', twoPages, 90)).toEqual(turned);
  });

  it('turns a PNG so it is as wide as it was high', async () => {
    const tall = new PngReader({ width: 2, height: 5 });
    const turned = await rotateSignedCopy('scan.png', 'image/png', new Uint8Array(PngReader.sync.write(tall)), 270);
    if (!turned.ok) throw new Error(turned.message);
    expect(PngReader.sync.read(Buffer.from(turned.bytes))).toMatchObject({ width: 5, height: 2 });
  });

  it('refuses to rewrite a digitally signed PDF, and says why', async () => {
    expect(await rotateSignedCopy('签署件.pdf', 'application/pdf', await digitallySignedPdf(), 90)).toEqual({ ok: false, message: '“签署件.pdf”带有数字签名，旋转会改动文件并使签名失效，因此不能旋转。' });
  });

  it('says a copy it cannot read cannot be turned', async () => {
    expect(await rotateSignedCopy('坏.jpg', 'image/jpeg', Uint8Array.from([1, 2, 3]), 90)).toEqual({ ok: false, message: '“坏.jpg”无法旋转：文件内容无法读取。请重新扫描后上传。' });
  });
});
