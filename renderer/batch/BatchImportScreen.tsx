import { useId, useState } from 'react';
import { t } from '../../core/i18n/translate';
import { fieldLabel } from '../../core/letter/field-path';
import { PROFILE_LETTER_PATHS, profileProblems, type UnitProfile } from '../../core/profile/unit-profile';
import { staffLetter, staffLetterBaseFromProfile } from '../../core/staff/staff-letter';
import { readStaffRoster, type StaffRosterReading } from '../../core/staff/staff-roster';
import { staffRosterTemplate } from '../../core/staff/staff-roster-template';
import { errorText } from '../../core/errors/error-text';
import { BackBar } from '../app/BackBar';
import { FileButton } from '../app/FileButton';
import { saveFile } from '../bridge/save-file';
import { localIsoDate } from '../shared/local-date';
import type { BatchStore } from '../store/batch-store';
import { describeStorageError } from '../store/storage-errors';

interface BatchImportScreenProps {
  readonly store: BatchStore;
  /** null when none was entered, undefined while it is read. */
  readonly profile: UnitProfile | null | undefined;
  readonly onBack: () => void;
  readonly onFillProfile: () => void;
  readonly onCreated: (batchId: string) => void;
}

interface Reading {
  readonly fileName: string;
  readonly result: StaffRosterReading;
}

/**
 * Reads the office's staff roster, shows who will get a letter and every row that will not (with
 * its reason), then makes the batch: one personal letter per accepted member, from the template
 * for their post type and the unit profile.
 */
export function BatchImportScreen({ store, profile, onBack, onFillProfile, onCreated }: BatchImportScreenProps) {
  const id = useId();
  const today = new Date();
  const [year, setYear] = useState(String(today.getFullYear()));
  const [date, setDate] = useState(localIsoDate(today));
  const [reading, setReading] = useState<Reading | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const gaps = profile ? [...profileProblems(profile).keys()].map((field) => fieldLabel(PROFILE_LETTER_PATHS[field])) : [];
  const profileReady = profile !== null && profile !== undefined && gaps.length === 0;

  const choose = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    setReading(null);
    setProblem(null);
    setMessage(t('ui.batch.import.reading', { file: file.name }));
    try {
      const result = await readStaffRoster(new Uint8Array(await file.arrayBuffer()), file.name);
      setReading({ fileName: file.name, result });
      setMessage(null);
    } catch (error) {
      setMessage(t('ui.batch.import.read-failed', { file: file.name, reason: errorText(error) }));
    }
  };

  const generate = async () => {
    if (!reading || !profile || !profileReady) return;
    const chosenYear = Number(year);
    if (!Number.isInteger(chosenYear) || chosenYear < 2000 || chosenYear > 2100) return setProblem(t('ui.batch.import.bad-year'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setProblem(t('ui.batch.import.bad-date'));
    setProblem(null);
    setBusy(true);
    setMessage(t('ui.batch.import.generating', { count: reading.result.members.length }));
    try {
      const base = staffLetterBaseFromProfile(profile, chosenYear, date);
      const letters = reading.result.members.map((member) => ({ member, letter: staffLetter(base, member) }));
      const title = t('ui.batch.title', { year: chosenYear, file: reading.fileName });
      const batch = await store.create({ title, year: chosenYear, sourceName: reading.fileName, letters, refused: reading.result.refused }, new Date());
      onCreated(batch.id);
    } catch (error) {
      setMessage(describeStorageError(error));
      setBusy(false);
    }
  };

  const downloadTemplate = async () => setMessage(await saveFile('spreadsheet', t('ui.batch.import.template-name'), await staffRosterTemplate()));

  const accepted = reading?.result.members.length ?? 0;
  const refused = reading?.result.refused ?? [];
  return (
    <section className="batch-import" aria-labelledby={`${id}-title`}>
      <BackBar onBack={onBack} />
      <h2 id={`${id}-title`}>{t('ui.batch.import.title')}</h2>
      <p>{t('ui.batch.import.explain')}</p>
      {profile === null && (
        <p className="error" data-testid="batch-profile">
          {t('ui.batch.import.profile-missing')}{' '}
          <button type="button" onClick={onFillProfile}>
            {t('ui.batch.import.fill-profile')}
          </button>
        </p>
      )}
      {profile && gaps.length > 0 && (
        <p className="error" data-testid="batch-profile">
          {t('ui.batch.import.profile-incomplete', { list: gaps.join('、') })}{' '}
          <button type="button" onClick={onFillProfile}>
            {t('ui.batch.import.fill-profile')}
          </button>
        </p>
      )}
      <div className="actions actions--start">
        <FileButton label={t('ui.batch.import.choose')} accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" disabled={busy} onFiles={(files) => void choose(files)} />
        <button type="button" onClick={() => void downloadTemplate()}>
          {t('ui.batch.import.template')}
        </button>
      </div>
      {message && (
        <p role="status" data-testid="batch-import-status">
          {message}
        </p>
      )}
      {reading && (
        <div className="batch-import__reading">
          <p data-testid="batch-accepted">{accepted > 0 ? t('ui.batch.import.accepted', { file: reading.fileName, count: accepted }) : t('ui.batch.import.none-accepted', { file: reading.fileName })}</p>
          {refused.length > 0 && (
            <>
              <p>{t('ui.batch.import.refused', { count: refused.length })}</p>
              <ul className="batch-refused" aria-label={t('ui.batch.import.refused-list')}>
                {refused.map((refusal) => (
                  <li key={`${refusal.row}-${refusal.message}`} data-testid="batch-refused-row">
                    {refusal.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {accepted > 0 && (
            <form className="batch-import__generate" onSubmit={(e) => (e.preventDefault(), void generate())}>
              <div className="field">
                <label htmlFor={`${id}-year`}>{t('ui.batch.import.year')}</label>
                <input id={`${id}-year`} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-date`}>{t('ui.batch.import.date')}</label>
                <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
              </div>
              {problem && <p className="field-message">{problem}</p>}
              <button type="submit" className="primary" disabled={busy || !profileReady}>
                {t('ui.batch.import.generate', { count: accepted })}
              </button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
