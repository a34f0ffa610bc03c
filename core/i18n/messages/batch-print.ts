/** Messages of the batch's print file and the split of its signed scan (core/batch-print). */
export const batchPrint = {
  'batch-print.cover.title': '{title}签字清单',
  'batch-print.cover.info': '单位：{unit}　共 {count} 人',
  'batch-print.cover.note': '请本人核对承诺书后在“签字确认”栏签字；扫描签字件时请保持本清单的顺序，不要拆开装订。',
  'batch-print.cover.column.number': '序号',
  'batch-print.cover.column.name': '姓名',
  'batch-print.cover.column.position': '职务',
  'batch-print.cover.column.department': '科室',
  'batch-print.cover.column.pages': '页码',
  'batch-print.cover.column.signature': '签字确认',
  'batch-print.blank.text': '此页无正文',
  'batch-print.document.title': '{title}（签字打印稿）',
  'batch-print.document.subject': '{unit}{title}签字打印稿，共 {count} 份',
} as const;
