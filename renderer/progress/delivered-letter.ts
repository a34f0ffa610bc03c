import { useEffect, useState } from 'react';
import type { DraftRecord } from '../../core/drafts/draft-record';
import type { Letter } from '../../core/letter/letter-schema';
import { verifyPackage } from '../../core/package/verify-package';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import type { Receipt } from '../../core/protocol/reference-protocol';
import { desktop } from '../bridge/desktop';
import type { ProfileStore } from '../store/profile-store';
import { fromBase64 } from '../shared/to-base64';

/** What the 践诺 and 进展报告 tabs of a delivered letter are given (renderer/drafts/DraftView.tsx). */
export interface DeliveredLetterProps {
  readonly draft: DraftRecord;
  /** The delivered package: the platform holds it and gave `receipt` for it. */
  readonly submissionId: string;
  readonly receipt: Receipt;
  /** The outbox as last read (null until then): where a report's package stands. */
  readonly snapshot: OutboxSnapshot | null;
  readonly profile: ProfileStore;
  readonly onError: (error: unknown) => void;
}

export type DeliveredLetter = { readonly state: 'loading' } | { readonly state: 'ready'; readonly letter: Letter } | { readonly state: 'failed'; readonly message: string };

/**
 * The letter as the platform received it, read from the outbox's copy of its package and checked
 * trusting nothing: items are numbered as that letter prints them, which is what the platform
 * ties progress to, even if the draft has since been reopened for a correction.
 */
export function useDeliveredLetter(submissionId: string): DeliveredLetter {
  // Kept with the id it was read for: another letter's result is never shown while this one loads.
  const [read, setRead] = useState<{ submissionId: string; letter: DeliveredLetter } | null>(null);
  useEffect(() => {
    let current = true;
    void readDeliveredLetter(submissionId).then((result) => {
      if (current) setRead({ submissionId, letter: result });
    });
    return () => {
      current = false;
    };
  }, [submissionId]);
  return read?.submissionId === submissionId ? read.letter : { state: 'loading' };
}

/** {@link useDeliveredLetter} outside a component (the reminders read every delivered letter); never rejects. */
export function readDeliveredLetter(submissionId: string): Promise<Exclude<DeliveredLetter, { state: 'loading' }>> {
  return desktop
    .call('outbox.readPackage', { submissionId })
    .then(({ base64 }) => {
      const verified = verifyPackage(fromBase64(base64));
      return verified.ok ? ({ state: 'ready', letter: verified.letter } as const) : ({ state: 'failed', message: verified.reason } as const);
    })
    .catch((error: unknown) => ({ state: 'failed', message: error instanceof Error ? error.message : String(error) }) as const);
}
