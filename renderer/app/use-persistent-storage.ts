import { useEffect, useState } from 'react';

export type StoragePersistence = 'persistent' | 'best-effort' | 'unknown';

/**
 * Asks the browser to keep the drafts database even when the disk runs low; without it Chromium
 * may evict IndexedDB of a site it thinks unused. Electron grants it; a browser may decline.
 */
export function usePersistentStorage(): StoragePersistence {
  const [state, setState] = useState<StoragePersistence>('unknown');
  useEffect(() => {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist) return;
    void storage
      .persisted()
      .then((already) => already || storage.persist())
      .then((granted) => setState(granted ? 'persistent' : 'best-effort'), () => setState('unknown'));
  }, []);
  return state;
}
