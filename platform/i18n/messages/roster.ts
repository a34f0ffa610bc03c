/** The platform's messages for the 编办 roster import (command line and dashboard upload). Placeholders are written `{name}`. */
export const rosterMessages = {
  'platform.roster.column.name': '单位名称',
  'platform.roster.column.creditCode': '统一社会信用代码',
  'platform.roster.column.district': '所属区县',
  'platform.roster.column.type': '单位类型',
  'platform.roster.row': '第 {line} 行：{reason}',
  'platform.roster.missing': '{field}为空。',
  'platform.roster.check': '统一社会信用代码“{code}”校验位不符：18 位中任何一位都可能输错，请与证照逐位核对。{candidates}',
  'platform.roster.numericCode':
    '统一社会信用代码“{value}”是数字格式，Excel 的数字只保留 15 位有效数字，代码可能已被改动。请把这一列设为文本格式，重新录入代码后再导入。',
  'platform.roster.duplicate': '统一社会信用代码 {code} 与第 {n} 行重复，内容相同，只按第 {n} 行导入一次。',
  'platform.roster.conflict': '统一社会信用代码 {code} 与第 {n} 行重复，且单位名称、所属区县或单位类型不同，这几行都未导入。请核对后只保留一行。',
  'platform.roster.noHeader': '{file} 中没有找到名单的表头：需要一行列名，写有{field}（列的顺序不限，表头上方可以有标题行）。',
  'platform.roster.missingColumns': '{file} 第 {line} 行是名单的表头，但缺少{field}列。',
  'platform.roster.unreadable': '无法读取 {file}：不是有效的 .xlsx 文件（可能已损坏或设有密码）。请用 Excel 或 WPS 打开后另存为 .xlsx 或 .csv 再导入。',
  'platform.roster.badCsv': '{file} 第 {line} 行不是有效的 CSV（引号未闭合等）。请用 Excel 或 WPS 打开后另存为 .csv 再导入。',
  'platform.roster.oldExcel': '{file} 是旧版 Excel（.xls）格式，请另存为 .xlsx 或 .csv 后再导入。',
  'platform.roster.unknownFormat': '只能导入 .xlsx 或 .csv 文件，{file} 两者都不是。',
  'platform.roster.summary': '编办名单导入完成：新增 {added} 个单位，更新 {replaced} 个，拒绝 {count} 行。',
  'platform.roster.listHeader': '统一社会信用代码\t单位名称\t所属区县\t单位类型',
} as const;
