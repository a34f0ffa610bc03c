import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { EmitDesktopEvent } from '../../core/bridge/desktop-api';

/** A Chinese application menu; standard roles keep the platform's own shortcuts. */
export function setupMenu(emit: EmitDesktopEvent): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '新建承诺书', accelerator: 'CmdOrCtrl+N', click: () => emit('app.command', { command: 'new-letter' }) },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', role: 'help', submenu: [{ label: '关于政务诚信承诺填报', role: 'about' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
