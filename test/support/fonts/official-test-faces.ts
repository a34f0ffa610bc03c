import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeTestCollection, makeTestFont } from './make-test-font';

/** Writes a font file the test made, making its folders. */
export async function installFont(folder: string, relativePath: string, bytes: Uint8Array): Promise<string> {
  const path = join(folder, relativePath);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return path;
}

/** The faces Windows ships for official letters, named as Windows names them (made, not copied: see make-test-font.ts). */
export const windowsFaces = {
  fangsong: () => makeTestFont({ family: 'FangSong', chineseFamily: '仿宋', postscriptName: 'FangSong' }),
  fangsongGb2312: () => makeTestFont({ family: 'FangSong_GB2312', chineseFamily: '仿宋_GB2312', postscriptName: 'FangSong_GB2312' }),
  simhei: () => makeTestFont({ family: 'SimHei', chineseFamily: '黑体', postscriptName: 'SimHei' }),
  kaiti: () => makeTestFont({ family: 'KaiTi', chineseFamily: '楷体', postscriptName: 'KaiTi' }),
  xiaobiaosong: () => makeTestFont({ family: 'FZXiaoBiaoSong-B05S', chineseFamily: '方正小标宋简体', postscriptName: 'FZXBSJW--GB1-0' }),
  /** A Latin font: no Chinese at all. */
  latin: () => makeTestFont({ family: 'Test Latin', postscriptName: 'TestLatin-Regular', chars: 'A1' }),
};

export { makeTestCollection, makeTestFont };
