import type { BackupContents, ReadBackupResult, WriteBackupOptions } from '../../core/backup/backup-file';
import type { BackupJob, BackupReply } from './backup-protocol';

type Progress = (done: number, total: number) => void;

/** Runs one job in a fresh worker, relaying progress; the worker ends with the job. */
function runJob(job: BackupJob, onProgress: Progress | undefined, transfer: Transferable[] = []): Promise<BackupReply> {
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<BackupReply>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BackupReply>) => {
      if (event.data.kind === 'progress') return onProgress?.(event.data.done, event.data.total);
      resolve(event.data);
    };
    worker.onerror = (event) => reject(new Error(event.message || 'backup worker failed'));
    worker.postMessage(job, transfer);
  }).finally(() => worker.terminate());
}

/** {@link writeBackup} off the UI thread, with the same signature. */
export async function writeBackupInWorker(contents: BackupContents, options: WriteBackupOptions): Promise<Uint8Array> {
  const result = await runJob({ kind: 'write', contents, exportedAt: options.exportedAt.getTime(), appVersion: options.appVersion }, options.onProgress);
  if (result.kind === 'written') return result.bytes;
  throw new Error(result.kind === 'failed' ? result.error : `unexpected reply ${result.kind}`);
}

/** {@link readBackup} off the UI thread; the bytes are handed over, not copied. */
export async function readBackupInWorker(bytes: Uint8Array, now: Date, onProgress?: Progress): Promise<ReadBackupResult> {
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const result = await runJob({ kind: 'read', bytes: owned, now: now.getTime() }, onProgress, [owned.buffer]);
  if (result.kind === 'read') return result.result;
  throw new Error(result.kind === 'failed' ? result.error : `unexpected reply ${result.kind}`);
}
