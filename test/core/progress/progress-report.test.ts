import { describe, expect, it } from 'vitest';
import { newProgressReport } from '../../../core/progress/new-progress';
import { parsePeriod, periodEnd, periodKey } from '../../../core/progress/progress-period';
import { validateProgress } from '../../../core/progress/validate-progress';
import { itemNumbers } from '../../../core/letter/item-numbers';
import { personLetter, unitLetter } from '../records/record-letters';

const ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
const june = parsePeriod('2026-06')!;

describe('the period of a report', () => {
  it('reads a month, a quarter and the year, and nothing else', () => {
    expect(parsePeriod('2026-06')).toEqual({ kind: 'month', year: 2026, month: 6 });
    expect(parsePeriod('2026-Q2')).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026 });
    for (const bad of ['2026-13', '2026-Q5', '2026-6', '26', '2026-Q0', '2026-00', '']) expect(parsePeriod(bad), bad).toBeUndefined();
    expect(['2026-06', '2026-Q2', '2026'].map((text) => periodKey(parsePeriod(text)!))).toEqual(['2026-06', '2026-Q2', '2026']);
  });

  it('ends on the last day it covers', () => {
    expect(['2026-02', '2028-02', '2026-Q2', '2026-Q4', '2026'].map((text) => periodEnd(parsePeriod(text)!))).toEqual(['2026-02-28', '2028-02-29', '2026-06-30', '2026-12-31', '2026-12-31']);
  });
});

describe('a new progress report', () => {
  it('lists every item of the letter in printed order, each 未启动 with a note to fill, and is valid', () => {
    const letter = unitLetter();
    const report = newProgressReport(letter, ID, june);
    const numbers = itemNumbers(letter.items);
    expect(report.items).toHaveLength(letter.items.length);
    report.items.forEach((item, position) => {
      const stored = letter.items[numbers.indexOf(position + 1)]!;
      expect(item).toMatchObject({ number: position + 1, content: stored.content, status: '未启动', note: '' });
    });
    expect(report).toMatchObject({ format: 'pledge-progress/1', submissionId: ID, year: letter.year, period: '2026-06', unit: { name: letter.unit.name, creditCode: letter.unit.creditCode }, evidence: [] });
    expect(validateProgress(JSON.parse(JSON.stringify(report)))).toEqual({ ok: true, report });
  });

  it('names the person of a personal letter, never their ID number', () => {
    const report = newProgressReport(personLetter('11010519491231002X'), ID, june);
    expect(report.person?.name).toBeTruthy();
    expect(JSON.stringify(report)).not.toContain('11010519491231002X');
  });

  it('carries an earlier report’s statuses and notes forward, for the same items only', () => {
    const letter = unitLetter();
    const may = newProgressReport(letter, ID, parsePeriod('2026-05')!);
    const filled = { ...may, items: may.items.map((item, i) => (i === 0 ? { ...item, status: '推进中' as const, note: '已完成方案' } : item)) };
    const next = newProgressReport(letter, ID, june, filled);
    expect(next.items[0]).toMatchObject({ status: '推进中', note: '已完成方案' });
    expect(next.items[1]).toMatchObject({ status: '未启动', note: '' });
  });
});

describe('checking a report', () => {
  const report = () => JSON.parse(JSON.stringify(newProgressReport(unitLetter(), ID, june))) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const messages = (input: unknown) => {
    const result = validateProgress(input);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('names an unknown status by the item’s number, with the five statuses', () => {
    const input = report();
    input.items[2]!['status'] = '完成';
    expect(messages(input)).toEqual(['items[2].status: 第 3 项承诺事项的履行状态只能是：未启动、推进中、已兑现、未兑现、已调整。']);
  });

  it('wants a reason for 已调整, a period of the letter’s year, every item once, and evidence of items that are there', () => {
    const input = report();
    input.items[0]!['status'] = '已调整';
    input['period'] = '2025-Q4';
    input['evidence'] = [
      { name: 'a.jpg', sha256: 'a'.repeat(64), size: 10, item: 99 },
      { name: 'a.jpg', sha256: 'b'.repeat(64), size: 10 },
    ];
    expect(messages(input)).toEqual([
      'period: 报告期应在承诺书的 2026 年度内。',
      'items[0].reason: 第 1 项承诺事项的履行状态为“已调整”，请写明调整原因。',
      'evidence[0].item: 第 1 个佐证材料所注的第 99 项承诺事项不在报告中。',
      'evidence[1].name: 第 2 个佐证材料的文件名“a.jpg”与另一个佐证材料相同。',
    ]);
    const dropped = report();
    dropped.items.splice(1, 1);
    expect(messages(dropped)).toEqual([`items: 承诺事项应按承诺书的序号从 1 到 ${dropped.items.length} 各列一次。`]);
  });

  it('names a bad period, a missing note, an unknown key and a file that is not a report, in Chinese', () => {
    const input = report();
    input['period'] = '2026年6月';
    delete input.items[1]!['note'];
    input['extra'] = 1;
    expect(messages(input)).toEqual([
      'period: 报告期应为月份（如 2026-06）、季度（如 2026-Q2）或全年（如 2026）。',
      'items[1].note: 缺少第 2 项承诺事项的进展说明。',
      'extra: 进展报告中不应有“extra”。',
    ]);
    expect(messages([])).toEqual([': 进展报告应为 JSON 对象。']);
    expect(messages({ ...report(), format: 'pledge-letter/1' })).toEqual(['format: 格式版本应为 pledge-progress/1。']);
  });
});
