import { appendFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorReport } from '../../core/bridge/desktop-api';
import { makePrivateFolder, PRIVATE_FILE_MODE } from '../../node/files/private-files';

/** Past this size the log is rotated once, so a loop of errors cannot fill a clerk's disk. */
const MAX_LOG_BYTES = 2 * 1024 * 1024;

export function errorLogPath(dataDir: string): string {
  return join(dataDir, 'logs', 'renderer-errors.log');
}

/** Appends one JSON line per renderer error to the data folder's log. */
export async function appendErrorReport(dataDir: string, report: ErrorReport, at: Date): Promise<void> {
  const file = errorLogPath(dataDir);
  await makePrivateFolder(join(dataDir, 'logs'));
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size > MAX_LOG_BYTES) await rename(file, `${file}.1`);
  await appendFile(file, `${JSON.stringify({ at: at.toISOString(), ...report })}\n`, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
}
