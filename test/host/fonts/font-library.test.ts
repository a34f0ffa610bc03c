import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_FACES } from '../../../core/fonts/bundled-faces';
import { createBridgeHandlers } from '../../../host/create-host';
import { createFontLibrary } from '../../../host/fonts/font-library';
import { installFont, makeTestCollection, makeTestFont, windowsFaces } from '../../support/fonts/official-test-faces';
import { recordingHandlers } from '../../support/recording-handlers';

const require = createRequire(import.meta.url);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytesOf = (base64Text: string) => new Uint8Array(Buffer.from(base64Text, 'base64'));

let dir: string;
let installed: string;
let dataDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-fonts-'));
  installed = join(dir, 'system-fonts');
  dataDir = join(dir, 'data');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const library = () => createFontLibrary({ dataDir, folders: [installed] });

describe('fonts.describe', () => {
  it('offers per role the best official face installed, by its Chinese name, and says where it looked', async () => {
    await installFont(installed, 'simfang.ttf', await windowsFaces.fangsong());
    const gb2312 = await installFont(installed, 'more/GB2312/FangSong_GB2312.TTF', await windowsFaces.fangsongGb2312());
    const simhei = await installFont(installed, 'simhei.ttf', await windowsFaces.simhei());
    const collection = await installFont(installed, 'cjk.ttc', makeTestCollection([await windowsFaces.latin(), await windowsFaces.kaiti()]));

    const { faces, folders } = await library()['fonts.describe']();
    expect(folders).toEqual([installed]);
    expect(faces.body).toMatchObject({ family: '仿宋_GB2312', file: gb2312, index: 0, origin: 'system' });
    expect(faces.heading).toMatchObject({ family: '黑体', file: simhei, index: 0, origin: 'system' });
    expect(faces.subheading).toMatchObject({ family: '楷体', file: collection, index: 1, origin: 'system' });
    expect(faces.title).toBeNull();
  });

  it('offers no face where the folders hold none of the official ones: every role uses the bundled font', async () => {
    await installFont(installed, 'latin.ttf', await windowsFaces.latin());
    const { faces } = await createFontLibrary({ dataDir, folders: [installed, join(dir, 'missing')] })['fonts.describe']();
    expect(faces).toEqual({ title: null, body: null, heading: null, subheading: null });
  });
});

describe('fonts.read', () => {
  it('serves the whole file of an offered face, a collection whole with the face index beside it', async () => {
    const bytes = makeTestCollection([await windowsFaces.latin(), await windowsFaces.kaiti()]);
    await installFont(installed, 'cjk.ttc', bytes);
    const fonts = library();
    const { faces } = await fonts['fonts.describe']();
    expect(bytesOf((await fonts['fonts.read']({ id: faces.subheading!.id })).base64)).toEqual(bytes);
  });

  it('refuses an id it never offered, whatever it looks like', async () => {
    const simhei = await installFont(installed, 'simhei.ttf', await windowsFaces.simhei());
    const fonts = library();
    const { faces } = await fonts['fonts.describe']();
    await expect(fonts['fonts.read']({ id: simhei })).rejects.toThrow('No such font');
    // One character off, never the same: an id that already ends in 0 (one run in sixteen) gets a 1.
    const offered = faces.heading!.id;
    await expect(fonts['fonts.read']({ id: `${offered.slice(0, -1)}${offered.endsWith('0') ? '1' : '0'}` })).rejects.toThrow('No such font');
    await expect(fonts['fonts.read']({ id: '../../etc/passwd' })).rejects.toThrow('No such font');
  });

  it('names a changed file anew, and refuses the id it had before', async () => {
    const path = await installFont(installed, 'simhei.ttf', await windowsFaces.simhei());
    const fonts = library();
    const before = (await fonts['fonts.describe']()).faces.heading!;
    await writeFile(path, await makeTestFont({ family: 'SimHei', chineseFamily: '黑体', postscriptName: 'SimHei', chars: '承诺书政务诚信黑' }));
    const after = (await fonts['fonts.describe']()).faces.heading!;
    expect(after.id).not.toBe(before.id);
    expect(after.family).toBe('黑体');
    await expect(fonts['fonts.read']({ id: before.id })).rejects.toThrow('No such font');
    expect(bytesOf((await fonts['fonts.read']({ id: after.id })).base64)).toEqual(new Uint8Array(await readFile(path)));
  });
});

