import type { BatchCounts as Counts } from '../../core/batch/batch-progress';
import { t } from '../../core/i18n/translate';

const SHOWN = [
  ['people', 'ui.batch.count.people'],
  ['drafted', 'ui.batch.count.drafted'],
  ['inReview', 'ui.batch.count.in-review'],
  ['approved', 'ui.batch.count.approved'],
  ['signed', 'ui.batch.count.signed'],
  ['delivered', 'ui.batch.count.delivered'],
] as const;

/**
 * The batch's figures as text, and a bar of the same figures: delivered, signed, approved, in
 * review, drafted, and the rest of the roster with no letter. The bar repeats the text, so it is
 * hidden from screen readers.
 */
export function BatchCounts({ counts }: { counts: Counts }) {
  const share = (n: number) => (counts.people === 0 ? 0 : (100 * n) / counts.people);
  const segments = [
    ['delivered', counts.delivered],
    ['signed', counts.signed - counts.delivered],
    ['approved', counts.approved - counts.signed],
    ['in-review', counts.inReview],
    ['drafted', counts.drafted - counts.approved - counts.inReview],
  ] as const;
  return (
    <section className="batch-counts" aria-label={t('ui.batch.counts')}>
      <dl className="facts">
        {SHOWN.map(([key, label]) => (
          <div key={key}>
            <dt>{t(label)}</dt>
            <dd data-testid={`batch-count-${key}`}>{counts[key]}</dd>
          </div>
        ))}
      </dl>
      <p>{t('ui.batch.counts-line', { total: counts.people, count: counts.delivered })}</p>
      <div className="batch-bar" aria-hidden="true">
        {segments.map(([kind, n]) => n > 0 && <span key={kind} className={`batch-bar__part batch-bar__part--${kind}`} style={{ width: `${share(n)}%` }} />)}
      </div>
    </section>
  );
}
