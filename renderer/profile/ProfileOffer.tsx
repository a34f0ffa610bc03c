import { t } from '../../core/i18n/translate';

/** Shown until a profile exists: first use is when typing the unit once saves the most work. */
export function ProfileOffer({ onFill }: { onFill: () => void }) {
  return (
    <p className="notice profile-offer" data-testid="profile-offer">
      {t('ui.profile.missing')}{' '}
      <button type="button" onClick={onFill}>
        {t('ui.profile.fill')}
      </button>
    </p>
  );
}
