/** The calendar of a delivered letter's year (core/calendar/): its events, reminders and alarms. */
export const calendar = {
  'calendar.item-deadline': '第 {n} 项承诺事项到期：{content}',
  'calendar.commitment': '作出承诺并上传市信用信息共享平台截止',
  'calendar.publication': '承诺书在本单位网站公示截止，公示覆盖率应达 100%',
  'calendar.month-report': '报送 {month} 月承诺事项进展（月调度）',
  'calendar.quarter-report': '报送第 {n} 季度承诺事项进展（季通报）',
  'calendar.year-report': '报送 {year} 年度承诺履行情况（年终）',
  'calendar.reminder.due-soon': '还有 {n} 天到期：{title}',
  'calendar.reminder.due-today': '今天到期：{title}',
  'calendar.reminder.overdue': '已逾期：{title}',
  'calendar.reminder.report-due': '今天是报送日：{title}',
  'cli.calendar.usage': '用法：pledge calendar <承诺书报送包.zip> [--progress <进展报告.json>] -o <日历.ics>',
  'cli.calendar.missing-output': '请用 -o 指定日历文件，例如：pledge calendar 报送包.zip -o 承诺日历.ics',
  'cli.calendar.written': '已生成 {file}：{n} 个日程（承诺事项完成时限、5 月 1 日、8 月 31 日和各期进展报送日）。导入办公日历后，程序关闭时也会提醒。',
} as const;
