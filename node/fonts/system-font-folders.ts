import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Where to look instead of the system's folders (path.delimiter-separated); set, even empty, it is the whole list. */
export const FONT_DIRS_ENV = 'PLEDGE_FONT_DIRS';

export interface FontFolderContext {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  /** The names in a folder, none where it is missing. */
  readonly list: (folder: string) => readonly string[];
}

const HERE: FontFolderContext = {
  platform: process.platform,
  env: process.env,
  home: homedir(),
  list: (folder) => {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  },
};

/** Where macOS keeps the fonts it downloads on demand (楷体-简 and 黑体-简 among them), a folder per asset kind. */
const MAC_ASSETS = '/System/Library/AssetsV2';

/**
 * The folders the official faces are looked for in, searched with their subfolders. Tests and CI
 * set PLEDGE_FONT_DIRS (empty: search nothing) so the machine's own fonts never decide a result.
 */
export function systemFontFolders(context: FontFolderContext = HERE): string[] {
  const { platform, env, home, list } = context;
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const override = env[FONT_DIRS_ENV];
  if (override !== undefined) return override.split(paths.delimiter).filter((folder) => folder.trim() !== '');
  if (platform === 'win32') {
    const windows = env['WINDIR'] ?? env['SystemRoot'] ?? 'C:\\Windows';
    // Fonts installed "for me only" (Windows 10 1809 and later) go to the user's own folder.
    const local = env['LOCALAPPDATA'] ?? paths.join(home, 'AppData', 'Local');
    return [paths.join(windows, 'Fonts'), paths.join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') {
    const downloaded = list(MAC_ASSETS)
      .filter((name) => name.startsWith('com_apple_MobileAsset_Font'))
      .sort()
      .map((name) => paths.join(MAC_ASSETS, name));
    return ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', paths.join(home, 'Library', 'Fonts'), ...downloaded];
  }
  const userData = env['XDG_DATA_HOME'] || paths.join(home, '.local', 'share');
  return unique([
    // UOS puts its CESI faces in /usr/share/fonts/fonts-cesi, Kylin and Deepin their own subfolders: all beneath this one.
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    paths.join(userData, 'fonts'),
    paths.join(home, '.local', 'share', 'fonts'),
    paths.join(home, '.fonts'),
    // WPS Office, the office suite of UOS and Kylin, keeps the fonts it ships in its own folder unless packaged to share them.
    '/opt/kingsoft/wps-office/office6/fonts',
  ]);
}

function unique(folders: readonly string[]): string[] {
  return [...new Set(folders)];
}
