import type { QuarantineRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { formatTime } from '../shared/format-time';

/** Records that could not be read are shown with their content, so nothing disappears silently. */
export function UnreadableDrafts({ records }: { records: readonly QuarantineRecord[] }) {
  if (records.length === 0) return null;
  return (
    <section className="unreadable" aria-label={t('ui.unreadable.title')} data-testid="unreadable">
      <h3>{t('ui.unreadable.title')}</h3>
      <p>{t('ui.unreadable.explain', { count: records.length })}</p>
      <ul>
        {records.map((record, i) => (
          <li key={`${record.source}-${record.key}-${i}`}>
            <details>
              <summary>
                {record.key} · {formatTime(record.at)}
              </summary>
              <p className="unreadable__reason">{record.reason}</p>
              <pre className="unreadable__raw">{record.raw}</pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
