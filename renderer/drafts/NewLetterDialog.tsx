import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../../core/i18n/translate';
import { TEMPLATE_KEYS, type TemplateKey } from '../../core/letter/templates';
import { isProfileEmpty, type UnitProfile } from '../../core/profile/unit-profile';
import { ProfileOffer } from '../profile/ProfileOffer';

function templateName(key: TemplateKey): string {
  return key === 'person' ? t('template.person') : t(`category.${key}`);
}

interface NewLetterDialogProps {
  /** The unit profile the letter will carry; null when none was entered, undefined while it is read. */
  readonly profile: UnitProfile | null | undefined;
  readonly onCreate: (key: TemplateKey) => void;
  readonly onFillProfile: () => void;
  readonly onClose: () => void;
}

/**
 * Picks a template for a new letter and says whose details it will carry; a native modal dialog
 * keeps focus and Esc handling right.
 */
export function NewLetterDialog({ profile, onCreate, onFillProfile, onClose }: NewLetterDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<TemplateKey>('key-task');

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate(choice);
  };

  return (
    <dialog ref={dialog} className="new-letter" aria-labelledby="new-letter-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="new-letter-title">{t('ui.choose-template')}</h2>
        {profile !== undefined &&
          (profile === null || isProfileEmpty(profile) ? (
            <ProfileOffer onFill={onFillProfile} />
          ) : (
            <p className="notice" data-testid="profile-will-apply">
              {t('ui.profile.will-apply', { name: profile.unitName.trim() || t('ui.untitled') })}
            </p>
          ))}
        <fieldset>
          <legend className="visually-hidden">{t('ui.choose-template')}</legend>
          {TEMPLATE_KEYS.map((key) => (
            <label key={key} className="template-option">
              <input type="radio" name="template" value={key} checked={choice === key} onChange={() => setChoice(key)} />
              <span className="template-option__name">{templateName(key)}</span>
              <span className="template-option__hint">{t(`ui.template.${key}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('ui.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('ui.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
