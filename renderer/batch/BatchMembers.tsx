import type { MemberProgress, MemberStage, MissingEntry } from '../../core/batch/batch-progress';
import { t, type MessageKey } from '../../core/i18n/translate';
import { postTypeLabel } from '../../core/staff/staff-roster-titles';
import { DeliveryBadge } from '../drafts/DeliveryBadge';

const STAGE_TEXT: Readonly<Record<MemberStage, MessageKey>> = {
  absent: 'ui.batch.stage.absent',
  draft: 'ui.batch.stage.draft',
  returned: 'ui.batch.stage.returned',
  'in-review': 'ui.batch.stage.in-review',
  approved: 'ui.batch.stage.approved',
  signed: 'ui.batch.stage.signed',
  delivered: 'ui.batch.stage.delivered',
};

/** The step a member's letter is at, as the clerk reads it; never more than has happened. */
export const stageText = (stage: MemberStage): string => t(STAGE_TEXT[stage]);

/** Who has no delivered letter yet, in the order to chase them: window and enforcement staff first. */
export function BatchMissing({ missing }: { missing: readonly MissingEntry[] }) {
  if (missing.length === 0) return <p className="notice">{t('ui.batch.missing-none')}</p>;
  return (
    <section className="batch-missing" aria-label={t('ui.batch.missing-title', { count: missing.length })}>
      <h3>{t('ui.batch.missing-title', { count: missing.length })}</h3>
      <ol data-testid="batch-missing">
        {missing.map((entry) =>
          entry.kind === 'member' ? (
            <li key={entry.member.memberId}>
              {t('ui.batch.missing-member', { name: entry.member.name, title: postTypeLabel(entry.member.postType) })}：{stageText(entry.stage)}
            </li>
          ) : (
            <li key={`row-${entry.row}`}>{t('ui.batch.refused-row', { reason: entry.message.replace(/[。.]$/u, '') })}</li>
          ),
        )}
      </ol>
    </section>
  );
}

/** Every member with the state of their letter and the way to it; the ID number is not shown here. */
export function BatchMembers({ members, onOpen }: { members: readonly MemberProgress[]; onOpen: (draftId: string) => void }) {
  return (
    <section className="batch-members" aria-label={t('ui.batch.members')}>
      <h3>{t('ui.batch.members')}</h3>
      <table className="batch-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.batch.column.row')}</th>
            <th scope="col">{t('ui.batch.column.name')}</th>
            <th scope="col">{t('ui.batch.column.position')}</th>
            <th scope="col">{t('ui.batch.column.department')}</th>
            <th scope="col">{t('ui.batch.column.post-type')}</th>
            <th scope="col">{t('ui.batch.column.state')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {members.map(({ member, stage, draft, delivery }) => (
            <tr key={member.memberId} data-testid="batch-member">
              <td>{member.row}</td>
              <th scope="row">{member.name}</th>
              <td>{member.position}</td>
              <td>{member.department}</td>
              <td>{postTypeLabel(member.postType)}</td>
              <td>
                <span className={`badge badge--stage-${stage}`} data-testid="batch-stage">
                  {stageText(stage)}
                </span>
                {draft && draft.summary.errorCount > 0 && <span className="badge badge--problem">{t('ui.batch.problems', { count: draft.summary.errorCount })}</span>}
                <DeliveryBadge state={delivery} />
              </td>
              <td>
                {stage !== 'absent' && (
                  <button type="button" className="link" onClick={() => onOpen(member.draftId)} aria-label={t('ui.batch.open-letter-named', { name: member.name })}>
                    {t('ui.batch.open-letter')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
