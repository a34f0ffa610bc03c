import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a `<dialog>` as modal while the component is mounted, with focus on `focus` (the safe
 * answer), and closes it on unmount: the app's dialogs are asked by mounting and answered by unmounting.
 */
export function useModalDialog(focus: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    focus.current?.focus();
    return () => {
      if (element?.open) element.close();
    };
  }, [focus]);
  return dialog;
}
