import { useState, type ReactNode } from 'react';
import type { DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { draftTitle } from '../../core/drafts/draft-title';

type Asking = { readonly kind: 'bin' | 'purge'; readonly draft: DraftRecord };

/**
 * Deleting where work is frozen asks first: moving an approved or sent letter to the bin (a plain
 * draft goes straight there, the bin is the undo), and purging any letter, which cannot be undone.
 */
export function useDeleteConfirmation(onBin: (id: string) => void, onPurge: (id: string) => void): { requestBin: (draft: DraftRecord) => void; requestPurge: (draft: DraftRecord) => void; dialog: ReactNode } {
  const [asking, setAsking] = useState<Asking | null>(null);
  const requestBin = (draft: DraftRecord) => (draft.status === 'approved' || sentAs(draft) ? setAsking({ kind: 'bin', draft }) : onBin(draft.id));
  const requestPurge = (draft: DraftRecord) => setAsking({ kind: 'purge', draft });

  let dialog: ReactNode = null;
  if (asking) {
    const { kind, draft } = asking;
    const name = draftTitle(draft.summary);
    const sent = sentAs(draft);
    const message =
      kind === 'purge'
        ? [t('ui.bin.confirm-purge', { name }), ...(sent ? [t('ui.bin.purge-sent', { id: sent })] : [])].join(' ')
        : sent
          ? t('ui.bin.confirm-sent', { name, id: sent })
          : t('ui.bin.confirm-approved', { name });
    dialog = (
      <ConfirmDialog
        title={t(kind === 'purge' ? 'ui.bin.purge-title' : 'ui.bin.confirm-title')}
        message={message}
        confirmLabel={t(kind === 'purge' ? 'ui.bin.purge' : 'ui.bin.confirm-move')}
        danger
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          setAsking(null);
          (kind === 'purge' ? onPurge : onBin)(draft.id);
        }}
      />
    );
  }
  return { requestBin, requestPurge, dialog };
}

/** The submission id of the letter's latest package, if it has been sent. */
function sentAs(draft: DraftRecord): string | undefined {
  return draft.submissions?.at(-1)?.submissionId;
}
