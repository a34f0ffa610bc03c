import { useState } from 'react';
import type { ImportPlan } from '../../core/backup/plan-import';
import type { BackupContents } from '../../core/backup/backup-file';
import { t } from '../../core/i18n/translate';
import { FileButton } from '../app/FileButton';
import { saveFile } from '../bridge/save-file';
import type { PledgeDatabase } from '../store/database';
import { draftTitle } from '../../core/drafts/draft-title';
import { formatTime } from '../shared/format-time';
import { localFileStamp } from '../shared/local-date';
import { readBackupInWorker, writeBackupInWorker } from './backup-in-worker';
import { exportDatabase, importBackup, planDatabaseImport } from './backup-io';
import { errorText } from '../../core/errors/error-text';

type Progress = { readonly label: string; readonly done: number; readonly total: number } | null;
/** A backup read and planned against `now`, waiting for the user's choice; `setAside` counts what reading put in the quarantine. */
type Pending = { readonly contents: BackupContents; readonly plan: ImportPlan; readonly now: Date; readonly setAside: number } | null;

/**
 * Everything in one file and back: drafts, history, frozen PDFs and attachments. An import that
 * would replace a draft edited here more recently than in the backup, or with one dated later than
 * this computer's clock, asks first, draft by draft.
 */
export function BackupPanel({ db, appVersion }: { db: PledgeDatabase; appVersion: string }) {
  const [progress, setProgress] = useState<Progress>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [overwrite, setOverwrite] = useState<ReadonlySet<string>>(new Set());

  const track = (label: string) => (done: number, total: number) => setProgress({ label, done, total });

  const exportAll = async () => {
    setMessage(null);
    try {
      const now = new Date();
      const bytes = await exportDatabase(db, { now, appVersion, onProgress: track(t('ui.backup.exporting')), write: writeBackupInWorker });
      setMessage(await saveFile('backup', t('ui.backup.file-name', { stamp: localFileStamp(now) }), bytes));
    } catch (error) {
      setMessage(t('ui.backup.failed', { reason: errorText(error) }));
    } finally {
      setProgress(null);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    try {
      const now = new Date();
      const read = await readBackupInWorker(new Uint8Array(await file.arrayBuffer()), now, track(t('ui.backup.reading')));
      if (!read.ok) return setMessage(t('ui.backup.bad-file', { name: file.name, reason: read.reason }));
      const planned = { contents: read.contents, plan: await planDatabaseImport(db, read.contents, now), now, setAside: read.setAside };
      if (planned.plan.conflicts.length > 0) {
        setOverwrite(new Set());
        setPending(planned);
      } else {
        await runImport(planned, new Set());
      }
    } catch (error) {
      setMessage(t('ui.backup.failed', { reason: errorText(error) }));
    } finally {
      setProgress(null);
    }
  };

  const runImport = async ({ contents, now, setAside }: NonNullable<Pending>, chosen: ReadonlySet<string>) => {
    setPending(null);
    try {
      // The plan's clock, not a later one: a draft the user was asked about stays a question.
      const result = await importBackup(db, contents, { overwrite: chosen, now, onProgress: track(t('ui.backup.importing')) });
      const notes = [
        t('ui.backup.imported', result),
        ...(result.reviewsWithdrawn > 0 ? [t('ui.backup.reviews-withdrawn', { count: result.reviewsWithdrawn })] : []),
        ...(setAside > 0 ? [t('ui.backup.set-aside', { count: setAside })] : []),
        ...(result.profile === 'restored' ? [t('ui.backup.profile-restored')] : result.profile === 'kept' ? [t('ui.backup.profile-kept')] : []),
        ...(result.imagesRestored > 0 ? [t('ui.backup.profile-images-restored', { count: result.imagesRestored })] : []),
        ...(result.imagesKept > 0 ? [t('ui.backup.profile-images-kept', { count: result.imagesKept })] : []),
      ];
      setMessage(notes.join(''));
    } catch (error) {
      setMessage(t('ui.backup.failed', { reason: errorText(error) }));
    } finally {
      setProgress(null);
    }
  };

  const toggle = (id: string) => {
    const next = new Set(overwrite);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOverwrite(next);
  };

  return (
    <section className="backup-panel" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('ui.backup.title')}</h2>
      <p>{t('ui.backup.explain')}</p>
      <div className="actions actions--start">
        <button type="button" onClick={() => void exportAll()} disabled={progress !== null}>
          {t('ui.backup.export')}
        </button>
        <FileButton label={t('ui.backup.import')} accept=".pledgebackup,.zip" disabled={progress !== null} onFiles={(files) => void chooseFile(files[0])} />
      </div>
      {progress && (
        <div className="progress">
          <label>
            {progress.label}
            <progress value={progress.done} max={Math.max(progress.total, 1)} data-testid="backup-progress" />
          </label>
        </div>
      )}
      {message && (
        <p role="status" data-testid="backup-status">
          {message}
        </p>
      )}
      {pending && (
        <div className="conflicts" role="group" aria-labelledby="conflicts-title">
          <h3 id="conflicts-title">
            {pending.plan.conflicts.every((conflict) => conflict.reason === 'changed-here')
              ? t('ui.backup.conflicts', { count: pending.plan.conflicts.length })
              : t('ui.backup.conflicts-to-decide', { count: pending.plan.conflicts.length })}
          </h3>
          <p>{t('ui.backup.conflicts-explain')}</p>
          <ul>
            {pending.plan.conflicts.map(({ incoming, localUpdatedAt, reason }) => (
              <li key={incoming.id}>
                <label>
                  <input type="checkbox" checked={overwrite.has(incoming.id)} onChange={() => toggle(incoming.id)} />
                  {t(reason === 'future' ? 'ui.backup.conflict-future' : 'ui.backup.conflict', {
                    name: draftTitle(incoming.summary),
                    local: formatTime(localUpdatedAt),
                    incoming: formatTime(incoming.updatedAt),
                  })}
                </label>
              </li>
            ))}
          </ul>
          <div className="actions actions--start">
            <button type="button" className="primary" onClick={() => void runImport(pending, overwrite)}>
              {t('ui.backup.import-now')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('ui.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
