/** The 践诺 tab of a delivered letter (renderer/progress): each item's status, notes and evidence, the reminders. */
export const progressScreen = {
  'ui.tab.progress': '践诺进展',
  'ui.progress.not-delivered': '这封承诺书还没有送达平台（没有平台回执），送达后才能记录践诺进展和报送进展报告。',
} as const;
