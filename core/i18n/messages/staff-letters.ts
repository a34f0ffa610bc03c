/** `pledge staff`: the staff's personal letters from the roster, and the roster template. */
export const staffLetters = {
  'cli.staff.usage': '请指定子命令，例如：pledge staff letters --roster 人员名单.xlsx --unit 单位承诺书.json --out 个人承诺书，或 pledge staff template -o 人员名单模板.xlsx',
  'cli.staff.unknown-subcommand': '未知的子命令“{command}”：pledge staff 只有 letters 和 template。',
  'cli.staff.missing-letters-option': '请用 {option} 指定{what}，例如：pledge staff letters --roster 人员名单.xlsx --unit 单位承诺书.json --out 个人承诺书',
  'cli.staff.what.roster': '人员名单（.xlsx 或 .csv）',
  'cli.staff.what.unit': '本单位的承诺书（pledge-letter/1 的 JSON 文件）',
  'cli.staff.what.out': '保存个人承诺书的文件夹',
  'cli.staff.missing-template-output': '请用 -o 指定模板的输出文件，例如：pledge staff template -o 人员名单模板.xlsx',
  'cli.staff.unit-not-unit': '{file} 是个人承诺书，请用 --unit 指定本单位的承诺书（承诺书类型为 unit）：个人承诺书的单位信息和监督渠道取自其中。',
  'cli.staff.unit-invalid': '{file} 未通过校验，没有生成个人承诺书：请先改正以上问题（pledge validate {file}）。',
  'cli.staff.roster-unusable': '人员名单无法使用：{reason}',
  'cli.staff.row-invalid': '第 {n} 行：生成的个人承诺书未通过校验：{problems}',
  'cli.staff.files-exist': '{path} 中已有 {count} 个同名文件（如 {file}），没有写入任何文件。如确需覆盖，请加 --force。',
  'cli.staff.written': '已在 {path} 生成 {count} 份个人承诺书。',
  'cli.staff.written-some-refused': '已在 {path} 生成 {count} 份个人承诺书；{rest} 行未生成，见上。',
  'cli.staff.template-written': '已生成人员名单模板 {file}。',
} as const;
