import { describe, expect, it } from 'vitest';
import { systemFontFolders, type FontFolderContext } from '../../../node/fonts/system-font-folders';

const context = (platform: NodeJS.Platform, env: Record<string, string> = {}, list: FontFolderContext['list'] = () => []): FontFolderContext => ({
  platform,
  env,
  home: platform === 'win32' ? 'C:\\Users\\wang' : platform === 'darwin' ? '/Users/wang' : '/home/wang',
  list,
});

describe('systemFontFolders', () => {
  it('on Windows, the system Fonts folder and the one fonts installed for this user only go to', () => {
    expect(systemFontFolders(context('win32', { WINDIR: 'D:\\WINDOWS', LOCALAPPDATA: 'C:\\Users\\wang\\AppData\\Local' }))).toEqual([
      'D:\\WINDOWS\\Fonts',
      'C:\\Users\\wang\\AppData\\Local\\Microsoft\\Windows\\Fonts',
    ]);
    expect(systemFontFolders(context('win32'))).toEqual(['C:\\Windows\\Fonts', 'C:\\Users\\wang\\AppData\\Local\\Microsoft\\Windows\\Fonts']);
  });

  it('on Linux (UOS, Kylin), the system, local and user folders and the fonts WPS Office keeps to itself', () => {
    const folders = systemFontFolders(context('linux'));
    expect(folders).toEqual([
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      '/home/wang/.local/share/fonts',
      '/home/wang/.fonts',
      '/opt/kingsoft/wps-office/office6/fonts',
    ]);
    expect(systemFontFolders(context('linux', { XDG_DATA_HOME: '/data/wang' }))).toContain('/data/wang/fonts');
  });

  it('on macOS, the system, supplemental, local and user folders and the fonts downloaded on demand', () => {
    const list = (folder: string) => (folder === '/System/Library/AssetsV2' ? ['com_apple_MobileAsset_MacSoftwareUpdate', 'com_apple_MobileAsset_Font7'] : []);
    expect(systemFontFolders(context('darwin', {}, list))).toEqual([
      '/System/Library/Fonts',
      '/System/Library/Fonts/Supplemental',
      '/Library/Fonts',
      '/Users/wang/Library/Fonts',
      '/System/Library/AssetsV2/com_apple_MobileAsset_Font7',
    ]);
  });

  it('searches exactly the folders PLEDGE_FONT_DIRS lists, separated as the platform separates paths, and none when it is empty', () => {
    expect(systemFontFolders(context('linux', { PLEDGE_FONT_DIRS: '/tmp/a:/tmp/b' }))).toEqual(['/tmp/a', '/tmp/b']);
    expect(systemFontFolders(context('win32', { PLEDGE_FONT_DIRS: 'C:\\fonts;D:\\more fonts' }))).toEqual(['C:\\fonts', 'D:\\more fonts']);
    expect(systemFontFolders(context('darwin', { PLEDGE_FONT_DIRS: '' }))).toEqual([]);
    expect(systemFontFolders(context('linux', { PLEDGE_FONT_DIRS: '' }))).toEqual([]);
  });

  it('is set empty for every test run (vitest.config.ts), so no test, nor a program it starts, sees this machine’s fonts', () => {
    expect(process.env['PLEDGE_FONT_DIRS']).toBe('');
  });

  it('reads the environment of this process by default', () => {
    const before = process.env['PLEDGE_FONT_DIRS'];
    process.env['PLEDGE_FONT_DIRS'] = '';
    try {
      expect(systemFontFolders()).toEqual([]);
    } finally {
      if (before === undefined) delete process.env['PLEDGE_FONT_DIRS'];
      else process.env['PLEDGE_FONT_DIRS'] = before;
    }
  });
});
