import { describe, expect, it } from 'vitest';
import { BATCH_TABS, LETTER_TABS, parseRoute, routeHash, type Route } from '../../../renderer/app/route';

describe('parseRoute and routeHash', () => {
  const id = '0b6f7c2e-1d2a-4c1e-9a53-7e4f0c9d2b11';

  it.each<Route>([
    { view: 'list' },
    { view: 'outbox' },
    { view: 'profile' },
    { view: 'fonts' },
    ...LETTER_TABS.map((tab) => ({ view: 'letter', id, tab }) as const),
    { view: 'batch-import' },
    ...BATCH_TABS.map((tab) => ({ view: 'batch', id, tab }) as const),
  ])('reads back what it writes: %o', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('names a batch #/batch/<id>, its review #/batch/<id>/review and the roster import #/batch/new', () => {
    expect(parseRoute(`#/batch/${id}`)).toEqual({ view: 'batch', id, tab: 'overview' });
    expect(routeHash({ view: 'batch', id, tab: 'review' })).toBe(`#/batch/${id}/review`);
    expect(parseRoute('#/batch/new')).toEqual({ view: 'batch-import' });
    expect(parseRoute(`#/batch/${id}/edit`)).toBeNull();
    expect(parseRoute(`#/batch/${id}/review/more`)).toBeNull();
    expect(parseRoute('#/batch')).toBeNull();
  });

  it('takes an empty hash, or none, for the list', () => {
    expect(parseRoute('')).toEqual({ view: 'list' });
    expect(parseRoute('#')).toEqual({ view: 'list' });
    expect(parseRoute('#/')).toEqual({ view: 'list' });
  });

  it('names the font settings #/fonts', () => {
    expect(routeHash({ view: 'fonts' })).toBe('#/fonts');
    expect(parseRoute('#/fonts')).toEqual({ view: 'fonts' });
    expect(parseRoute('#/fonts/body')).toBeNull();
  });

  it('opens a letter on its form when no tab is named', () => {
    expect(parseRoute(`#/letter/${id}`)).toEqual({ view: 'letter', id, tab: 'edit' });
  });

  it.each(['#/nowhere', `#/letter/${id}/print`, '#/letter/', `#/letter/${id}/edit/more`, '#/letter/<script>/edit', `#/letter/${'a'.repeat(65)}/edit`])('names no view for %s', (hash) => {
    expect(parseRoute(hash)).toBeNull();
  });
});