describe('fonts.pick and fonts.forget', () => {
  it('keeps a picked font in the data folder and uses it for its role before the installed face', async () => {
    await installFont(installed, 'simfang.ttf', await windowsFaces.fangsong());
    const picked = await makeTestFont({ family: 'FZFangSong-Z02S', chineseFamily: '方正仿宋简体', postscriptName: 'FZFSJW--GB1-0' });
    const fonts = library();
    const result = await fonts['fonts.pick']({ role: 'body', name: '方正仿宋简体.TTF', base64: base64(picked) });
    if (!result.ok) throw new Error(result.message);
    expect(result.face).toMatchObject({ family: '方正仿宋简体', index: 0, origin: 'picked' });
    expect(result.face.file.startsWith(join(dataDir, 'fonts'))).toBe(true);
    expect(result.face.file.endsWith('.ttf')).toBe(true);
    expect(new Uint8Array(await readFile(result.face.file))).toEqual(picked);
    const { faces } = await fonts['fonts.describe']();
    expect(faces.body).toEqual(result.face);
    expect(bytesOf((await fonts['fonts.read']({ id: result.face.id })).base64)).toEqual(picked);
  });

  it.skipIf(process.platform === 'win32')('keeps the picked file for this user only (0600 in a 0700 folder)', async () => {
    const result = await library()['fonts.pick']({ role: 'heading', name: 'simhei.ttf', base64: base64(await windowsFaces.simhei()) });
    if (!result.ok) throw new Error(result.message);
    expect((await stat(result.face.file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'fonts'))).mode & 0o777).toBe(0o700);
  });

  it('takes from a picked collection the face of the role’s official family, else the first that has Chinese', async () => {
    const collection = makeTestCollection([await windowsFaces.latin(), await windowsFaces.fangsong(), await windowsFaces.kaiti()]);
    const fonts = library();
    const subheading = await fonts['fonts.pick']({ role: 'subheading', name: 'fonts.ttc', base64: base64(collection) });
    const title = await fonts['fonts.pick']({ role: 'title', name: 'fonts.ttc', base64: base64(collection) });
    expect(subheading).toMatchObject({ ok: true, face: { family: '楷体', index: 2 } });
    expect(title).toMatchObject({ ok: true, face: { family: '仿宋', index: 1 } });
    if (!title.ok) return;
    expect(bytesOf((await fonts['fonts.read']({ id: title.face.id })).base64)).toEqual(collection);
  });

  it('refuses, naming the file, what is not a TrueType/OpenType font and a font without Chinese', async () => {
    const fonts = library();
    const woff = new Uint8Array(await readFile(require.resolve(BUNDLED_FACES.subheading.module)));
    expect(await fonts['fonts.pick']({ role: 'body', name: '说明.pdf', base64: base64(new TextEncoder().encode('%PDF-1.7')) })).toEqual({
      ok: false,
      message: '说明.pdf 不是可用的字体文件（应为 TrueType 或 OpenType 字体：.ttf、.otf、.ttc 或 .otc）。',
    });
    expect(await fonts['fonts.pick']({ role: 'body', name: 'wenkai.woff', base64: base64(woff) })).toMatchObject({ ok: false, message: expect.stringContaining('wenkai.woff 不是可用的字体文件') });
    const truncated = (await windowsFaces.fangsong()).subarray(0, 400);
    expect(await fonts['fonts.pick']({ role: 'body', name: 'broken.ttf', base64: base64(truncated) })).toMatchObject({ ok: false, message: expect.stringContaining('broken.ttf 不是可用的字体文件') });
    expect(await fonts['fonts.pick']({ role: 'body', name: 'Latin.ttf', base64: base64(await windowsFaces.latin()) })).toEqual({
      ok: false,
      message: 'Latin.ttf 中没有常用汉字（如“承诺书”）的字形，不能用来排印承诺书。',
    });
    const lacking = await makeTestFont({ family: 'FangSong', chineseFamily: '仿宋', postscriptName: 'FangSong', chars: '承诺书政务诚' });
    expect(await fonts['fonts.pick']({ role: 'body', name: 'lacks.ttf', base64: base64(lacking) })).toMatchObject({ ok: false, message: expect.stringContaining('lacks.ttf 中没有常用汉字') });
    expect((await fonts['fonts.describe']()).faces.body).toBeNull();
    expect(await readdir(join(dataDir, 'fonts')).catch(() => [])).toEqual([]);
  });

  it('keeps the picks for the next start, and forgetting one goes back to the installed face and removes the kept file', async () => {
    const simhei = await installFont(installed, 'simhei.ttf', await windowsFaces.simhei());
    const first = await library()['fonts.pick']({ role: 'heading', name: 'hei.otf', base64: base64(await makeTestFont({ family: 'FZHei-B01S', chineseFamily: '方正黑体简体', postscriptName: 'FZHTJW--GB1-0' })) });
    if (!first.ok) throw new Error(first.message);

    const restarted = library();
    expect((await restarted['fonts.describe']()).faces.heading).toEqual(first.face);
    await restarted['fonts.forget']({ role: 'heading' });
    expect((await restarted['fonts.describe']()).faces.heading).toMatchObject({ family: '黑体', file: simhei, origin: 'system' });
    await expect(stat(first.face.file)).rejects.toThrow();
    await expect(restarted['fonts.read']({ id: first.face.id })).rejects.toThrow('No such font');
    expect((await library()['fonts.describe']()).faces.heading).toMatchObject({ origin: 'system' });
  });

  it('replaces an earlier pick of the role, removing the file it kept', async () => {
    const fonts = library();
    const first = await fonts['fonts.pick']({ role: 'body', name: 'a.ttf', base64: base64(await windowsFaces.fangsong()) });
    const second = await fonts['fonts.pick']({ role: 'body', name: 'b.ttf', base64: base64(await windowsFaces.fangsongGb2312()) });
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(second.face.family).toBe('仿宋_GB2312');
    expect(await readdir(join(dataDir, 'fonts'))).toEqual(expect.arrayContaining([second.face.file.split(/[\\/]/).pop()]));
    await expect(stat(first.face.file)).rejects.toThrow();
  });
});

describe('the host', () => {
  it('serves the fonts calls over the folders it is given, keeping picks in its data folder', async () => {
    await installFont(installed, 'simhei.ttf', await windowsFaces.simhei());
    const info = { name: 'Pledge Desk', version: '1.0.0', shell: 'web' as const, platform: 'linux', dataDir };
    const handlers = createBridgeHandlers({ info, chooseSavePath: async () => null, tempDir: dir, fontFolders: [installed] }, { handlers: recordingHandlers() });
    expect((await handlers['fonts.describe']()).faces.heading).toMatchObject({ family: '黑体', origin: 'system' });
    const picked = await handlers['fonts.pick']({ role: 'body', name: 'fs.ttf', base64: base64(await windowsFaces.fangsong()) });
    expect(picked).toMatchObject({ ok: true, face: { origin: 'picked' } });
    expect(await readdir(join(dataDir, 'fonts'))).toContain('picks.json');
  });
});
