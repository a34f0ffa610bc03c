import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { t } from '../../core/i18n/translate';
import { fieldLabel } from '../../core/letter/field-path';
import { EMPTY_PROFILE, PROFILE_FIELDS, PROFILE_LETTER_PATHS, profileProblems, type ProfileField, type UnitProfile } from '../../core/profile/unit-profile';
import { useDebouncedSave } from '../app/use-debounced-save';
import type { ProfileStore } from '../store/profile-store';
import { ProfileImagesSection } from './ProfileImagesSection';

const INPUT_MODES: Partial<Record<ProfileField, 'tel' | 'email'>> = { phone: 'tel', email: 'email' };

/**
 * 单位信息: the unit's details, typed once and put into every new letter. Saved as typed within a
 * second, like a draft. A field's problem shows once the field was left, or at once for a
 * profile that was saved before, so an empty form is not red before anyone typed.
 */
export function ProfileScreen({ store, onBack, onError }: { store: ProfileStore; onBack: () => void; onError: (error: unknown) => void }) {
  const [values, setValues] = useState<UnitProfile | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<ProfileField>>(new Set());
  const [saved, setSaved] = useState(false);
  const save = useCallback((profile: UnitProfile) => store.save(profile, new Date()).then(() => setSaved(true), onError), [store, onError]);
  const { schedule, flush } = useDebouncedSave(save);

  useEffect(() => {
    let live = true;
    store.get().then((stored) => {
      if (!live) return;
      setValues(stored ?? EMPTY_PROFILE);
      if (stored) setTouched(new Set(PROFILE_FIELDS.filter((field) => stored[field].trim() !== '')));
    }, onError);
    return () => {
      live = false;
    };
  }, [store, onError]);

  const problems = useMemo(() => (values ? profileProblems(values) : new Map<ProfileField, readonly string[]>()), [values]);
  if (!values) return <p>{t('ui.loading')}</p>;

  const change = (field: ProfileField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    schedule(next);
  };
  const leave = (field: ProfileField) => {
    flush();
    setTouched((current) => new Set(current).add(field));
  };
  const count = [...problems.values()].reduce((sum, messages) => sum + messages.length, 0);

  return (
    <section className="profile-screen" aria-labelledby="profile-title">
      <button type="button" onClick={onBack}>
        ← {t('ui.back')}
      </button>
      <h2 id="profile-title">{t('ui.profile.title')}</h2>
      <p>{t('ui.profile.explain')}</p>
      <form onSubmit={(event) => event.preventDefault()} className="profile-form">
        {PROFILE_FIELDS.map((field) => (
          <ProfileInput
            key={field}
            field={field}
            value={values[field]}
            messages={touched.has(field) ? (problems.get(field) ?? []) : []}
            onChange={(value) => change(field, value)}
            onLeave={() => leave(field)}
          />
        ))}
      </form>
      <p role="status" data-testid="profile-state" className={count === 0 ? 'notice' : 'field-hint'}>
        {count === 0 ? t('ui.profile.complete') : t('ui.profile.incomplete', { count })} {saved && t('ui.profile.saved')}
      </p>
      <ProfileImagesSection store={store} onError={onError} />
    </section>
  );
}

function ProfileInput({ field, value, messages, onChange, onLeave }: { field: ProfileField; value: string; messages: readonly string[]; onChange: (value: string) => void; onLeave: () => void }) {
  const id = useId();
  const message = messages.join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{fieldLabel(PROFILE_LETTER_PATHS[field])}</label>
      <input
        id={id}
        type="text"
        inputMode={INPUT_MODES[field] ?? 'text'}
        autoComplete="off"
        value={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-message` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onLeave}
      />
      {message && (
        <p id={`${id}-message`} className="field-message" data-testid="field-message">
          {message}
        </p>
      )}
    </div>
  );
}
