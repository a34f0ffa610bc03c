import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { readInstalledDocumentFonts } from '../../../node/fonts/installed-document-fonts';
import { pdffonts, pdftohtmlTexts, pdftotext, squeeze } from '../../core/pdf/pdf-tools';
import { installFont, makeTestCollection, windowsFaces } from '../../support/fonts/official-test-faces';

/**
 * The official faces a machine has, installed by the test in a folder of its own (fonts it makes:
 * small subsets of Noto with Windows' names), drawn before the bundled fonts, character by
 * character: what a face lacks comes from Noto, never as a blank box. Read back by poppler.
 */
let folder: string;
const RARE = '堃'; // in Noto Serif SC, not in the test's 仿宋_GB2312 (it holds only a few characters)

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pledge-installed-fonts-'));
  await installFont(folder, 'Windows/Fonts/simfang.ttf', await windowsFaces.fangsong());
  await installFont(folder, 'Windows/Fonts/FangSong_GB2312.ttf', await windowsFaces.fangsongGb2312());
  await installFont(folder, 'more/FZXBSJW.TTF', await windowsFaces.xiaobiaosong());
  // 黑体 and 楷体 as two faces of one collection.
  await installFont(folder, 'more/deep/heiti-kaiti.ttc', makeTestCollection([await windowsFaces.simhei(), await windowsFaces.kaiti()]));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

function personLetter(): Letter {
  const letter = letterFromTemplate('person', { year: 2026 });
  if (letter.kind !== 'person') throw new Error('the person template makes a personal letter');
  return { ...letter, person: { ...letter.person, name: `王${RARE}` }, principal: { ...letter.principal, name: `王${RARE}` }, closing: `（一）诚信承诺。\n${letter.closing ?? ''}` };
}

async function render(letter: Letter): Promise<Uint8Array> {
  const result = await renderLetterPdf(letter, await readInstalledDocumentFonts([folder]));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.bytes;
}

describe('letters in the faces the machine has', () => {
  it('draws each role in its installed face (仿宋_GB2312 before 仿宋, 黑体 and 楷体 out of one .ttc) and the rest from the bundled fonts', async () => {
    const bytes = await render(personLetter());
    const fonts = await pdffonts(bytes);
    for (const name of ['FangSong_GB2312', 'FZXBSJW--GB1-0', 'KaiTi', 'NotoSerifSC-Regular']) expect(fonts).toMatch(new RegExp(`PLEDGE\\+${name}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    expect(fonts).not.toMatch(/PLEDGE\+FangSong\s/);
    const texts = await pdftohtmlTexts(bytes);
    // The test's 仿宋_GB2312 holds 承诺书政务诚信…: those characters of the body come from it.
    expect(texts.some((t) => t.family === 'PLEDGE+FangSong_GB2312' && t.text.includes('承诺'))).toBe(true);
    expect(texts.some((t) => t.family === 'PLEDGE+KaiTi' && t.text.includes('诚信承诺'))).toBe(true);
  });

  it('draws a rare name character the installed face lacks from Noto, never as a blank', async () => {
    const bytes = await render(personLetter());
    expect(squeeze(await pdftotext(bytes))).toContain(`王${RARE}`);
    const rare = (await pdftohtmlTexts(bytes)).filter((t) => t.text.includes(RARE));
    expect(rare.length).toBeGreaterThan(0);
    for (const text of rare) expect(text.family).toMatch(/^PLEDGE\+NotoSerifSC/);
  });

  it('gives the same bytes for the same letter and the same fonts', async () => {
    const [a, b] = [await render(personLetter()), await render(personLetter())];
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('is what pledge render uses, from the folders PLEDGE_FONT_DIRS names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pledge-render-fonts-'));
    try {
      const file = join(dir, 'letter.json');
      await writeFile(file, JSON.stringify(personLetter()));
      const bin = join(import.meta.dirname, '../../../cli/pledge.mjs');
      await promisify(execFile)(process.execPath, [bin, 'render', file, '-o', join(dir, 'letter.pdf')], { env: { ...process.env, PLEDGE_FONT_DIRS: folder } });
      expect(await pdffonts(new Uint8Array(await readFile(join(dir, 'letter.pdf'))))).toMatch(/PLEDGE\+FangSong_GB2312\s/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('uses only the bundled fonts where no official face is installed', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pledge-no-fonts-'));
    try {
      await installFont(empty, 'latin.ttf', await windowsFaces.latin());
      const result = await renderLetterPdf(personLetter(), await readInstalledDocumentFonts([empty]));
      expect(result.ok).toBe(true);
      const fonts = await pdffonts(result.ok ? result.bytes : new Uint8Array());
      expect(fonts).not.toMatch(/FangSong|KaiTi|TestLatin/);
      expect(fonts).toMatch(/PLEDGE\+NotoSerifSC-Regular/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
