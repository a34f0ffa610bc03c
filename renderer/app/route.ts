/** The tabs of an open letter, in the order they are shown. */
export const LETTER_TABS = ['edit', 'review', 'signed', 'history'] as const;
export type LetterTab = (typeof LETTER_TABS)[number];

/** What the window shows; the address's hash names it, so a reload or Back returns there. */
export type Route =
  | { readonly view: 'list' }
  | { readonly view: 'outbox' }
  | { readonly view: 'profile' }
  | { readonly view: 'fonts' }
  | { readonly view: 'letter'; readonly id: string; readonly tab: LetterTab };

export const LIST_ROUTE: Route = { view: 'list' };

/** Draft ids are UUIDs; anything else in that place is not an id we made. */
const DRAFT_ID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * Reads a hash such as `#/letter/<id>/review`. An empty hash is the list; a hash that names
 * no view gives null, for the caller to say so and show the list.
 */
export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '');
  if (path === '') return LIST_ROUTE;
  if (path === 'outbox') return { view: 'outbox' };
  if (path === 'profile') return { view: 'profile' };
  if (path === 'fonts') return { view: 'fonts' };
  const [first, id, tab = 'edit', ...rest] = path.split('/');
  if (first !== 'letter' || id === undefined || !DRAFT_ID.test(id) || rest.length > 0) return null;
  return (LETTER_TABS as readonly string[]).includes(tab) ? { view: 'letter', id, tab: tab as LetterTab } : null;
}

export function routeHash(route: Route): string {
  return route.view === 'letter' ? `#/letter/${route.id}/${route.tab}` : route.view === 'list' ? '#/' : `#/${route.view}`;
}
