/** The tabs of an open letter, in the order they are shown; the last two only once it is delivered. */
export const LETTER_TABS = ['edit', 'review', 'signed', 'history', 'progress', 'reports'] as const;
export type LetterTab = (typeof LETTER_TABS)[number];

/** The pages of a staff batch (renderer/batch): the overview, and review in one sitting. */
export const BATCH_TABS = ['overview', 'review', 'sign'] as const;
export type BatchTab = (typeof BATCH_TABS)[number];

/** What the window shows; the address's hash names it, so a reload or Back returns there. */
export type Route =
  | { readonly view: 'list' }
  | { readonly view: 'outbox' }
  | { readonly view: 'profile' }
  | { readonly view: 'fonts' }
  | { readonly view: 'letter'; readonly id: string; readonly tab: LetterTab }
  /** Reading a roster into a new batch. */
  | { readonly view: 'batch-import' }
  | { readonly view: 'batch'; readonly id: string; readonly tab: BatchTab };

export const LIST_ROUTE: Route = { view: 'list' };

/** Draft and batch ids are UUIDs; anything else in that place is not an id we made. */
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
  if (path === 'batch/new') return { view: 'batch-import' };
  const [first, id, named, ...rest] = path.split('/');
  if (first === 'batch') return batchRoute(id, named ?? 'overview', rest);
  const tab = named ?? 'edit';
  if (first !== 'letter' || id === undefined || !DRAFT_ID.test(id) || rest.length > 0) return null;
  return (LETTER_TABS as readonly string[]).includes(tab) ? { view: 'letter', id, tab: tab as LetterTab } : null;
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'letter':
      return `#/letter/${route.id}/${route.tab}`;
    case 'batch':
      return route.tab === 'overview' ? `#/batch/${route.id}` : `#/batch/${route.id}/${route.tab}`;
    case 'batch-import':
      return '#/batch/new';
    case 'list':
      return '#/';
    default:
      return `#/${route.view}`;
  }
}

function batchRoute(id: string | undefined, tab: string, rest: readonly string[]): Route | null {
  if (id === undefined || !DRAFT_ID.test(id) || rest.length > 0) return null;
  return (BATCH_TABS as readonly string[]).includes(tab) ? { view: 'batch', id, tab: tab as BatchTab } : null;
}
