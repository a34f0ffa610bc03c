/// <reference lib="webworker" />
// First: see zod-without-eval.ts.
import '../app/zod-without-eval';
import { readBackup, writeBackup } from '../../core/backup/backup-file';
import type { BackupJob, BackupReply } from './backup-protocol';
import { errorText } from '../../core/errors/error-text';

/**
 * Zipping and unzipping a backup is synchronous work of seconds for a folder of scans; here it
 * runs off the UI thread, so the progress bar moves and the window stays responsive.
 */
declare const self: DedicatedWorkerGlobalScope;

const reply = (message: BackupReply, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const onProgress = (done: number, total: number) => reply({ kind: 'progress', done, total });

self.onmessage = async (event: MessageEvent<BackupJob>) => {
  const job = event.data;
  try {
    if (job.kind === 'write') {
      const bytes = await writeBackup(job.contents, { exportedAt: new Date(job.exportedAt), appVersion: job.appVersion, onProgress });
      reply({ kind: 'written', bytes }, [bytes.buffer]);
    } else {
      reply({ kind: 'read', result: await readBackup(job.bytes, onProgress, new Date(job.now)) });
    }
  } catch (error) {
    reply({ kind: 'failed', error: errorText(error) });
  }
};
