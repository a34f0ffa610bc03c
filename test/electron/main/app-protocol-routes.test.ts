import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppFile } from '../../../electron/main/app-protocol';

/** The renderer names its view in the hash (`renderer/app/route.ts`); the desktop shell must serve and allow those addresses. */
describe('app:// addresses that name a view', () => {
  const root = resolve('dist/renderer');
  const views = ['#/', '#/outbox', '#/profile', '#/letter/0b6f7c2e-1d2a-4c1e-9a53-7e4f0c9d2b11/review'];

  it.each(views)('serve the page itself for %s (a reload)', (hash) => {
    expect(resolveAppFile(root, `app://pledge-desk/${hash}`)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, `app://pledge-desk/index.html${hash}`)).toBe(join(root, 'index.html'));
  });

  it.each(views)('stay on the app for navigation guards: %s', (hash) => {
    expect(isAppUrl(`app://pledge-desk/index.html${hash}`)).toBe(true);
  });
});
