import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpDesktopApi } from '../../renderer/bridge/http-desktop-api';
import { startTestWebHost } from './web-host-fixtures';

let web: Awaited<ReturnType<typeof startTestWebHost>>;
beforeEach(async () => {
  web = await startTestWebHost();
});
afterEach(async () => {
  await web.stop();
});

describe('the page’s bridge client against the guarded web host', () => {
  it('sends what the host asks of a call (JSON body, the bridge header) and gets the answer', async () => {
    const desktop = createHttpDesktopApi(web.host.url);
    expect(await desktop.call('app.getInfo')).toMatchObject({ name: 'Pledge Desk', shell: 'web' });
    expect(await desktop.call('outbox.saveConnection', { endpoint: 'http://127.0.0.1:8787', token: { set: 't' } })).toMatchObject({ ok: true, settings: { hasToken: true } });
  });

  it('shows a refusal as the host’s Chinese message', async () => {
    const keyed = await startTestWebHost('0.0.0.0');
    try {
      await expect(createHttpDesktopApi(keyed.host.url).call('app.getInfo')).rejects.toThrow(/key=/);
    } finally {
      await keyed.stop();
    }
  });
});
