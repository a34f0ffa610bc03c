import { isRecord } from '../../core/json/is-record';
import { t } from '../../core/i18n/translate';
import { validateLetter } from '../../core/letter/validate-letter';
import type { Problem } from '../../core/letter/problem';
import type { DraftRecord } from './draft-db';

/** What the list shows of a draft, read defensively: a draft may be half-written or damaged. */
export interface DraftSummary {
  readonly id: string;
  readonly unitName: string;
  readonly year: string;
  readonly itemCount: number;
  readonly updatedAt: number;
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
}

export function summarizeDraft(draft: DraftRecord): DraftSummary {
  const letter = isRecord(draft.letter) ? draft.letter : {};
  const unit = isRecord(letter['unit']) ? letter['unit'] : {};
  const person = isRecord(letter['person']) ? letter['person'] : {};
  const who = letter['kind'] === 'person' ? person['name'] : unit['name'];
  const problems = validateLetter(draft.letter).problems;
  return {
    id: draft.id,
    unitName: typeof who === 'string' && who.trim() !== '' ? who : t('ui.untitled'),
    year: typeof letter['year'] === 'number' ? String(letter['year']) : '',
    itemCount: Array.isArray(letter['items']) ? letter['items'].length : 0,
    updatedAt: draft.updatedAt,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}
