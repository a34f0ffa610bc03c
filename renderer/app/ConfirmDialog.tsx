import { useId, useRef, type ReactNode } from 'react';
import { t } from '../../core/i18n/translate';
import { useModalDialog } from './use-modal-dialog';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen and what cannot be undone; a string or richer content. */
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Styles the confirm button as destructive (deleting, freezing work). */
  danger?: boolean;
  /** Optional second way forward shown between 取消 and the main action, e.g. "作为更正报送". */
  alternative?: { label: string; onSelect: () => void };
}

/**
 * A modal question before work is frozen or removed. Rendered only while it is asked: mount it to
 * ask, unmount it on any answer. Focus starts on 取消 so a stray Enter never confirms, and Esc
 * (the native dialog's cancel) answers 取消 too.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  danger,
  alternative,
}: ConfirmDialogProps) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog(cancelButton);
  const titleId = useId();
  const messageId = useId();
  // The answer is reported once: closing the dialog fires `close` after a button already answered.
  const answered = useRef(false);

  const answer = (choice: () => void) => {
    if (answered.current) return;
    answered.current = true;
    choice();
  };

  return (
    <dialog
      ref={dialog}
      className={danger ? 'confirm-dialog confirm-dialog--danger' : 'confirm-dialog'}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault();
        answer(onCancel);
      }}
      onClose={() => answer(onCancel)}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={messageId} className="confirm-dialog__message">
        {message}
      </div>
      <div className="actions">
        <button type="button" ref={cancelButton} onClick={() => answer(onCancel)}>
          {cancelLabel ?? t('ui.cancel')}
        </button>
        {alternative && (
          <button type="button" onClick={() => answer(alternative.onSelect)}>
            {alternative.label}
          </button>
        )}
        <button type="button" className="primary" onClick={() => answer(onConfirm)}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
