import { describe, expect, it } from 'vitest';
import { newProgressReport } from '../../../core/progress/new-progress';
import { parsePeriod } from '../../../core/progress/progress-period';
import type { ItemStatus, ProgressReport } from '../../../core/progress/progress-schema';
import { FULFILMENT_FIELD_NAMES, fulfilmentProblems, fulfilmentRecord, fulfilmentState } from '../../../core/records/fulfilment-record';
import { OFFICE } from '../../support/office';
import { receiptFor, unitLetter } from './record-letters';

const letter = unitLetter();
const receipt = receiptFor(letter);
const yearEnd = (statuses: (i: number) => ItemStatus, extra: Partial<ProgressReport> = {}): ProgressReport => {
  const report = newProgressReport(letter, '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b', parsePeriod('2026')!);
  return { ...report, items: report.items.map((item, i) => ({ ...item, status: statuses(i), note: `第${i + 1}项情况说明` })), ...extra };
};

describe('the year-end fulfilment record (DOMAIN §5, §8)', () => {
  it('all kept: 全部履行, both contents empty, and every rule passes', () => {
    const record = fulfilmentRecord(yearEnd(() => '已兑现', { date: '2027-01-10', accountability: '无' }), receipt);
    expect(record).toEqual({
      承诺编码: receipt.commitmentCode,
      承诺履行状态: '全部履行',
      未履行的承诺内容: '',
      违诺责任追究内容: '',
      承诺履行状态认定日期: '2027-01-10',
      认定单位: OFFICE.name,
      认定单位代码: OFFICE.creditCode,
    });
    expect(Object.keys(record)).toEqual(FULFILMENT_FIELD_NAMES);
    expect(fulfilmentProblems(record)).toEqual([]);
  });

  it('some kept: 部分履行 naming each item not kept, numbered as printed, with the report’s accountability', () => {
    const report = yearEnd((i) => (i === 1 ? '未兑现' : i === 2 ? '已调整' : '已兑现'), { accountability: '已约谈责任科室负责人，限期整改。' });
    report.items[2] = { ...report.items[2]!, reason: '上级政策调整' };
    const record = fulfilmentRecord(report, receipt);
    expect(record.承诺履行状态).toBe('部分履行');
    expect(record.未履行的承诺内容.split('\n')).toEqual([
      `2.（未兑现）${report.items[1]!.content}（第2项情况说明）`,
      `3.（已调整）${report.items[2]!.content}（第3项情况说明；调整原因：上级政策调整）`,
    ]);
    expect(record.违诺责任追究内容).toBe('已约谈责任科室负责人，限期整改。');
    expect(record.承诺履行状态认定日期).toBe('2026-12-31');
    expect(fulfilmentProblems(record)).toEqual([]);
  });

  it('none kept: 全部未履行, and without the report’s accountability the record says what is missing', () => {
    const record = fulfilmentRecord(yearEnd(() => '未兑现'), receipt);
    expect(record.承诺履行状态).toBe('全部未履行');
    expect(record.未履行的承诺内容.split('\n')).toHaveLength(letter.items.length);
    expect(fulfilmentProblems(record)).toEqual([{ field: '违诺责任追究内容', message: '缺少违诺责任追究内容：承诺未全部履行时必须填写（来自年终进展报告）。' }]);
  });

  it('counts items still 未启动 or 推进中 at the year’s end as not kept', () => {
    expect(fulfilmentState([{ status: '已兑现' }, { status: '推进中' }])).toBe('部分履行');
    expect(fulfilmentState([{ status: '未启动' }])).toBe('全部未履行');
    expect(fulfilmentState([{ status: '已调整' }, { status: '已兑现' }])).toBe('部分履行');
  });

  it('breaks the rules it should: contents when all kept, an unknown state, a missing code, an extra field', () => {
    const good = fulfilmentRecord(yearEnd(() => '已兑现'), receipt);
    expect(fulfilmentProblems({ ...good, 未履行的承诺内容: '某项' }).map((p) => p.message)).toEqual(['承诺全部履行时未履行的承诺内容应为空。']);
    expect(fulfilmentProblems({ ...good, 承诺履行状态: '履行中' }).map((p) => p.field)).toContain('承诺履行状态');
    expect(fulfilmentProblems(fulfilmentRecord(yearEnd(() => '已兑现'), undefined)).map((p) => p.field)).toEqual(['承诺编码', '认定单位', '认定单位代码']);
    expect(fulfilmentProblems({ ...good, 承诺编码: '123' }).map((p) => p.field)).toEqual(['承诺编码']);
    expect(fulfilmentProblems({ ...good, 承诺人名称: 'x' }).map((p) => p.field)).toEqual(['承诺人名称']);
    expect(fulfilmentProblems({ ...good, 违诺责任追究内容: '字'.repeat(4001), 承诺履行状态: '部分履行', 未履行的承诺内容: '1.某项' }).map((p) => p.field)).toEqual(['违诺责任追究内容']);
  });
});
