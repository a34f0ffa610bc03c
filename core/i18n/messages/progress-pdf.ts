/**
 * The printed progress report (践诺进展报告) of a delivered letter (core/layout/layout-progress.ts):
 * its printed text, written as the letter's own (dates solid, GB/T 9704).
 */
export const progressPdf = {
  'pdf.progress.title': '践诺进展报告（{what}）',
  'pdf.progress.subject': '{year}年度政务诚信承诺践诺进展报告',
  'pdf.progress.period.month': '{year}年{month}月',
  'pdf.progress.period.quarter': '{year}年第{ordinal}季度',
  'pdf.progress.period.year': '{year}年度',
  'pdf.progress.period': '报告期：{what}',
  'pdf.progress.date': '报告日期：{year}年{month}月{day}日',
  'pdf.progress.submission-id': '承诺书提交编号：{id}',
  'pdf.progress.column.number': '序号',
  'pdf.progress.column.content': '承诺事项',
  'pdf.progress.column.deadline': '完成时限',
  'pdf.progress.column.status': '履行状态',
  'pdf.progress.column.note': '进展说明',
  'pdf.progress.reason': '调整原因：{reason}',
  'pdf.progress.summary': '共 {total} 项承诺事项，其中{list}。',
  'pdf.progress.summary.status': '{status} {count} 项',
  'pdf.progress.summary.separator': '、',
  'pdf.progress.evidence': '佐证材料',
  'pdf.progress.evidence.file': '{n}.{name}（{size}，SHA-256 前 16 位：{sha256}，{what}）',
  'pdf.progress.evidence.item': '第 {n} 项承诺事项',
  'pdf.progress.evidence.whole': '整份报告',
  'pdf.progress.accountability': '违诺责任追究内容',
} as const;
