import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SAVED_FILE_EXTENSIONS, type AppInfo, type DesktopHandlers, type NotificationRequest } from '../core/bridge/desktop-api';
import type { RetryPolicy } from '../core/outbox/retry-delay';
import { createOutboxService, type OutboxService } from './outbox/outbox-service';
import type { TokenVault } from './outbox/token-vault';
import { appendErrorReport } from './diagnostics/error-log';
import { makePrivateFolder, writePrivateFile } from '../node/files/private-files';
import { safeFileName } from './files/safe-file-name';
import { signPdfHandler } from './signing/sign-pdf-handler';
import { createFontLibrary } from './fonts/font-library';

/**
 * The Node side of the app, composed once: Electron's main process and the HTTP host for the
 * browser both call `createHost` and serve exactly these handlers, each over its own transport.
 * What differs between the shells (how to ask where to save, where the token is kept, whether
 * there is a system viewer) comes in as options.
 */
export interface HostOptions {
  readonly info: AppInfo;
  readonly now?: () => Date;
  /** Where to save a file the user asked to save, or null when they cancelled (a dialog in Electron). */
  readonly chooseSavePath: (suggestedName: string) => Promise<string | null>;
  /** Where temporary files for the system viewer go. */
  readonly tempDir: string;
  /** Opens a file in the system's viewer; absent where there is none to open (the browser host). */
  readonly openPath?: (path: string) => Promise<void>;
  /** Shows a desktop notification, false when none could be shown; absent where the shell has none (the browser host). */
  readonly notify?: (request: NotificationRequest) => boolean;
  /** Lets a window that waits for the page's last saves close; absent where none waits. */
  readonly readyToClose?: () => boolean;
  /** Where the platform token is kept: the system key store in Electron, a private file in the browser host. */
  readonly vault: TokenVault;
  readonly probeRetry?: RetryPolicy;
  readonly onError?: (error: unknown) => void;
  /** Where installed official faces are looked for; the system's font folders (or PLEDGE_FONT_DIRS) when absent. */
  readonly fontFolders?: readonly string[];
}

export interface Host {
  readonly handlers: DesktopHandlers;
  /** Started by the shell (before its window or listener exists) and stopped when it quits. */
  readonly outbox: OutboxService;
}

export function createHost(options: HostOptions): Host {
  const outbox = createOutboxService({
    dataDir: options.info.dataDir,
    vault: options.vault,
    chooseSavePath: options.chooseSavePath,
    ...(options.probeRetry ? { probeRetry: options.probeRetry } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return { handlers: createBridgeHandlers(options, outbox), outbox };
}

/** The handlers over a given outbox; exported for tests that check the file calls alone. */
export function createBridgeHandlers(options: Omit<HostOptions, 'vault'>, outbox: Pick<OutboxService, 'handlers'>): DesktopHandlers {
  const now = options.now ?? (() => new Date());
  return {
    ...outbox.handlers,
    ...createFontLibrary({ dataDir: options.info.dataDir, ...(options.fontFolders ? { folders: options.fontFolders } : {}) }),
    'app.getInfo': () => options.info,
    'diagnostics.reportError': async (report) => {
      await appendErrorReport(options.info.dataDir, report, now());
      return { logged: true };
    },
    'app.readyToClose': () => ({ closing: options.readyToClose?.() ?? false }),
    'app.notify': (request) => ({ shown: options.notify?.(request) ?? false }),
    'signing.signPdf': (request) => signPdfHandler(request, now()),
    'files.saveFile': async ({ kind, suggestedName, base64 }) => {
      const path = await options.chooseSavePath(safeFileName(suggestedName, SAVED_FILE_EXTENSIONS[kind]));
      if (path === null) return { saved: false };
      await writeBase64(path, base64);
      return { saved: true, path };
    },
    'files.openPdf': async ({ suggestedName, base64 }) => {
      // A folder per call: two letters with the same name never overwrite each other while open.
      await makePrivateFolder(options.tempDir);
      // mkdtemp makes it 0700.
      const folder = await mkdtemp(join(options.tempDir, 'pledge-print-'));
      const path = join(folder, safeFileName(suggestedName, '.pdf'));
      await writeBase64(path, base64);
      if (!options.openPath) return { opened: false, path };
      await options.openPath(path);
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
