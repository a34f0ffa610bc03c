/**
 * The national 信用承诺 record (core/records/): the template rules a record breaks, the summary of a
 * long letter's items, and the export of records from the command line and the outbox.
 */
export const records = {
  'records.problem.missing': '缺少{field}。',
  'records.problem.missing-until-receipt': '缺少{field}：由承诺受理单位（市信用平台）在收到报送时给出，报送送达、取得回执后才有。',
  'records.problem.missing-id-number': '缺少{field}：个人承诺的承诺人代码是本人的居民身份证号码，这份承诺书没有身份证号；请在人员名单中补上后重新生成承诺书。',
  'records.problem.not-text': '{field}应为文字。',
  'records.problem.length': '{field}应为 {expected} 位，现为 {actual} 位。',
  'records.problem.too-long': '{field}不能超过 {max} 个字，现为 {actual} 个字。',
  'records.problem.code-word': '{field}“{value}”不是模板规定的取值，只能是：{choices}。',
  'records.problem.other-type': '{field}为“其他”时应写明具体类型，例如“其他（……）”。',
  'records.problem.date': '{field}应为 YYYY-MM-DD 格式的真实日期。',
  'records.problem.commitment-code': '{field}应为 20 位数字：承诺受理地的 6 位行政区划代码、8 位承诺作出日期和 6 位顺序号。',
  'records.problem.commitment-code-date': '{field}的第 7 至 14 位应为承诺作出日期 {expected}。',
  'records.problem.credit-code': '{field}应为 18 位统一社会信用代码（数字和大写字母）。',
  'records.problem.validity-before-date': '{field}不能早于承诺作出日期。',
  'records.problem.unknown-field': '信用承诺记录中不应有字段“{field}”：模板没有这一项（履行情况是另一条记录）。',
  'records.summary.closing': '（以上为 {n} 项承诺事项的摘要，各项全文见承诺书。）',
  'records.summary.remark': '{details}；承诺内容为 {n} 项承诺事项的摘要，全文见承诺书',
  'cli.records.usage': '请指定报送包和输出文件，例如：pledge records 报送包.zip --receipt 回执.json -o 信用承诺记录.xlsx',
  'cli.records.missing-output': '请用 -o 指定输出文件（.xlsx 或 .csv），例如：pledge records 报送包.zip -o 信用承诺记录.xlsx',
  'cli.records.bad-output': '输出文件 {file} 应以 .xlsx 或 .csv 结尾。',
  'cli.records.bad-receipt': '{file} 不是报送平台的回执（JSON）。',
  'cli.records.duplicate': '{file}：提交编号 {id} 的报送包已列出，不再重复写入。',
  'cli.records.unused-receipt': '{file}：回执的提交编号 {id} 与所列报送包都不对应，未使用。',
  'cli.records.row-problem': '第 {line} 行（{name}）：{reason}',
  'cli.records.written': '已写出 {file}：{n} 条信用承诺记录。',
  'cli.records.incomplete': '有记录不符合信用承诺模板或有报送包未通过校验（见上），导入平台前请补齐。',
} as const;
