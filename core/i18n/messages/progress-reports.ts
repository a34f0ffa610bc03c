/** Progress reports made in the app (renderer/progress-report): drafted, reviewed, approved, packed and sent. */
export const progressReports = {
  'ui.tab.reports': '进展报告',
} as const;
