import { t } from '../../core/i18n/translate';
import type { ProgressReport } from '../../core/progress/progress-schema';

/** The report's items as they will be printed: number, content, status (with the reason of 已调整) and note; then its evidence files. */
export function ReportItemsTable({ report }: { report: Pick<ProgressReport, 'items' | 'evidence'> }) {
  return (
    <>
      <table className="report-items" data-testid="report-items">
        <caption>{t('ui.reports.items')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ui.reports.column.number')}</th>
            <th scope="col">{t('ui.reports.column.content')}</th>
            <th scope="col">{t('ui.reports.column.status')}</th>
            <th scope="col">{t('ui.reports.column.note')}</th>
          </tr>
        </thead>
        <tbody>
          {report.items.map((item) => (
            <tr key={item.number} data-testid="report-item">
              <td>{item.number}</td>
              <td>{item.content}</td>
              <td>
                {item.status}
                {item.reason && `（${item.reason}）`}
              </td>
              <td>{item.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.evidence.length > 0 && (
        <ul className="report-evidence" aria-label={t('ui.reports.evidence')}>
          {report.evidence.map((file) => (
            <li key={file.sha256 + file.name}>
              {file.item === undefined ? file.name : t('ui.reports.evidence-of-item', { n: file.item, name: file.name })}
              {file.public && t('ui.reports.evidence-public')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
