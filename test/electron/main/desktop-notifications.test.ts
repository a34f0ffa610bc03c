import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { EmitDesktopEvent } from '../../../core/bridge/desktop-api';
import { APP_USER_MODEL_ID, setupDesktopNotifications, type NotificationShell } from '../../../electron/main/desktop-notifications';

function fakeShell(platform: NodeJS.Platform, supported = true) {
  const shown: { title: string; body: string; click?: () => void }[] = [];
  let resume: (() => void) | undefined;
  const shell: NotificationShell = {
    platform,
    app: { setAppUserModelId: vi.fn() },
    Notification: class {
      static isSupported = () => supported;
      readonly record: { title: string; body: string; click?: () => void };
      constructor(options: { title: string; body: string }) {
        this.record = { ...options };
      }
      on(_event: 'click', listener: () => void) {
        this.record.click = listener;
      }
      show() {
        shown.push(this.record);
      }
    },
    powerMonitor: { on: (_event, listener) => (resume = listener) },
    focusWindow: vi.fn(),
  };
  return { shell, shown, wake: () => resume?.() };
}

describe('setupDesktopNotifications', () => {
  it('sets the app user model id on Windows only, and to the appId electron-builder packages under', () => {
    const windows = fakeShell('win32');
    setupDesktopNotifications(windows.shell, vi.fn());
    expect(windows.shell.app.setAppUserModelId).toHaveBeenCalledWith(APP_USER_MODEL_ID);
    const linux = fakeShell('linux');
    setupDesktopNotifications(linux.shell, vi.fn());
    expect(linux.shell.app.setAppUserModelId).not.toHaveBeenCalled();
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(new RegExp(`^appId: ${APP_USER_MODEL_ID.replaceAll('.', '\\.')}$`, 'm'));
  });

  it('shows the reminder and brings the window forward when it is clicked', () => {
    const { shell, shown } = fakeShell('linux');
    const notify = setupDesktopNotifications(shell, vi.fn());
    expect(notify({ title: '承诺事项临近期限', body: '第 2 项还有 10 天到期' })).toBe(true);
    expect(shown).toEqual([expect.objectContaining({ title: '承诺事项临近期限', body: '第 2 项还有 10 天到期' })]);
    shown[0]!.click!();
    expect(shell.focusWindow).toHaveBeenCalledOnce();
  });

  it('says so when the system has no notifications, so the page knows its banner is the only reminder', () => {
    const { shell, shown } = fakeShell('linux', false);
    expect(setupDesktopNotifications(shell, vi.fn())({ title: 'x', body: '' })).toBe(false);
    expect(shown).toEqual([]);
  });

  it('tells the page when the computer wakes, so its reminder timer is re-armed', () => {
    const { shell, wake } = fakeShell('darwin');
    const emit = vi.fn<EmitDesktopEvent>();
    setupDesktopNotifications(shell, emit);
    expect(emit).not.toHaveBeenCalled();
    wake();
    expect(emit).toHaveBeenCalledWith('app.resumed', {});
  });
});
