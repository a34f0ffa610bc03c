import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { EmitDesktopEvent } from '../../../core/bridge/desktop-api';
import { aboutBox, OPEN_DATA_BUTTON } from '../../../electron/main/about';
import { menuTemplate, setupMenu } from '../../../electron/main/menu';
import { setupSingleInstance, type FocusableWindow } from '../../../electron/main/single-instance';

describe('the application menu', () => {
  const actions = (platform: NodeJS.Platform = 'win32') => ({ platform, emit: vi.fn<EmitDesktopEvent>(), showAbout: vi.fn(), openExternal: vi.fn() });
  const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions => {
    for (const item of items) {
      if (item.label === label) return item;
      if (Array.isArray(item.submenu)) {
        const found = item.submenu.find((sub) => sub.label === label);
        if (found) return found;
      }
    }
    throw new Error(`no menu item ${label}`);
  };

  it('is in Chinese: 文件、编辑、视图、帮助, with the usual shortcuts through standard roles', () => {
    const template = menuTemplate(actions());
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(find(template, '新建承诺书').accelerator).toBe('CmdOrCtrl+N');
    expect(find(template, '复制').role).toBe('copy');
    expect(find(template, '粘贴').role).toBe('paste');
    expect(find(template, '撤销').role).toBe('undo');
    expect(find(template, '退出').role).toBe('quit');
  });

  it('puts the standard app menu first on macOS, where the first menu bears the app’s name', () => {
    expect(menuTemplate(actions('darwin')).map((item) => item.label ?? item.role)).toEqual(['appMenu', '文件', '编辑', '视图', '帮助']);
  });

  it('sends the app’s commands to the page, and opens About and the allowed site', () => {
    const a = actions();
    const template = menuTemplate(a);
    (find(template, '新建承诺书').click as () => void)();
    (find(template, '发送队列').click as () => void)();
    (find(template, '关于政务诚信承诺填报').click as () => void)();
    (find(template, '信用中国网站').click as () => void)();
    expect(a.emit.mock.calls).toEqual([['app.command', { command: 'new-letter' }], ['app.command', { command: 'open-outbox' }]]);
    expect(a.showAbout).toHaveBeenCalledOnce();
    expect(a.openExternal).toHaveBeenCalledWith('https://www.creditchina.gov.cn/');
  });

  it('is installed as the application menu', () => {
    const menu = { buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })), setApplicationMenu: vi.fn() };
    setupMenu(menu as never, actions());
    expect(menu.setApplicationMenu).toHaveBeenCalledWith({ template: expect.any(Array) });
  });
});

describe('the About box', () => {
  it('gives the version and the data location, and offers to open it', () => {
    const box = aboutBox({ version: '1.2.3', dataDir: 'C:\\Users\\clerk\\AppData\\Roaming\\Pledge Desk', electron: '45.5.0', platform: 'win32 x64' });
    expect(box.message).toBe('政务诚信承诺填报 1.2.3');
    expect(box.detail).toContain('数据位置：C:\\Users\\clerk\\AppData\\Roaming\\Pledge Desk');
    expect(box.buttons?.[OPEN_DATA_BUTTON]).toBe('打开数据文件夹');
  });
});

describe('setupSingleInstance', () => {
  function fakeApp(gotLock: boolean) {
    let secondInstance: (() => void) | undefined;
    const app = { requestSingleInstanceLock: () => gotLock, on: (event: string, listener: () => void) => void (event === 'second-instance' && (secondInstance = listener)) };
    return { app: app as never, launchAgain: () => secondInstance?.() };
  }
  const window = (minimized: boolean): FocusableWindow & { calls: string[] } => {
    const calls: string[] = [];
    return { calls, isDestroyed: () => false, isMinimized: () => minimized, restore: () => calls.push('restore'), show: () => calls.push('show'), focus: () => calls.push('focus') };
  };

  it('tells a second instance to quit', () => {
    expect(setupSingleInstance(fakeApp(false).app, () => undefined)).toBe(false);
  });

  it('brings the open window forward when the app is launched again', () => {
    const { app, launchAgain } = fakeApp(true);
    const open = window(true);
    expect(setupSingleInstance(app, () => open)).toBe(true);
    launchAgain();
    expect(open.calls).toEqual(['restore', 'show', 'focus']);
  });
});
