import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PageImage } from '../../../core/batch-print/read-page-code';
import { withTempDir } from '../pdf/pdf-tools';

const exec = promisify(execFile);

/** Every page of a PDF as poppler's pdftoppm rasterises it in grey, as a scanner would hand it over. */
export async function grayPages(bytes: Uint8Array, dpi: number): Promise<PageImage[]> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'in.pdf');
    await writeFile(file, bytes);
    await exec('pdftoppm', ['-gray', '-r', String(dpi), file, join(dir, 'page')], { maxBuffer: 1 << 26 });
    const names = (await readdir(dir)).filter((name) => name.endsWith('.pgm')).sort();
    return Promise.all(names.map(async (name) => readPgm(await readFile(join(dir, name)))));
  });
}

/** A binary PGM (P5) of 8-bit grey levels: a header of magic, width, height and maximum, then the pixels. */
export function readPgm(bytes: Uint8Array): PageImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 64)));
  if (!header) throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, luminance: new Uint8ClampedArray(bytes.slice(header[0].length, header[0].length + width * height)) };
}

/** The page turned half round: what a sheet fed in upside down gives. */
export function upsideDown(image: PageImage): PageImage {
  return { ...image, luminance: image.luminance.slice().reverse() };
}

/** Paints a rectangle (in points from the bottom left, as on the PDF page) white: a code covered by a sticker or a smudge. */
export function whiteOut(image: PageImage, dpi: number, box: { x: number; y: number; width: number; height: number }): PageImage {
  const scale = dpi / 72;
  const luminance = image.luminance.slice();
  const x0 = Math.floor(box.x * scale);
  const x1 = Math.ceil((box.x + box.width) * scale);
  const y0 = Math.floor(image.height - (box.y + box.height) * scale);
  const y1 = Math.ceil(image.height - box.y * scale);
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y += 1) luminance.fill(255, y * image.width + Math.max(0, x0), y * image.width + Math.min(image.width, x1));
  return { ...image, luminance };
}

/** A sheet with nothing on it, with a scanner's faint speckle. */
export function emptyPage(width: number, height: number): PageImage {
  const luminance = new Uint8ClampedArray(width * height).fill(250);
  for (let i = 0; i < luminance.length; i += 9973) luminance[i] = 40;
  return { width, height, luminance };
}
