/**
 * Messages of reading the office's staff spreadsheet and of its downloadable template (core/staff).
 * No message ever holds an ID number: a row is named by its number and the column, never by the value.
 */
export const staff = {
  'staff.column.name': '姓名',
  'staff.column.position': '职务',
  'staff.column.department': '科室',
  'staff.column.post-type': '岗位类别',
  'staff.column.id-number': '身份证号',
  'staff.post-type.window': '窗口服务',
  'staff.post-type.enforcement': '行政执法',
  'staff.post-type.other': '其他',

  'staff.roster.row': '第 {line} 行：{reason}',
  'staff.roster.no-name': '姓名为空。',
  'staff.roster.no-position': '职务为空：个人承诺书要写明职务。',
  'staff.roster.no-post-type': '岗位类别为空，请填写{choices}之一。',
  'staff.roster.bad-post-type': '岗位类别“{value}”无法识别，请填写{choices}之一。',
  'staff.roster.id-length': '身份证号应为 18 位，现为 {actual} 位。',
  'staff.roster.id-old': '身份证号是 15 位的旧号码，请改填 18 位的居民身份证号码。',
  'staff.roster.id-charset': '身份证号含有无效字符：应为 17 位数字，最后一位是数字或 X。',
  'staff.roster.id-birth-date': '身份证号中的出生日期（第 7 至 14 位）不是有效日期，请与身份证核对。',
  'staff.roster.id-check': '身份证号校验位不符：按前 17 位，第 18 位应为“{expected}”。前 17 位中任何一位输错都会这样，请与身份证逐位核对。',
  'staff.roster.id-numeric':
    '身份证号被 Excel 存成了数字：Excel 的数字只保留 15 位有效数字，这个号码的最后几位已经丢失，无法恢复。请把身份证号这一列的单元格格式设为“文本”后重新录入号码（或在每个号码前加一个英文单引号），再导入。',
  'staff.roster.repeat': '与第 {n} 行重复（各列完全相同），只按第 {n} 行导入一次。',
  'staff.roster.id-repeat': '身份证号与第 {n} 行重复，内容相同，只按第 {n} 行导入一次。',
  'staff.roster.id-conflict': '身份证号与第 {n} 行相同，但{field}不同，无法判断哪一行正确，这几行都未导入。请核对后只保留一行。',
  'staff.roster.unreadable': '无法读取 {file}：不是有效的 .xlsx 文件（可能已损坏或设有密码）。请用 Excel 或 WPS 打开后另存为 .xlsx 或 .csv 再导入。',
  'staff.roster.old-excel': '{file} 是旧版 Excel（.xls）格式，请另存为 .xlsx 或 .csv 后再导入。',
  'staff.roster.unknown-format': '只能导入 .xlsx 或 .csv 文件，{file} 两者都不是。',
  'staff.roster.bad-csv': '{file} 第 {line} 行不是有效的 CSV（引号未闭合等）。请用 Excel 或 WPS 打开后另存为 .csv 再导入。',
  'staff.roster.no-header':
    '{file} 中没有找到人员名单的表头：需要一行列名，写有{field}（列的顺序不限，表头上方可以有标题行；“科室”“身份证号”两列可以没有）。',
  'staff.roster.missing-columns': '{file} 第 {line} 行是人员名单的表头，但缺少{field}列。',

  'staff.template.title': '工作人员名单',
  'staff.template.note':
    '填写说明：每人一行，不要合并单元格；岗位类别填“窗口服务”“行政执法”或“其他”；身份证号一列已设为文本格式，请直接录入 18 位号码（可不填）；下面两行是示例，请删除后填写。',
} as const;
