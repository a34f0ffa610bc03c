import { createContext, useContext } from 'react';
import type { ProgressReportStore } from '../store/progress-report-store';
import type { ProgressStore } from '../store/progress-store';

/** The stores of a delivered letter's year: what is recorded of its items, and its progress reports. */
export interface ProgressStores {
  readonly progress: ProgressStore;
  readonly reports: ProgressReportStore;
}

/**
 * The stores of the app's one database, given by App: the 践诺 and 进展报告 tabs are mounted by
 * the draft view, which has no business carrying stores it never uses.
 */
export const ProgressStoresContext = createContext<ProgressStores | null>(null);

function useProgressStores(): ProgressStores {
  const stores = useContext(ProgressStoresContext);
  if (stores === null) throw new Error('useProgressStores: mount the tab inside <ProgressStoresContext.Provider> (renderer/app/App.tsx)');
  return stores;
}

export const useProgressStore = (): ProgressStore => useProgressStores().progress;
export const useProgressReportStore = (): ProgressReportStore => useProgressStores().reports;
