import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EXTERNAL_LINK_ALLOW_LIST, isAllowedExternalUrl } from '../../../electron/main/external-links';
import { guardContents, setupNavigationGuards, setupPermissions, type GuardedContents } from '../../../electron/main/security';

type Listener = (event: { preventDefault(): void; url: string }) => void;

/** A web contents stand-in, typed by the parts of WebContents the guards use: it records handlers and lets the test fire them. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => void (openHandler = handler),
  } as unknown as GuardedContents;
  const fire = (event: string, url = '') => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault, url });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }).action };
}

describe('navigation and new windows', () => {
  it('lets the app reload its own page and refuses every other navigation', () => {
    const openExternal = vi.fn(async () => undefined);
    const { contents, fire } = fakeContents();
    guardContents(contents, openExternal);
    expect(fire('will-navigate', 'app://pledge-desk/index.html')).toBe(false);
    expect(fire('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://pledge-desk.evil.example/')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, and opens only allowed sites in the system browser', () => {
    const openExternal = vi.fn(async () => undefined);
    const { contents, fire, open } = fakeContents();
    guardContents(contents, openExternal);
    expect(open('https://evil.example/')).toBe('deny');
    expect(open('https://www.creditchina.gov.cn/xyxx/')).toBe('deny');
    expect(fire('will-navigate', 'https://www.creditchina.gov.cn/')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://www.creditchina.gov.cn/xyxx/'], ['https://www.creditchina.gov.cn/']]);
  });

  it('guards every web contents the app creates', () => {
    let created: ((event: unknown, contents: GuardedContents) => void) | undefined;
    setupNavigationGuards({ on: ((event: string, listener: typeof created) => void (event === 'web-contents-created' && (created = listener))) as never }, vi.fn());
    const { contents, fire } = fakeContents();
    created!({}, contents);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://www.creditchina.gov.cn/', true],
    ['https://www.creditchina.gov.cn/home/index.html?x=1', true],
    ['http://www.creditchina.gov.cn/', false],
    ['https://www.creditchina.gov.cn.evil.example/', false],
    ['https://user:pw@www.creditchina.gov.cn/', false],
    ['javascript:alert(1)', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('lists only https origins', () => {
    for (const origin of EXTERNAL_LINK_ALLOW_LIST) expect(new URL(origin).origin).toBe(origin);
  });
});

describe('setupPermissions', () => {
  function installed() {
    const handlers: { request?: (...a: unknown[]) => void; check?: (...a: unknown[]) => boolean; device?: (...a: unknown[]) => boolean } = {};
    const session = {
      setPermissionRequestHandler: (h: typeof handlers.request) => void (handlers.request = h),
      setPermissionCheckHandler: (h: typeof handlers.check) => void (handlers.check = h),
      setDevicePermissionHandler: (h: typeof handlers.device) => void (handlers.device = h),
    } as unknown as Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;
    setupPermissions(session);
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      handlers.request!({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    return { handlers, request };
  }

  it('denies every permission request, check and device', () => {
    const { handlers, request } = installed();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(request(permission, 'app://pledge-desk/index.html')).toBe(false);
      expect(handlers.check!({}, permission, 'app://pledge-desk', {})).toBe(false);
    }
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
  });

  it('grants persistent storage to the app’s own page only, so the drafts database is never evicted', () => {
    const { handlers, request } = installed();
    expect(request('persistent-storage', 'app://pledge-desk/index.html')).toBe(true);
    expect(handlers.check!({}, 'persistent-storage', 'app://pledge-desk', {})).toBe(true);
    expect(request('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(handlers.check!({}, 'persistent-storage', 'file://', {})).toBe(false);
  });
});
