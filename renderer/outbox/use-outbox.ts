import { useEffect, useState } from 'react';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { desktop } from '../bridge/desktop';

/**
 * The outbox as the main process sees it: read once, then kept current by `outbox.changed`.
 * The system's "online" event only asks for a probe at once; whether to send is the probe's call.
 */
export function useOutbox(): OutboxSnapshot | null {
  const [snapshot, setSnapshot] = useState<OutboxSnapshot | null>(null);
  useEffect(() => {
    let live = true;
    // Subscribed before the first read, so no change can fall between the two.
    const unsubscribe = desktop.on('outbox.changed', (next) => live && setSnapshot(next));
    desktop.call('outbox.get').then((first) => live && setSnapshot((current) => current ?? first), () => undefined);
    const hint = () => void desktop.call('outbox.networkHint').catch(() => undefined);
    window.addEventListener('online', hint);
    return () => {
      live = false;
      unsubscribe();
      window.removeEventListener('online', hint);
    };
  }, []);
  return snapshot;
}

/** Submissions not yet delivered nor refused: what the header counts. */
export function pendingCount(snapshot: OutboxSnapshot | null): number {
  return snapshot?.items.filter(({ entry }) => entry.state.status !== 'delivered' && entry.state.status !== 'rejected').length ?? 0;
}
