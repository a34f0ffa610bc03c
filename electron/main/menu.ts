import type { Menu as MenuModule, MenuItemConstructorOptions } from 'electron';
import type { EmitDesktopEvent } from '../../core/bridge/desktop-api';
import { t } from '../../core/i18n/translate';

export interface MenuActions {
  /** macOS puts the first menu under the app's name; it gets the standard app menu there. */
  readonly platform: NodeJS.Platform;
  readonly emit: EmitDesktopEvent;
  readonly showAbout: () => void;
  readonly openExternal: (url: string) => void;
}

/**
 * The Chinese application menu: 文件、编辑、视图、帮助. Standard roles keep each platform's own
 * shortcuts (Ctrl+Z, Ctrl+C, Ctrl+0…); the app's commands go to the page as `app.command`.
 */
export function menuTemplate({ platform, emit, showAbout, openExternal }: MenuActions): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.new-letter'), accelerator: 'CmdOrCtrl+N', click: () => emit('app.command', { command: 'new-letter' }) },
        { label: t('menu.outbox'), accelerator: 'CmdOrCtrl+Shift+O', click: () => emit('app.command', { command: 'open-outbox' }) },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo' },
        { label: t('menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.select-all'), role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.reset-zoom'), role: 'resetZoom' },
        { label: t('menu.zoom-in'), role: 'zoomIn' },
        { label: t('menu.zoom-out'), role: 'zoomOut' },
        { type: 'separator' },
        { label: t('menu.fullscreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: t('menu.help'),
      role: 'help',
      submenu: [
        { label: t('menu.credit-china'), click: () => openExternal('https://www.creditchina.gov.cn/') },
        { type: 'separator' },
        { label: t('menu.about'), click: showAbout },
      ],
    },
  ];
}

export function setupMenu(menu: Pick<typeof MenuModule, 'buildFromTemplate' | 'setApplicationMenu'>, actions: MenuActions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(menuTemplate(actions)));
}
