/** Progress reports made in the app (renderer/progress-report): drafted, reviewed, approved, packed and sent. */
export const progressReports = {
  'ui.tab.reports': '进展报告',
  'ui.reports.use-command-line':
    '本版本还不能在此制作进展报告。请用命令行：pledge progress new <承诺书报送包.zip> --period <2026-06|2026-Q2|2026> -o <进展报告.json> 生成并填写，pledge progress pack 打包，pledge send 报送；平台回执到手才算报送完成。',
} as const;
