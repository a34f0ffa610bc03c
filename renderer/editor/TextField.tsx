import { useId, useRef, useState, type ReactNode } from 'react';
import { get, useFormContext, useFormState, type FieldPath } from 'react-hook-form';
import type { LetterFormValues } from '../../core/letter/form-values';
import { useShowsProblem } from './problem-visibility';

export type LetterField = FieldPath<LetterFormValues>;

interface TextFieldProps {
  readonly name: LetterField;
  readonly label: string;
  readonly rows?: number;
  readonly hint?: string;
  readonly inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  readonly className?: string;
  /** Controls between the label and the text, such as the heading buttons of HeadingField. */
  readonly toolbar?: ReactNode;
  /** Takes the focus when it appears: a field the clerk has just asked to edit. */
  readonly autoFocus?: boolean;
}

/**
 * One labelled input or textarea with its message underneath. It subscribes to its own field's
 * state only, so typing in one field does not re-render the rest of a long letter. The message
 * waits until the field has been changed and left (see problem-visibility.ts); once shown it
 * follows every keystroke, so it goes away as soon as the text is right.
 */
export function TextField({ name, label, rows, hint, inputMode, className, toolbar, autoFocus }: TextFieldProps) {
  const id = useId();
  const { register } = useFormContext<LetterFormValues>();
  const { errors } = useFormState<LetterFormValues>({ name, exact: true });
  // Kept by the field, not by its name: an item moved up or down takes its state along.
  const changed = useRef(false);
  const [left, setLeft] = useState(false);
  const revealed = useShowsProblem(name);
  const error = (get(errors, name) as { message?: string } | undefined)?.message;
  const message = left || revealed ? error : undefined;
  const describedBy = message ? `${id}-message` : hint ? `${id}-hint` : undefined;
  const registered = register(name);
  const common = {
    id,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy,
    autoFocus,
    ...registered,
    onChange: (event: { target: unknown; type?: unknown }) => {
      changed.current = true;
      return registered.onChange(event);
    },
    onBlur: (event: { target: unknown; type?: unknown }) => {
      if (changed.current) setLeft(true);
      return registered.onBlur(event);
    },
  };
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {toolbar}
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
