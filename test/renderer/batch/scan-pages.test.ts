import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintFile } from '../../../core/batch-print/print-file';
import { printFile } from '../../core/batch-print/print-fixtures';
import { withTempDir } from '../../core/pdf/pdf-tools';
import { bundlePageScript, launchChromium, openScriptPage, type ServedFile } from '../../support/page-in-chromium';
import type { readServed } from './scan-pages.page';

/**
 * The renderer's half of reading a signed scan, in Chromium as the app runs it: a scan PDF drawn
 * by pdf.js onto an OffscreenCanvas, images decoded by the browser, each page's code read. The
 * print file stands in for the scanned PDF, and its pages rasterised by poppler for the images.
 */
const exec = promisify(execFile);

let browser: Browser;
let pageScript: string;
let file: PrintFile;
const served = new Map<string, { body: Buffer; type: string }>();

beforeAll(async () => {
  file = await printFile();
  served.set('signed.pdf', { body: Buffer.from(file.bytes), type: 'application/pdf' });
  await withTempDir(async (dir) => {
    const pdf = join(dir, 'print.pdf');
    await writeFile(pdf, file.bytes);
    // Pages 3 and 4 (letter 1) as a photo might come, page 1 (the cover) as a scanner's PNG.
    const raster = async (format: 'jpeg' | 'png', dpi: number, page: number) => {
      const out = join(dir, `page-${page}`);
      await exec('pdftoppm', [`-${format}`, '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
      return readFile(`${out}.${format === 'jpeg' ? 'jpg' : 'png'}`);
    };
    served.set('scan-2.jpg', { body: await raster('jpeg', 120, 3), type: 'image/jpeg' });
    served.set('scan-10.jpg', { body: await raster('jpeg', 120, 4), type: 'image/jpeg' });
    served.set('scan-1.png', { body: await raster('png', 150, 1), type: 'image/png' });
  });
  served.set('hard.jpg', { body: await readFile(join(import.meta.dirname, 'fixtures', 'scan-page-zxing-misses.jpg')), type: 'image/jpeg' });
  served.set('notes.txt', { body: Buffer.from('not a scan'), type: 'text/plain' });
  pageScript = await bundlePageScript(join(import.meta.dirname, 'scan-pages.page.ts'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function readInBrowser(names: readonly string[]): Promise<Awaited<ReturnType<typeof readServed>>> {
  const page = await browser.newPage();
  try {
    await openScriptPage(page, pageScript, 'readServed', new Map<string, ServedFile>([...served].map(([name, file]) => [`/files/${name}`, file])));
    // A string, not a function: the test's transform may add helpers the page does not have.
    return (await page.evaluate(`window.readServed(${JSON.stringify(names)})`)) as Awaited<ReturnType<typeof readServed>>;
  } finally {
    await page.close();
  }
}

describe('readScan in Chromium', () => {
  it('reads every page code of a scan PDF, page by page, with a JPEG thumbnail of each', async () => {
    const read = await readInBrowser(['signed.pdf']);
    if (!read.ok) throw new Error(read.message);
    expect(read.kind).toBe('pdf');
    expect(read.readings).toEqual(file.pages.map((code) => ({ kind: 'code', code, upsideDown: false })));
    expect(read.progress).toEqual(file.pages.map((_, i) => i + 1));
    for (const thumbnail of read.thumbnails) {
      expect(thumbnail.type).toBe('image/jpeg');
      expect(thumbnail.size).toBeGreaterThan(500);
    }
  }, 120_000);

  it('reads images in the order of their names as a file manager sorts them', async () => {
    const read = await readInBrowser(['scan-10.jpg', 'scan-2.jpg', 'scan-1.png']);
    if (!read.ok) throw new Error(read.message);
    expect(read.names).toEqual(['scan-1.png', 'scan-2.jpg', 'scan-10.jpg']);
    expect(read.readings).toEqual([0, 2, 3].map((i) => ({ kind: 'code', code: file.pages[i], upsideDown: false })));
  }, 120_000);

  it("reads the code of a 150 dpi JPEG scan page that none of ZXing's ways reads (a page of the 200-person run, kept as found)", async () => {
    const read = await readInBrowser(['hard.jpg']);
    if (!read.ok) throw new Error(read.message);
    expect(read.readings).toEqual([{ kind: 'code', code: { kind: 'letter', batchKey: 'QVXX87', letterNo: 35, page: 2, pages: 2 }, upsideDown: false }]);
  }, 120_000);

  it('refuses anything but one PDF or images alone', async () => {
    for (const names of [['signed.pdf', 'scan-1.png'], ['notes.txt'], []]) {
      const read = await readInBrowser(names);
      expect(read.ok, names.join()).toBe(false);
      if (!read.ok) expect(read.message).toContain('PDF');
    }
  }, 120_000);
});
