import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import { fieldLabel } from '../../core/letter/field-path';
import type { LetterFormValues } from '../../core/letter/form-values';
import { PUBLICITY_KEYS } from '../../core/letter/letter-schema';
import { publicityType } from '../../core/records/publicity-type';

/** 公开类型 of the letter's national credit record: shown in the template's own words, public unless the unit chooses otherwise. */
export function PublicityField() {
  const id = useId();
  const hint = `${id}-hint`;
  const { register } = useFormContext<LetterFormValues>();
  return (
    <div className="field">
      <label htmlFor={id}>{fieldLabel(['publicity'])}</label>
      <select id={id} aria-describedby={hint} {...register('publicity')}>
        {PUBLICITY_KEYS.map((key) => (
          <option key={key} value={key}>
            {publicityType(key)}
          </option>
        ))}
      </select>
      <p id={hint} className="field-hint">
        {t('ui.hint.publicity')}
      </p>
    </div>
  );
}
