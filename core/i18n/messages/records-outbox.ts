/**
 * The outbox's 导出信用承诺记录: one year's delivered letters as the national 信用承诺 template's
 * .xlsx (renderer/outbox/RecordsExportButton.tsx), what was left out and why, and the rows that
 * still break a rule of the template.
 */
export const recordsOutbox = {
  'records.outbox.title': '信用承诺记录',
  'records.outbox.explain': '把所选年度已送达报送平台的承诺书（单位承诺书和个人承诺书，包括人员批次中的）按全国信用承诺信息归集模板导出为一份 Excel 表格，承诺编码和承诺受理单位取自各份回执，可交市信用平台批量导入。',
  'records.outbox.year': '承诺年度',
  'records.outbox.year-option': '{year} 年度',
  'records.outbox.export': '导出信用承诺记录',
  'records.outbox.reading': '正在读取报送包（{n}/{total}）……',
  'records.outbox.saving': '正在保存……',
  'records.outbox.ready': '{year} 年度有 {n} 份已送达的承诺书可以导出。',
  'records.outbox.file-name': '信用承诺记录-{year}.xlsx',
  'records.outbox.saved': '已导出 {n} 条信用承诺记录，保存到 {path}。',
  'records.outbox.cancelled': '已取消保存，没有导出任何文件。',
  'records.outbox.failed': '导出失败，没有保存文件：{reason}',
  'records.outbox.nothing-delivered': '{year} 年度还没有已送达的承诺书，没有导出文件。',
  'records.outbox.nothing-read': '{year} 年度已送达的承诺书，报送包都无法读取，没有导出文件。',
  'records.outbox.not-delivered': '{n} 份承诺书尚未送达报送平台、没有回执，未导出；送达后再导出即可列入。',
  'records.outbox.superseded': '{n} 份承诺书已由送达的更正报送替代，未导出，表中只列更正后的一份。',
  'records.outbox.unknown-year': '{n} 份报送读不出承诺年度（报送记录缺少详情），未列入任何年度。',
  'records.outbox.package-failed': '{name}（提交编号 {id}）的报送包无法读取或未通过校验，已跳过：{reason}',
  'records.outbox.problems': '以下记录不符合信用承诺模板，导入平台前请补齐：',
  'records.outbox.row-problem': '第 {line} 行（{name}）：{reason}',
} as const;
