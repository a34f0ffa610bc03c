import { useId } from 'react';
import { get, useFormContext, useFormState, type FieldPath } from 'react-hook-form';
import type { LetterFormValues } from '../../core/letter/form-values';
import { useExtraProblem } from './extra-problems';

export type LetterField = FieldPath<LetterFormValues>;

interface TextFieldProps {
  readonly name: LetterField;
  readonly label: string;
  readonly rows?: number;
  readonly hint?: string;
  readonly inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  readonly className?: string;
}

/**
 * One labelled input or textarea with its message underneath. It subscribes to its own field's
 * state only, so typing in one field does not re-render the rest of a long letter.
 */
export function TextField({ name, label, rows, hint, inputMode, className }: TextFieldProps) {
  const id = useId();
  const { register } = useFormContext<LetterFormValues>();
  const { errors } = useFormState<LetterFormValues>({ name, exact: true });
  const error = (get(errors, name) as { message?: string } | undefined)?.message;
  const extra = useExtraProblem(name);
  const message = [error, extra].filter(Boolean).join(' ');
  const describedBy = message ? `${id}-message` : hint ? `${id}-hint` : undefined;
  const common = { id, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy, ...register(name) };
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {rows ? <textarea rows={rows} {...common} /> : <input type="text" inputMode={inputMode} autoComplete="off" {...common} />}
      {message ? (
        <p id={`${id}-message`} className="field-message" data-testid="field-message">
          {message}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
