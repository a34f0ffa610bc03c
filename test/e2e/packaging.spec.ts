import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { answerAppRequest } from '../../electron/main/app-protocol';
import { expect, test } from './fixtures';

// Runs after `npm run web` has built the renderer: what the installers ship (dist/renderer, see
// electron-builder.yml `files`) must be what the app:// protocol serves, fonts and WebAssembly
// included, so the desktop app finds every asset at run time without node_modules.
// eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern, and this test needs no fixture
test('every built renderer asset is served by app:// with its type, fonts and the font subsetter included', async ({}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'A check of the build output; it needs no app window and runs once, in the web project');
  const root = resolve('dist/renderer');
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((f) => f.isFile() && !f.name.endsWith('.map')).map((f) => relative(root, join(f.parentPath, f.name)));
  expect(files).toContain('index.html');
  expect(files.filter((f) => f.endsWith('.ttf')).length).toBeGreaterThanOrEqual(3);
  expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
  for (const file of files) {
    const response = await answerAppRequest(root, { url: `app://pledge-desk/${file.split('\\').join('/')}`, method: 'GET' });
    expect(response.status, file).toBe(200);
    expect(response.headers.get('content-type'), file).not.toBeNull();
  }
});
