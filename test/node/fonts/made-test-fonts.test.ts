import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import * as hb from 'harfbuzzjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksum, readSfnt } from '../../support/fonts/sfnt-file';
import { makeTestCollection, makeTestFont, TEST_FONT_CHARS } from '../../support/fonts/make-test-font';

/*
 * The fonts tests make must be fonts every reader takes as such, or a test of font discovery would
 * pass on our reader's word alone: HarfBuzz and fontkit read them here, and fontconfig where installed.
 */

const hasFcScan = (() => {
  try {
    execFileSync('fc-scan', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir: string;
let single: Uint8Array;
let collection: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-made-fonts-'));
  single = await makeTestFont({ family: 'FangSong_GB2312', chineseFamily: '仿宋_GB2312', postscriptName: 'FangSong_GB2312', chars: '承诺书A' });
  const kaiti = await makeTestFont({ family: 'KaiTi', chineseFamily: '楷体', postscriptName: 'KaiTi', familyNameIds: [1, 16] });
  collection = makeTestCollection([single, kaiti]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fonts made for tests', () => {
  it('carry the names and just the characters asked for, as HarfBuzz reads them', () => {
    const face = new hb.Face(new hb.Blob(single), 0);
    expect(face.getName(1, 'en')).toBe('FangSong_GB2312');
    expect(face.getName(1, 'zh-cn')).toBe('仿宋_GB2312');
    expect(face.getName(6, 'en')).toBe('FangSong_GB2312');
    expect([...face.collectUnicodes()].sort((a, b) => a - b)).toEqual([...'A承书诺'].map((char) => char.codePointAt(0)).sort((a, b) => a! - b!));
    const second = new hb.Face(new hb.Blob(collection), 1);
    expect(second.getName(16, 'zh-cn')).toBe('楷体');
    expect(second.collectUnicodes().length).toBe(new Set(TEST_FONT_CHARS).size);
  });

  it('parse in fontkit, a collection face by face', () => {
    const font = fontkit.create(Buffer.from(single)) as fontkit.Font;
    expect(font.postscriptName).toBe('FangSong_GB2312');
    expect(font.hasGlyphForCodePoint('承'.codePointAt(0)!)).toBe(true);
    expect(font.hasGlyphForCodePoint('政'.codePointAt(0)!)).toBe(false);
    expect(font.glyphsForString('承').map((glyph) => glyph.path.commands.length)[0]).toBeGreaterThan(0);
    const faces = (fontkit.create(Buffer.from(collection)) as unknown as fontkit.FontCollection).fonts;
    expect(faces.map((face) => face.postscriptName)).toEqual(['FangSong_GB2312', 'KaiTi']);
  });

  it('have every table’s checksum right and head.checkSumAdjustment making the whole font sum to 0xB1B0AFBA', () => {
    const view = new DataView(single.buffer, single.byteOffset, single.byteLength);
    for (let index = 0; index < view.getUint16(4); index += 1) {
      const record = 12 + index * 16;
      const tag = String.fromCharCode(...single.subarray(record, record + 4));
      const data = single.slice(view.getUint32(record + 8), view.getUint32(record + 8) + view.getUint32(record + 12));
      if (tag === 'head') new DataView(data.buffer).setUint32(8, 0);
      expect(checksum(data), tag).toBe(view.getUint32(record + 4));
    }
    expect(checksum(single)).toBe(0xb1b0afba);
    expect(readSfnt(single).tables.map((table) => table.tag)).toEqual([...readSfnt(single).tables.map((table) => table.tag)].sort());
  });

  it.skipIf(!hasFcScan)('are what fontconfig, which the desktop’s font lists use, says they are', async () => {
    await writeFile(join(dir, 'fs.ttf'), single);
    await writeFile(join(dir, 'two.ttc'), collection);
    const scan = (file: string) => execFileSync('fc-scan', ['--format', '%{index}|%{family}|%{familylang}|%{postscriptname}\n', join(dir, file)], { encoding: 'utf8' });
    expect(scan('fs.ttf')).toBe('0|FangSong_GB2312,仿宋_GB2312|en,zh-cn|FangSong_GB2312\n');
    expect(scan('two.ttc')).toBe('0|FangSong_GB2312,仿宋_GB2312|en,zh-cn|FangSong_GB2312\n1|KaiTi,楷体|en,zh-cn|KaiTi\n');
  });
});
