import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AppInfo, DesktopHandlers } from '../../core/bridge/desktop-api';
import { appendErrorReport } from './error-log';

/**
 * The services behind the bridge, in plain Node: Electron's main process and the HTTP host for
 * the browser both serve exactly these handlers, each over its own transport.
 */
export interface ServiceContext {
  readonly info: AppInfo;
  readonly now?: () => Date;
  /** Where to save a file the user asked to save, or null when they cancelled (a dialog in Electron). */
  readonly chooseSavePath: (suggestedName: string) => Promise<string | null>;
}

export function createDesktopServices(context: ServiceContext): DesktopHandlers {
  const now = context.now ?? (() => new Date());
  return {
    'app.getInfo': () => context.info,
    'diagnostics.reportError': async (report) => {
      await appendErrorReport(context.info.dataDir, report, now());
      return { logged: true };
    },
    'files.savePdf': async ({ suggestedName, base64 }) => {
      const path = await context.chooseSavePath(safeFileName(suggestedName, '.pdf'));
      if (path === null) return { saved: false };
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, Buffer.from(base64, 'base64'));
      return { saved: true, path };
    },
  };
}

/** A name that is only a file name, whatever the page sent: no folders, no reserved characters. */
export function safeFileName(name: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim().slice(0, 150) || 'letter';
  return base.toLowerCase().endsWith(extension) ? base : `${base}${extension}`;
}
