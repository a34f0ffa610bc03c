import type { Letter, LetterItem } from '../../../core/letter/letter-schema';
import { validateLetter } from '../../../core/letter/validate-letter';
import { newProgressReport } from '../../../core/progress/new-progress';
import { parsePeriod } from '../../../core/progress/progress-period';
import type { ItemStatus, ProgressReport } from '../../../core/progress/progress-schema';
import { ownLetter } from '../../support/letter-fixtures';

/**
 * A 2026 unit letter made on 20 April, its items stored out of printed order (a duty item first)
 * so that a test reading numbers by stored index would fail.
 */
export function calendarLetter(items: readonly LetterItem[] = DEFAULT_ITEMS): Letter {
  const result = validateLetter({ ...ownLetter('key-task'), date: '2026-04-20', items });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.letter;
}

export const DEFAULT_ITEMS: readonly LetterItem[] = [
  { category: 'duty', content: '依法履职，按时办结群众诉求。', deadline: '全年' },
  { category: 'key-task', content: '完成老旧小区供水管网改造，惠及居民 620 户。', deadline: '2026年10月31日前' },
  { category: 'key-task', content: '建成农村生活垃圾分类收集点 12 处。', deadline: '2026-08-31' },
  { category: 'service', content: '涉农补贴资金 10 个工作日内发放到户。', deadline: '２０２６年１２月３１日前' },
];

/** The letter's report for September, as `pledge progress new` makes it, with the given statuses by printed number (the rest 推进中). */
export function progressWith(letter: Letter, statuses: Readonly<Record<number, ItemStatus>>): ProgressReport {
  const report = newProgressReport(letter, '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b', parsePeriod('2026-09')!);
  return { ...report, items: report.items.map((item) => ({ ...item, status: statuses[item.number] ?? '推进中' })) };
}

/** 00:00 Beijing on a day is 16:00 UTC the day before. */
export const beijing = (day: string, time = '00:00') => new Date(`${day}T${time}:00+08:00`);
