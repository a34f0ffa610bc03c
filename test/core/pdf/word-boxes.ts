import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PAGE } from '../../../core/layout/page-geometry';
import { withTempDir } from './pdf-tools';

const exec = promisify(execFile);

/** One word as poppler's `pdftotext -bbox-layout` places it, in PDF points with the origin at the bottom left. */
export interface WordBox {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  /** Index of the poppler line the word belongs to, counted through the document. */
  readonly line: number;
}

/** Every word of every page, read by poppler, not by our own code. */
export async function wordBoxes(bytes: Uint8Array): Promise<WordBox[]> {
  const html = await withTempDir(async (dir) => {
    const file = join(dir, 'boxes.pdf');
    await writeFile(file, bytes);
    return (await exec('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 26 })).stdout;
  });
  const words: WordBox[] = [];
  let page = -1;
  let line = -1;
  const tag = /<page |<line |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    if (m[0] === '<page ') page += 1;
    else if (m[0] === '<line ') line += 1;
    else {
      // poppler measures y from the top of the page.
      words.push({ page, line, text: m[5] ?? '', xMin: Number(m[1]), xMax: Number(m[3]), yMin: PAGE.height - Number(m[4]), yMax: PAGE.height - Number(m[2]) });
    }
  }
  return words;
}

/** poppler's lines, each as its words in order. */
export function wordLines(words: readonly WordBox[]): WordBox[][] {
  const lines = new Map<number, WordBox[]>();
  for (const word of words) lines.set(word.line, [...(lines.get(word.line) ?? []), word]);
  return [...lines.values()];
}
