import { mkdir, mkdtemp, open, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_FACES } from '../../../core/fonts/bundled-faces';
import { readFaceNames } from '../../../node/fonts/font-file-names';
import { listInstalledFaces } from '../../../node/fonts/installed-faces';
import { installFont, makeTestCollection, makeTestFont, windowsFaces } from '../../support/fonts/official-test-faces';

const require = createRequire(import.meta.url);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-font-scan-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summary = (faces: Awaited<ReturnType<typeof listInstalledFaces>>) => faces.map(({ path, index, families, postscriptName }) => ({ path: path.slice(dir.length + 1), index, families, postscriptName }));

describe('listInstalledFaces', () => {
  it('finds every face of every font and collection in nested folders, passing over broken files and missing folders', async () => {
    await installFont(dir, 'a/b/c/simfang.ttf', await windowsFaces.fangsong());
    await installFont(dir, 'SIMHEI.TTF', await windowsFaces.simhei());
    await installFont(dir, 'cjk.ttc', makeTestCollection([await windowsFaces.kaiti(), await windowsFaces.fangsongGb2312()]));
    await installFont(dir, 'broken.ttf', new Uint8Array(64).fill(7));
    await installFont(dir, 'cut.otf', (await windowsFaces.simhei()).subarray(0, 300));
    await installFont(dir, 'empty.ttc', new Uint8Array(0));
    await installFont(dir, 'readme.txt', new TextEncoder().encode('not a font'));
    await installFont(dir, 'a/fonts.dir', new TextEncoder().encode('not a font'));
    // Fonts are told by their extension, as the systems' own font lists tell them.
    await installFont(dir, 'a/simkai', await windowsFaces.kaiti());

    const faces = await listInstalledFaces([join(dir, 'missing'), dir]);
    expect(summary(faces)).toEqual([
      { path: 'SIMHEI.TTF', index: 0, families: ['SimHei', '黑体'], postscriptName: 'SimHei' },
      { path: join('a', 'b', 'c', 'simfang.ttf'), index: 0, families: ['FangSong', '仿宋'], postscriptName: 'FangSong' },
      { path: 'cjk.ttc', index: 0, families: ['KaiTi', '楷体'], postscriptName: 'KaiTi' },
      { path: 'cjk.ttc', index: 1, families: ['FangSong_GB2312', '仿宋_GB2312'], postscriptName: 'FangSong_GB2312' },
    ]);
    const info = await stat(join(dir, 'cjk.ttc'));
    expect(faces[3]).toMatchObject({ size: info.size, mtimeMs: info.mtimeMs });
  });

  it('searches no deeper than six folders down', async () => {
    await installFont(dir, '1/2/3/4/5/6/simhei.ttf', await windowsFaces.simhei());
    await installFont(dir, '1/2/3/4/5/6/7/simfang.ttf', await windowsFaces.fangsong());
    expect(summary(await listInstalledFaces([dir])).map(({ postscriptName }) => postscriptName)).toEqual(['SimHei']);
  });

  it.skipIf(process.platform === 'win32')('follows links once: a loop ends, a linked font or folder is listed under its first path only', async () => {
    await installFont(dir, 'fonts/simhei.ttf', await windowsFaces.simhei());
    await symlink('..', join(dir, 'fonts', 'loop'));
    await symlink('simhei.ttf', join(dir, 'fonts', 'zz-simhei-link.ttf'));
    await symlink(join(dir, 'nowhere'), join(dir, 'fonts', 'dangling.ttf'));
    await mkdir(join(dir, 'other'));
    await symlink(join(dir, 'fonts'), join(dir, 'other', 'fonts'));
    const faces = await listInstalledFaces([join(dir, 'fonts'), join(dir, 'other')]);
    expect(summary(faces)).toEqual([{ path: join('fonts', 'simhei.ttf'), index: 0, families: ['SimHei', '黑体'], postscriptName: 'SimHei' }]);
  });

  it('reads the family names a Mac or an older Chinese Windows font gives in legacy encodings', async () => {
    const font = await makeTestFont({
      family: 'FangSong',
      postscriptName: 'FangSong',
      extraNames: [
        // 仿宋 in GB2312, a Mac Chinese Simplified (script 25) name.
        { platform: 1, encoding: 25, language: 33, nameId: 1, bytes: new Uint8Array([0xb7, 0xc2, 0xcb, 0xce]) },
        // Mac Roman: 0x8e is é.
        { platform: 1, encoding: 0, language: 0, nameId: 16, bytes: new Uint8Array([0x43, 0x61, 0x66, 0x8e]) },
        // 黑体 in GB2312 as Windows' PRC encoding stores it, in 16-bit units.
        { platform: 3, encoding: 3, language: 0x0804, nameId: 16, bytes: new Uint8Array([0xba, 0xda, 0xcc, 0xe5]) },
        // A name in an encoding no official font uses is passed over.
        { platform: 1, encoding: 1, language: 11, nameId: 1, bytes: new Uint8Array([0x82, 0xa0]) },
      ],
    });
    await installFont(dir, 'legacy.ttf', font);
    const [named] = await listInstalledFaces([dir]);
    expect(new Set(named?.families)).toEqual(new Set(['FangSong', '仿宋', 'Café', '黑体']));
  });

  it('reads a 20 MB font’s names from a few kilobytes: the table directory and the name table only', async () => {
    const path = require.resolve(BUNDLED_FACES.body.module);
    const file = await open(path, 'r');
    let bytesRead = 0;
    const counting = {
      read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
        bytesRead += length;
        return file.read(buffer, offset, length, position);
      },
    } as unknown as Parameters<typeof readFaceNames>[0];
    try {
      const [face] = await readFaceNames(counting, (await file.stat()).size);
      expect(face?.families).toContain('Noto Serif SC');
      expect(face?.postscriptName).toBe('NotoSerifSC-Regular');
    } finally {
      await file.close();
    }
    expect((await stat(path)).size).toBeGreaterThan(10_000_000);
    expect(bytesRead).toBeLessThan(64 * 1024);
  });

  it('lists the same faces in the same order however often it scans', async () => {
    for (const name of ['b.ttf', 'a.ttf', 'c/d.ttf']) await installFont(dir, name, await windowsFaces.simhei());
    await writeFile(join(dir, 'e.ttf'), await windowsFaces.kaiti());
    const first = summary(await listInstalledFaces([dir]));
    expect(first.map(({ path }) => path)).toEqual(['a.ttf', 'b.ttf', join('c', 'd.ttf'), 'e.ttf']);
    expect(summary(await listInstalledFaces([dir]))).toEqual(first);
  });
});
