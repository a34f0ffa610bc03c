import { useCallback, useSyncExternalStore } from 'react';
import { parseRoute, routeHash, type Route } from './route';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const currentHash = () => window.location.hash;

/**
 * The view the address names, following Back and Forward. `go` adds a history entry, so the
 * browser's buttons move between views; `replace` corrects the address without one (an unknown
 * or deleted letter). `route` is null when the hash names no view.
 */
export function useRoute(): { route: Route | null; go: (route: Route, options?: { replace?: boolean }) => void } {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const go = useCallback((route: Route, options: { replace?: boolean } = {}) => {
    const next = routeHash(route);
    if (next === (window.location.hash || '#/')) return;
    // Both change only the fragment: the page stays, and 'hashchange' tells the store.
    if (options.replace) window.location.replace(next);
    else window.location.hash = next;
  }, []);
  return { route: parseRoute(hash), go };
}
