import type { LetterSummary } from './draft-record';
import { t } from '../i18n/translate';

/** `青山县政务服务中心2026年度政务诚信承诺书`, or a placeholder while the name is empty. */
export function draftTitle(summary: LetterSummary): string {
  const name = summary.name || t('ui.untitled');
  return summary.year === null ? name : `${name}${t('ui.letter-title', { year: summary.year })}`;
}
