/** The PDF preview beside the editor and saving a draft PDF. */
export const preview = {
  'ui.preview': '预览',
  'ui.preview.page': '第 {n} 页',
  'ui.preview.pages': 'PDF 页面',
  'ui.preview.rendering': '正在生成 PDF…',
  'ui.preview.problems': '以下问题修改后才能生成 PDF：',
  'ui.preview.last-good': '预览是最后一次没有问题时的内容，改完上方列出的问题后更新。',
  'ui.preview.error': 'PDF 生成失败：{reason}',
  'ui.preview.draft-mark': '预览和另存的 PDF 带有“草稿”字样；经批准的承诺书在“审核”页打印和另存。',
  'ui.save-pdf': '另存为 PDF',
  'ui.save-pdf.draft-name': '{title}（草稿）',
  'ui.save-pdf.blocked': '还有 {count} 处问题，修改后才能另存为 PDF。各问题已在对应栏目下方标出。',
} as const;
