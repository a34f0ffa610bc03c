import type { Letter } from '../letter/letter-schema';
import { printOrder } from '../letter/item-numbers';
import { letterTitle } from '../letter/letter-title';
import { periodKey, type ProgressPeriod } from './progress-period';
import { PROGRESS_FORMAT, type ProgressItem, type ProgressReport } from './progress-schema';

/**
 * A new report of a delivered letter for a period: every item of the letter, in its printed order
 * and numbering, with status 未启动 and an empty note to fill, or, when an earlier report is
 * given, that report's statuses, notes and reasons carried forward (a report in June goes on from
 * May's). No evidence yet: `pledge progress pack` adds the files.
 *
 * @example newProgressReport(letter, submissionId, parsePeriod('2026-06')!).items[0].status // '未启动'
 */
export function newProgressReport(letter: Letter, submissionId: string, period: ProgressPeriod, earlier?: ProgressReport): ProgressReport {
  const items = printOrder(letter.items).map((index, position): ProgressItem => {
    const item = letter.items[index] as Letter['items'][number];
    const before = earlier?.items.find((old) => old.number === position + 1 && old.content === item.content);
    return {
      number: position + 1,
      content: item.content,
      ...(item.deadline ? { deadline: item.deadline } : {}),
      status: before?.status ?? '未启动',
      note: before?.note ?? '',
      ...(before?.reason ? { reason: before.reason } : {}),
    };
  });
  return {
    format: PROGRESS_FORMAT,
    submissionId,
    year: letter.year,
    period: periodKey(period),
    title: letterTitle(letter),
    unit: { name: letter.unit.name, creditCode: letter.unit.creditCode },
    ...(letter.kind === 'person' ? { person: { name: letter.person.name } } : {}),
    items,
    evidence: [],
  };
}
