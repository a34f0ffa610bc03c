import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, rgb as pdfRgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { withTempDir } from '../../core/pdf/pdf-tools';

/** A solid-coloured PNG with a transparent border, standing in for a scanned signature or seal. */
export function testImage(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const inside = x > 2 && y > 2 && x < width - 3 && y < height - 3;
      png.data[i] = rgb[0];
      png.data[i + 1] = rgb[1];
      png.data[i + 2] = rgb[2];
      png.data[i + 3] = inside ? 255 : 0;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** A solid-coloured JPEG made by poppler's encoder (a page of that many points, at 72 dpi), so the JPEG is not one of our own making. */
export async function testJpeg(width: number, height: number, rgb: readonly [number, number, number]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([width, height]).drawRectangle({ x: 0, y: 0, width, height, color: pdfRgb(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255) });
  return withTempDir(async (dir) => {
    await writeFile(join(dir, 'in.pdf'), await doc.save());
    await promisify(execFile)('pdftoppm', ['-r', '72', '-jpeg', '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
    return new Uint8Array(await readFile(join(dir, 'out.jpg')));
  });
}
