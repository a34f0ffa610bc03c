import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';

/** Independent readers of our PDFs: pdf.js, qpdf and poppler, never our own code. */

const exec = promisify(execFile);

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pledge-pdf-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text of each page in content order, as pdf.js extracts it. */
export async function pdfjsPageTexts(bytes: Uint8Array): Promise<string[]> {
  // pdf.js detaches the buffer it is given, so it gets a copy.
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** Page boxes ([x0, y0, x1, y1] in points) as pdf.js reads them. */
export async function pdfjsPageBoxes(bytes: Uint8Array): Promise<number[][]> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const boxes: number[][] = [];
  for (let n = 1; n <= doc.numPages; n += 1) boxes.push((await doc.getPage(n)).view);
  await doc.destroy();
  return boxes;
}

/** The document information dictionary, as pdf.js reads it. */
export async function pdfjsInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, unknown>;
}

export async function qpdfCheck(bytes: Uint8Array): Promise<{ ok: boolean; output: string }> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'check.pdf');
    await writeFile(file, bytes);
    const result = await exec('qpdf', ['--check', file]).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    return { ok: result.code === 0 && !/warning|error:/i.test(result.out.replace('No syntax or stream encoding errors found', '')), output: result.out };
  });
}

export async function pdffonts(bytes: Uint8Array): Promise<string> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'fonts.pdf');
    await writeFile(file, bytes);
    return (await exec('pdffonts', [file])).stdout;
  });
}

/** poppler's report on the signature fields of a PDF (certificate trust not checked). */
export async function pdfsig(bytes: Uint8Array): Promise<string> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'signed.pdf');
    await writeFile(file, bytes);
    const result = await exec('pdfsig', ['-nocert', file]).catch((e: { stdout: string; stderr: string }) => ({ stdout: e.stdout, stderr: e.stderr }));
    return result.stdout + result.stderr;
  });
}

/** Rasterises every page with poppler's pdftoppm and decodes the PNGs; `hideAnnotations` draws the page content alone. */
export async function rasterise(bytes: Uint8Array, dpi: number, options: { readonly hideAnnotations?: boolean } = {}): Promise<PNG[]> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'in.pdf');
    await writeFile(file, bytes);
    const hide = options.hideAnnotations ? ['-hide-annotations'] : [];
    await exec('pdftoppm', [...hide, '-r', String(dpi), '-png', file, join(dir, 'page')], { maxBuffer: 1 << 26 });
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    return Promise.all(names.map(async (n) => PNG.sync.read(await readFile(join(dir, n)))));
  });
}

/** Removes white space, which extractors insert or drop between runs as they please. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** poppler's pdftotext of the whole document, in reading order (`-layout` off). */
export async function pdftotext(bytes: Uint8Array): Promise<string> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'text.pdf');
    await writeFile(file, bytes);
    return (await exec('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
  });
}

/** Page count as poppler's pdfinfo reads it. */
export async function pdfinfoPages(bytes: Uint8Array): Promise<number> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'info.pdf');
    await writeFile(file, bytes);
    return Number(/^Pages:\s+(\d+)/m.exec((await exec('pdfinfo', [file])).stdout)?.[1]);
  });
}

/** Each text poppler's pdftohtml finds, with the font family and size it was drawn in. */
export async function pdftohtmlTexts(bytes: Uint8Array): Promise<{ text: string; family: string; size: number }[]> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'fonts.pdf');
    await writeFile(file, bytes);
    const { stdout } = await exec('pdftohtml', ['-xml', '-i', '-stdout', file], { maxBuffer: 64 * 1024 * 1024 });
    const fonts = new Map([...stdout.matchAll(/<fontspec id="(\d+)" size="(\d+)" family="([^"]*)"/g)].map((m) => [m[1], { family: m[3] ?? '', size: Number(m[2]) }]));
    return [...stdout.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({
      text: (m[2] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      ...(fonts.get(m[1] ?? '') ?? { family: '', size: 0 }),
    }));
  });
}
