const formatter = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

/** @example formatTime(Date.UTC(2026, 3, 20)) // '2026年4月20日 08:00' in UTC+8 */
export function formatTime(epochMs: number): string {
  return formatter.format(new Date(epochMs));
}
