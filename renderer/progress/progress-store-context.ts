import { createContext, useContext } from 'react';
import type { ProgressStore } from '../store/progress-store';

/**
 * The progress store of the app's one database, given by App: the 践诺 tab is mounted by the
 * draft view, which has no business carrying a store it never uses.
 */
export const ProgressStoreContext = createContext<ProgressStore | null>(null);

export function useProgressStore(): ProgressStore {
  const store = useContext(ProgressStoreContext);
  if (store === null) throw new Error('useProgressStore: mount the tab inside <ProgressStoreContext.Provider> (renderer/app/App.tsx)');
  return store;
}
