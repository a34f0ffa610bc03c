/** What the clerk records about each item of a delivered letter through the year (core/progress/item-progress.ts). */
export const itemProgress = {
  'item-progress.unknown-status': '第 {n} 项承诺事项的履行状态只能是：{choices}。',
  'item-progress.reason-required': '第 {n} 项承诺事项为“已调整”，请写明调整原因。',
  'item-progress.reason-too-long': '第 {n} 项承诺事项的调整原因不能超过 {max} 个字。',
  'item-progress.note-empty': '第 {n} 项承诺事项的进展记录是空的，未保存。',
  'item-progress.note-too-long': '第 {n} 项承诺事项的进展记录不能超过 {max} 个字。',
  'item-progress.no-such-note': '第 {n} 项承诺事项没有第 {position} 条进展记录。',
  'item-progress.no-such-item': '承诺书只有 {count} 项承诺事项，没有第 {n} 项。',
  'item-progress.evidence-refused': '第 {n} 项承诺事项的佐证材料未添加：{reason}',
  'item-progress.report-evidence-refused': '佐证材料未添加：{reason}',
  'item-progress.evidence-missing': '这份佐证材料已不在本机或无法读取，公开设置未保存。',
} as const;
