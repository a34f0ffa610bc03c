import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../../core/i18n/translate';
import { TEMPLATE_KEYS, type TemplateKey } from '../../core/letter/templates';

function templateName(key: TemplateKey): string {
  return key === 'person' ? t('template.person') : t(`category.${key}`);
}

/** Picks a template for a new letter; a native modal dialog keeps focus and Esc handling right. */
export function NewLetterDialog({ onCreate, onClose }: { onCreate: (key: TemplateKey) => void; onClose: () => void }) {
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
