import { t } from '../i18n/translate';
import type { DraftStatus } from './draft-record';

/** The statuses in which the letter is frozen: what the principal reads or approved may not change under them. */
export type FrozenStatus = Extract<DraftStatus, 'in-review' | 'approved'>;

/** Why a step does not fit the draft's state. Data, so the rules stay testable without wording; {@link describeRefusal} words it. */
export type DraftRefusal =
  | { readonly code: 'not-found' }
  | { readonly code: 'frozen'; readonly status: FrozenStatus }
  | { readonly code: 'already-submitted'; readonly status: FrozenStatus }
  | { readonly code: 'has-errors'; readonly count: number }
  | { readonly code: 'changed-while-rendering' }
  | { readonly code: 'not-in-bin' }
  | { readonly code: 'snapshot-missing' }
  | { readonly code: 'not-in-review' }
  | { readonly code: 'other-pdf' }
  | { readonly code: 'pdf-damaged' }
  | { readonly code: 'not-approved' }
  | { readonly code: 'no-signed-copy' }
  | { readonly code: 'signed-locked' }
  | { readonly code: 'signed-pdf-rotation'; readonly name: string };

/** A rule's answer: what to write, or why not. */
export type Outcome<T extends object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly refusal: DraftRefusal };

export const refused = (refusal: DraftRefusal) => ({ ok: false, refusal }) as const;
export const accepted = <T extends object>(value: T): { readonly ok: true } & T => ({ ok: true, ...value });

/** The refusal in Chinese, for the person at the desk. */
export function describeRefusal(refusal: DraftRefusal): string {
  switch (refusal.code) {
    case 'not-found':
      return t('draft.error.not-found');
    case 'frozen':
      return t('draft.error.frozen', { status: t(`ui.status.${refusal.status}`) });
    case 'already-submitted':
      return t('draft.error.already', { status: t(`ui.status.${refusal.status}`) });
    case 'has-errors':
      return t('ui.review.cannot-submit', { count: refusal.count });
    case 'changed-while-rendering':
      return t('draft.error.changed-while-rendering');
    case 'not-in-bin':
      return t('draft.error.not-in-bin');
    case 'snapshot-missing':
      return t('draft.error.snapshot-missing');
    case 'not-in-review':
      return t('draft.error.not-in-review');
    case 'other-pdf':
      return t('draft.error.other-pdf');
    case 'pdf-damaged':
      return t('draft.error.pdf-damaged');
    case 'not-approved':
      return t('draft.error.not-approved');
    case 'no-signed-copy':
      return t('draft.error.no-signed-copy');
    case 'signed-locked':
      return t('draft.error.signed-locked');
    case 'signed-pdf-rotation':
      return t('attachment.rotate-signed-pdf', { name: refusal.name });
  }
}
