import type { EmitDesktopEvent, NotificationRequest } from '../../core/bridge/desktop-api';

/** The appId of electron-builder.yml: Windows shows a notification only for the app that id names. */
export const APP_USER_MODEL_ID = 'org.pledgedesk.desktop';

/** The parts of Electron this needs, so tests can hand in stand-ins. */
export interface NotificationShell {
  readonly platform: NodeJS.Platform;
  readonly app: { setAppUserModelId(id: string): void };
  readonly Notification: {
    isSupported(): boolean;
    new (options: { title: string; body: string; silent?: boolean }): { on(event: 'click', listener: () => void): unknown; show(): void };
  };
  readonly powerMonitor: { on(event: 'resume', listener: () => void): unknown };
  /** Brings the window forward when a notification is clicked. */
  readonly focusWindow: () => void;
}

/**
 * Reminders on the desktop: the id Windows needs to show them at all, the notification itself, and
 * the wake from sleep that the page's reminder timer slept through (core/calendar/reminder-scheduler.ts
 * re-arms on `app.resumed`). Returns the `notify` the host's `app.notify` runs.
 */
export function setupDesktopNotifications(shell: NotificationShell, emit: EmitDesktopEvent): (request: NotificationRequest) => boolean {
  // Without it a packaged app's toasts go nowhere on Windows 10 and 11.
  if (shell.platform === 'win32') shell.app.setAppUserModelId(APP_USER_MODEL_ID);
  shell.powerMonitor.on('resume', () => emit('app.resumed', {}));
  // Kept until clicked or closed: a notification collected by the garbage collector loses its click.
  const shown = new Set<object>();
  return (request) => {
    if (!shell.Notification.isSupported()) return false;
    const notification = new shell.Notification({ title: request.title, body: request.body });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      shell.focusWindow();
    });
    notification.show();
    return true;
  };
}
