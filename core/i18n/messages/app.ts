/**
 * The application frame: its name, start-up, status bar, the page's own errors and the buttons every
 * screen shares.
 */
export const app = {
  'app.name': '政务诚信承诺填报',
  'ui.cancel': '取消',
  'ui.back': '返回列表',
  'ui.route.letter-missing': '要打开的承诺书不在了（可能已删除或移入回收站），已回到草稿列表。',
  'ui.route.unknown': '地址没有对应的页面，已回到草稿列表。',
  'ui.loading': '正在加载…',
  'ui.data-location': '数据位置',
  'ui.data-location.web-drafts': '草稿保存在这个浏览器里（清除浏览器数据会删除草稿，请定期备份）',
  'ui.data-location.web-files': '发送队列和导出的文件（exports 文件夹）',
  'ui.version': '版本',
  'ui.shell.electron': '桌面版',
  'ui.shell.web': '浏览器版',
  'ui.bridge-unavailable': '无法连接本机服务：{reason}',
  'ui.storage-failed': '本地草稿库操作失败：{reason}',
  'ui.dismiss': '知道了',
  'ui.unexpected-error': '出现意外错误：{reason}。已记录到日志，请刷新后重试。',
  'ui.saved-file': '已保存到 {path}',
  'ui.save-cancelled': '未保存。',
  'ui.save-failed': '保存失败：{reason}',
  'ui.storage.persistent': '草稿库：持久保存',
  'ui.storage.best-effort': '草稿库：浏览器可能在磁盘不足时清理，请定期导出备份',
  'ui.storage.unknown': '草稿库：保存方式未知',
  'ui.remove': '删除',
  'app.start-failed': '程序无法启动：{reason}\n草稿保存在本机，不受影响。请重新启动；如仍不能启动，请把这段文字发给技术支持。',
} as const;
