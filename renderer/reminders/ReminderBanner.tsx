import { useState } from 'react';
import { WARNING_DAYS } from '../../core/calendar/report-days';
import type { LetterWarnings } from '../../core/calendar/letter-warnings';
import { t } from '../../core/i18n/translate';
import type { Reminders } from './use-reminders';

/** "2 项承诺 10 天内到期；1 项已逾期", or '' when the letter has nothing to warn of. */
export function describeWarnings(warnings: LetterWarnings): string {
  const parts = [
    ...(warnings.dueSoon.length > 0 ? [t('ui.reminders.due-soon', { count: warnings.dueSoon.length, n: WARNING_DAYS })] : []),
    ...(warnings.overdue.length > 0 ? [t('ui.reminders.overdue', { count: warnings.overdue.length })] : []),
  ];
  return parts.join('；');
}

/**
 * The in-app reminder: each delivered letter with items due soon or overdue, leading to its 践诺
 * tab; the unit's dates and report days near; what fired last while the app ran (the only
 * reminder where the host shows no notification). Dismissed, it stays away until what it says changes.
 */
export function ReminderBanner({ reminders, onOpen }: { reminders: Reminders; onOpen: (draftId: string) => void }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const letters = reminders.letters.flatMap((letter) => {
    const said = describeWarnings(letter.warnings);
    return said === '' ? [] : [{ ...letter, said }];
  });
  const upcoming = [...new Map(reminders.letters.flatMap((letter) => letter.warnings.upcoming).map((event) => [`${event.date} ${event.title}`, event])).values()];
  const failed = reminders.failed.length > 0 ? t('ui.reminders.letters-failed', { count: reminders.failed.length, details: reminders.failed.map((f) => `${f.name}（${f.message}）`).join('；') }) : '';
  const signature = JSON.stringify([letters.map((l) => [l.draftId, l.said]), upcoming.map((e) => e.key + e.date), failed, reminders.fired]);
  if (letters.length === 0 && upcoming.length === 0 && failed === '' && reminders.fired.length === 0) return null;
  if (dismissed === signature) return null;

  return (
    <section className="reminder-banner" aria-label={t('ui.reminders.title')} data-testid="reminder-banner">
      <p className="reminder-banner__title">
        <strong>{t('ui.reminders.title')}</strong>
      </p>
      {reminders.fired.length > 0 && (
        <div className="reminder-banner__fired" data-testid="reminder-fired">
          <span>{t('ui.reminders.fired')}：</span>
          <ul>
            {reminders.fired.map((line) => (
              <li key={line.text}>{line.text}</li>
            ))}
          </ul>
        </div>
      )}
      {letters.length > 0 && (
        <ul className="reminder-banner__letters">
          {letters.map((letter) => (
            <li key={letter.draftId} data-testid="reminder-letter">
              <span>{t('ui.reminders.letter', { name: letter.name, details: letter.said })}</span>{' '}
              <button type="button" onClick={() => onOpen(letter.draftId)} aria-label={t('ui.reminders.open-named', { name: letter.name })}>
                {t('ui.reminders.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {upcoming.length > 0 && (
        <ul className="reminder-banner__upcoming">
          {upcoming.map((event) => (
            <li key={`${event.date} ${event.title}`}>{t('ui.reminders.upcoming', { at: event.date, title: event.title })}</li>
          ))}
        </ul>
      )}
      {failed && <p className="reminder-banner__failed">{failed}</p>}
      <button type="button" onClick={() => setDismissed(signature)}>
        {t('ui.dismiss')}
      </button>
    </section>
  );
}
