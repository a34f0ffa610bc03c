import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * Which fields show their problems. Nobody wants a field red before they have typed in it: a
 * field shows its problem once it has been changed and left, or when the summary takes the
 * keyboard to it, and every field does once the clerk tries to export or submit the letter. The
 * summary at the top always lists everything, so nothing is hidden, only not shouted.
 */
export interface ProblemVisibility {
  shows(field: string): boolean;
  reveal(field: string): void;
  revealAll(): void;
  subscribe(listener: () => void): () => void;
}

export function createProblemVisibility(everyField = false): ProblemVisibility {
  let all = everyField;
  const revealed = new Set<string>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    shows: (field) => all || revealed.has(field),
    reveal(field) {
      if (all || revealed.has(field)) return;
      revealed.add(field);
      notify();
    },
    revealAll() {
      if (all) return;
      all = true;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const ProblemVisibilityContext = createContext<ProblemVisibility>(createProblemVisibility(true));

/** The visibility itself, for the summary and the export button. */
export const useProblemVisibility = (): ProblemVisibility => useContext(ProblemVisibilityContext);

/** Whether `field` shows its problem; re-renders only that field when it changes. */
export function useShowsProblem(field: string): boolean {
  const visibility = useContext(ProblemVisibilityContext);
  const shows = () => visibility.shows(field);
  // The same snapshot on a server render, so a field can be rendered to markup in a test.
  return useSyncExternalStore(visibility.subscribe, shows, shows);
}
