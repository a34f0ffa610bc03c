import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SAVED_FILE_EXTENSIONS, type AppInfo, type DesktopHandlers } from '../../core/bridge/desktop-api';
import type { SyncService } from '../sync/sync-service';
import { appendErrorReport } from './error-log';
import { makePrivateFolder, writePrivateFile } from './private-files';
import { safeFileName } from './safe-file-name';

/**
 * The services behind the bridge, in plain Node: Electron's main process and the HTTP host for
 * the browser both serve exactly these handlers, each over its own transport.
 */
export interface ServiceContext {
  readonly info: AppInfo;
  readonly now?: () => Date;
  /** Where to save a file the user asked to save, or null when they cancelled (a dialog in Electron). */
  readonly chooseSavePath: (suggestedName: string) => Promise<string | null>;
  /** Where temporary files for the system viewer go. */
  readonly tempDir: string;
  /** Opens a file in the system's viewer; absent where there is none to open (the browser host). */
  readonly openPath?: (path: string) => Promise<void>;
  /** Lets a window that waits for the page's last saves close; absent where none waits. */
  readonly readyToClose?: () => boolean;
  /** The outbox and the platform settings. */
  readonly sync: Pick<SyncService, 'handlers'>;
}

export function createDesktopServices(context: ServiceContext): DesktopHandlers {
  const now = context.now ?? (() => new Date());
  return {
    ...context.sync.handlers,
    'app.getInfo': () => context.info,
    'diagnostics.reportError': async (report) => {
      await appendErrorReport(context.info.dataDir, report, now());
      return { logged: true };
    },
    'app.readyToClose': () => ({ closing: context.readyToClose?.() ?? false }),
    'files.saveFile': async ({ kind, suggestedName, base64 }) => {
      const path = await context.chooseSavePath(safeFileName(suggestedName, SAVED_FILE_EXTENSIONS[kind]));
      if (path === null) return { saved: false };
      await writeBase64(path, base64);
      return { saved: true, path };
    },
    'files.openPdf': async ({ suggestedName, base64 }) => {
      // A folder per call: two letters with the same name never overwrite each other while open.
      await makePrivateFolder(context.tempDir);
      // mkdtemp makes it 0700.
      const folder = await mkdtemp(join(context.tempDir, 'pledge-print-'));
      const path = join(folder, safeFileName(suggestedName, '.pdf'));
      await writeBase64(path, base64);
      if (!context.openPath) return { opened: false, path };
      await context.openPath(path);
      return { opened: true, path };
    },
  };
}

/** Print copies older than this are removed at start: the viewer has long since read them. */
export const PRINT_COPY_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the folders `files.openPdf` left for the system viewer (letter PDFs should not pile up
 * in a temp folder). Only our own `pledge-print-*` folders older than a day are touched.
 */
export async function removeOldPrintCopies(tempDir: string, now: Date = new Date()): Promise<number> {
  let removed = 0;
  const entries = await readdir(tempDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('pledge-print-')) continue;
    const path = join(tempDir, entry.name);
    const { mtimeMs } = await stat(path);
    if (now.getTime() - mtimeMs < PRINT_COPY_MAX_AGE_MS) continue;
    await rm(path, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

async function writeBase64(path: string, base64: string): Promise<void> {
  await makePrivateFolder(dirname(path));
  await writePrivateFile(path, Buffer.from(base64, 'base64'));
}
