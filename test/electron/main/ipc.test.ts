import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { DESKTOP_CALL_NAMES } from '../../../core/bridge/desktop-api';
import { APP_ORIGIN, isAppUrl } from '../../../electron/main/app-protocol';
import { registerDesktopHandlers, trustAppFrames } from '../../../electron/main/ipc';
import { recordingHandlers } from '../../support/recording-handlers';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** A typed stand-in for ipcMain that keeps what was registered, so tests can invoke it. */
function fakeIpcMain() {
  const registered = new Map<string, Listener>();
  const ipcMain: Pick<IpcMain, 'handle'> = { handle: (channel, listener) => void registered.set(channel, listener as Listener) };
  const invoke = (channel: string, frame: Partial<WebFrameMain> | null, ...args: unknown[]) =>
    Promise.resolve().then(() => registered.get(channel)?.({ senderFrame: frame } as IpcMainInvokeEvent, ...args));
  return { ipcMain, registered, invoke };
}

const APP_URL = APP_ORIGIN;
const ownFrame = { url: `${APP_URL}/index.html`, parent: null } as Partial<WebFrameMain>;

const handlers = () => recordingHandlers('electron');

describe('registerDesktopHandlers', () => {
  it('registers every call of the contract, and nothing else', () => {
    const { ipcMain, registered } = fakeIpcMain();
    registerDesktopHandlers(ipcMain, handlers(), trustAppFrames(isAppUrl));
    expect([...registered.keys()].sort()).toEqual([...DESKTOP_CALL_NAMES].sort());
  });

  it('answers the app’s own top-level frame', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    registerDesktopHandlers(ipcMain, handlers(), trustAppFrames(isAppUrl));
    await expect(invoke('app.getInfo', ownFrame)).resolves.toMatchObject({ shell: 'electron' });
  });

  it.each([
    ['a foreign page', { url: 'https://example.com/', parent: null }],
    ['a sub-frame of our page', { url: `${APP_URL}/index.html`, parent: {} as WebFrameMain }],
    ['a file page', { url: 'file:///tmp/evil.html', parent: null }],
    ['a look-alike host', { url: 'app://pledge-desk.evil.example/index.html', parent: null }],
    ['another scheme with the same host', { url: 'https://pledge-desk/index.html', parent: null }],
    ['a frame whose URL does not parse', { url: 'not a url', parent: null }],
    ['an app URL with credentials', { url: 'app://user@pledge-desk/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses %s without running the handler', async (_label, frame) => {
    const h = handlers();
    const { ipcMain, invoke } = fakeIpcMain();
    registerDesktopHandlers(ipcMain, h, trustAppFrames(isAppUrl));
    await expect(invoke('app.getInfo', frame as Partial<WebFrameMain> | null)).rejects.toThrow(/untrusted sender/);
    expect(h['app.getInfo']).not.toHaveBeenCalled();
  });

  it('refuses arguments that break the contract', async () => {
    const h = handlers();
    const { ipcMain, invoke } = fakeIpcMain();
    registerDesktopHandlers(ipcMain, h, trustAppFrames(isAppUrl));
    await expect(invoke('diagnostics.reportError', ownFrame, { message: 42 })).rejects.toThrow(/Bad arguments/);
    expect(h['diagnostics.reportError']).not.toHaveBeenCalled();
  });
});
