/** The platform's messages for the national 信用承诺 records it keeps and their export. Placeholders are written `{name}`. */
export const recordsMessages = {
  'platform.records.export': '导出信用承诺记录（供省平台导入）',
  'platform.records.exportNote': '按国家信用承诺数据模板，每份承诺一行；已被更正替代的承诺不导出（以更正后的为准）。',
  'platform.records.fileName': '信用承诺记录-{year}.{format}',
  'platform.records.badFormat': '导出格式“{value}”不正确，请写 xlsx 或 csv。',
  'platform.records.written': '已导出 {year} 年度的 {count} 条信用承诺记录到 {file}。',
  'platform.records.replaced': '另有 {count} 份承诺已被更正替代，未导出。',
  'platform.records.unrecorded': '注意：有 {count} 份承诺没有信用承诺记录（升级前收到、报送包已无法读取），未导出。',
  'platform.records.badOutput': '输出文件“{file}”的扩展名应为 .xlsx 或 .csv。',
} as const;
