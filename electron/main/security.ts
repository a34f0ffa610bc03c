import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';
import { isAllowedExternalUrl } from './external-links';

/**
 * The page gets one permission: persistent storage for its own origin, so the browser never
 * evicts the drafts database when the disk runs low. Nothing else: no camera, microphone,
 * location, notifications, clipboard reading, MIDI, USB or HID; it needs none, and a
 * compromised page should not gain one.
 */
export function setupPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permission === 'persistent-storage' && isAppUrl(details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'persistent-storage' && isAppUrl(requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

/** The parts of a WebContents the guards below touch, so tests can hand in a stand-in. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * For every web contents the app ever creates: no navigation away from the app, no new
 * windows, no webviews. A link to an allowed site opens in the system browser instead.
 */
export function setupNavigationGuards(app: Pick<App, 'on'>, openExternal: (url: string) => Promise<void>): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openExternal));
}

export function guardContents(contents: GuardedContents, openExternal: (url: string) => Promise<void>): void {
  const leave = (url: string) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
  };
  contents.on('will-navigate', (event) => {
    // A reload of the app's own page is a navigation too; everything else is refused.
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    leave(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
}
