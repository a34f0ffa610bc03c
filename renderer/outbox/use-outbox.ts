import { useEffect, useState } from 'react';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { isPending } from '../../core/outbox/queue-reason';
import { t } from '../../core/i18n/translate';
import { desktop } from '../bridge/desktop';
import { errorText } from '../../core/errors/error-text';

/**
 * The outbox as the main process sees it: read once, then kept current by `outbox.changed`.
 * The system's "online" event only asks for a probe at once; whether to send is the probe's call.
 */
export interface OutboxView {
  readonly snapshot: OutboxSnapshot | null;
  /** Why the outbox could not be read, in Chinese; null while all is well. */
  readonly error: string | null;
}

export function useOutbox(): OutboxView {
  const [snapshot, setSnapshot] = useState<OutboxSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Subscribed before the first read, so no change can fall between the two.
    const unsubscribe = desktop.on('outbox.changed', (next) => {
      if (!live) return;
      setSnapshot(next);
      setError(null);
    });
    desktop.call('outbox.get').then(
      (first) => live && setSnapshot((current) => current ?? first),
      (failure: unknown) => live && setError(t('ui.outbox.unavailable', { reason: errorText(failure) })),
    );
    const hint = () => void desktop.call('outbox.networkHint').catch(() => undefined);
    window.addEventListener('online', hint);
    return () => {
      live = false;
      unsubscribe();
      window.removeEventListener('online', hint);
    };
  }, []);
  return { snapshot, error };
}

/** Submissions not yet delivered nor refused: what the header counts. */
export function pendingCount(snapshot: OutboxSnapshot | null): number {
  return snapshot?.items.filter(({ entry }) => isPending(entry.state)).length ?? 0;
}
