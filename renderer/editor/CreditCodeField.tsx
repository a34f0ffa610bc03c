import { useId, useState } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import { fieldLabel } from '../../core/letter/field-path';
import { NO_OVERRIDE, type LetterFormValues } from '../../core/letter/form-values';
import { TextField } from './TextField';

/** Findings that a real, issued code can have (old or unusual codes); a wrong length or character never can. */
const OVERRIDABLE = new Set(['credit.authority', 'credit.division', 'credit.org-check', 'credit.check']);

/**
 * The 统一社会信用代码 with its live check, and the way out the check's message offers: when a
 * code fails a rule that a real code may break, the clerk records who confirmed it and why. The
 * confirmation is bound to the code as typed; changing the code afterwards voids it.
 */
export function CreditCodeField() {
  const id = useId();
  const { setValue, getValues, trigger } = useFormContext<LetterFormValues>();
  const { errors } = useFormState<LetterFormValues>({ name: 'unit.creditCode', exact: true });
  const override = useWatch<LetterFormValues, 'unit.override'>({ name: 'unit.override' });
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const error = errors.unit?.creditCode;
  const hasOverride = override.reason.trim() !== '' || override.code.trim() !== '';
  const canOverride = !hasOverride && error?.type !== undefined && OVERRIDABLE.has(error.type);

  const record = () => {
    setValue('unit.override', { code: getValues('unit.creditCode'), reason: reason.trim(), confirmedAt: new Date().toISOString() }, { shouldDirty: true });
    setConfirming(false);
    // The code's own message depends on the override beside it.
    void trigger('unit.creditCode');
  };
  const revoke = () => {
    setValue('unit.override', NO_OVERRIDE, { shouldDirty: true });
    void trigger('unit.creditCode');
  };

  return (
    <div className="credit-code">
      <TextField name="unit.creditCode" label={fieldLabel(['unit', 'creditCode'])} hint={error ? undefined : hasOverride ? undefined : t('ui.hint.credit-code-ok')} className="field--code" />
      {hasOverride && (
        <p className="override-note" data-testid="credit-override">
          {t('ui.override.recorded', { code: override.code, reason: override.reason })}{' '}
          <button type="button" className="link" onClick={revoke}>
            {t('ui.override.revoke')}
          </button>
        </p>
      )}
      {canOverride && !confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('ui.override.start')}
        </button>
      )}
      {canOverride && confirming && (
        <div className="override-form">
          <label htmlFor={id}>{t('ui.override.reason')}</label>
          <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('ui.override.placeholder')} />
          <button type="button" disabled={reason.trim().length < 4} onClick={record}>
            {t('ui.override.confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('ui.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
