import { useId, useState } from 'react';
import { get, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import { fieldLabel } from '../../core/letter/field-path';
import type { LetterFormValues } from '../../core/letter/form-values';
import { maskIdNumber } from '../../core/staff/id-number';
import { postTypeLabel } from '../../core/staff/staff-roster-titles';
import { POST_TYPES } from '../../core/staff/staff-member';
import { useShowsProblem } from './problem-visibility';
import { TextField } from './TextField';

/** A civil servant's own particulars: name, 职务, 科室, 岗位类别 and 身份证号. */
export function PersonFields() {
  return (
    <>
      <div className="field-row">
        <TextField name="person.name" label={fieldLabel(['person', 'name'])} />
        <TextField name="person.position" label={fieldLabel(['person', 'position'])} />
        <TextField name="person.department" label={fieldLabel(['person', 'department'])} />
      </div>
      <div className="field-row">
        <PostTypeField />
        <IdNumberField />
      </div>
    </>
  );
}

function PostTypeField() {
  const id = useId();
  const { register } = useFormContext<LetterFormValues>();
  return (
    <div className="field">
      <label htmlFor={id}>{fieldLabel(['person', 'postType'])}</label>
      <select id={id} {...register('person.postType')}>
        <option value="">{t('ui.person.post-type.none')}</option>
        {POST_TYPES.map((postType) => (
          <option key={postType} value={postType}>
            {postTypeLabel(postType)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The ID number is personal data: a stored one is shown masked (its region and last two
 * characters) until the clerk chooses to change it, and only then typed in full. The letter's
 * problem with it is shown either way, since it names the field and never the number.
 */
function IdNumberField() {
  const id = useId();
  const stored = String(useWatch<LetterFormValues, 'person.idNumber'>({ name: 'person.idNumber' }) ?? '');
  const [changing, setChanging] = useState(false);
  const { errors } = useFormState<LetterFormValues>({ name: 'person.idNumber', exact: true });
  const revealed = useShowsProblem('person.idNumber');
  const label = fieldLabel(['person', 'idNumber']);
  if (changing || stored.trim() === '') {
    return <TextField name="person.idNumber" label={label} hint={t('ui.person.id-number.hint')} autoFocus={changing} />;
  }
  const error = revealed ? (get(errors, 'person.idNumber') as { message?: string } | undefined)?.message : undefined;
  return (
    <div className="field id-number-field" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>{label}</span>
      <span className="id-number-field__masked">
        <output aria-label={t('ui.person.id-number.masked', { field: label })}>{maskIdNumber(stored)}</output>
        <button type="button" onClick={() => setChanging(true)}>
          {t('ui.person.id-number.change')}
        </button>
      </span>
      {error ? (
        <p className="field-message" data-testid="field-message">
          {error}
        </p>
      ) : (
        <p className="field-hint">{t('ui.person.id-number.hint')}</p>
      )}
    </div>
  );
}
