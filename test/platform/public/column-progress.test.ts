import { describe, expect, it } from 'vitest';
import { SERVICE_LETTER, reportWith } from '../progress/progress-fixtures';
import { columnProgress, publishedEvidence } from '../../../platform/public-column/column-progress';
import { withoutIdNumbers } from '../../../platform/public-column/hide-id-numbers';
import { progressBrief, progressSection } from '../../../platform/public-column/progress-section';
import { inventedIdNumber } from './column-fixtures';
import { parsePage } from './parsed-page';

/** 履约进度 as the column shows it, from a report alone: what is counted, what is linked, what is never shown. */
const LETTER_ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
const ID_NUMBER = inventedIdNumber('23012219850312471');
const ADDRESS = '/pledge/public/2026/122399214012770352';
const sha = (c: string) => c.repeat(64);

const report = reportWith(SERVICE_LETTER, LETTER_ID, '2026-Q2', ['已兑现', '推进中', '未兑现', '已调整'], (r) => ({
  ...r,
  items: r.items.map((item) => (item.number === 2 ? { ...item, note: `联系人身份证 ${ID_NUMBER}，已完成招标` } : item)),
  evidence: [
    { name: '验收照片.png', sha256: sha('a'), size: 10, item: 1, public: true },
    { name: '内部会议纪要.pdf', sha256: sha('b'), size: 10, item: 1 },
    { name: '年度总结.pdf', sha256: sha('c'), size: 10, public: true },
  ],
}));
const progress = columnProgress({ period: '2026-Q2', receivedAt: '2026-07-03T02:00:00.000Z' }, report);

describe('a report on the public column', () => {
  it('counts its items as the dashboard does and keeps each item’s status, note and reason', () => {
    expect(progress.tally).toEqual({ items: 4, kept: 1, inProgress: 1, notKept: 2, rate: 0.25 });
    expect(progress.items.map((item) => [item.number, item.status, item.reason])).toEqual([
      [1, '已兑现', undefined],
      [2, '推进中', undefined],
      [3, '未兑现', undefined],
      [4, '已调整', '上级政策调整'],
    ]);
    expect(progress.items[0]!.note).toBe('第 1 项的进展');
  });

  it('carries only the evidence the unit published, numbered as the package numbers it', () => {
    expect(progress.evidence).toEqual([
      { n: 1, name: '验收照片.png', item: 1, format: 'image' },
      { n: 3, name: '年度总结.pdf', format: 'pdf' },
    ]);
    expect(publishedEvidence(report, 1)?.name).toBe('验收照片.png');
    expect(publishedEvidence(report, 2)).toBeUndefined();
    expect(publishedEvidence(report, 3)?.name).toBe('年度总结.pdf');
    for (const n of [0, 4, 1.5, Number.NaN]) expect(publishedEvidence(report, n), String(n)).toBeUndefined();
  });

  it('never shows an ID number a clerk typed into a note', () => {
    expect(progress.items[1]!.note).toBe('联系人身份证 （身份证号已隐去），已完成招标');
    expect(withoutIdNumbers(`全角 ${ID_NUMBER.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`)).toBe('全角 （身份证号已隐去）');
    // Not an ID number: a 统一社会信用代码, a wrong check character, a longer number, a 20-digit 承诺编码.
    for (const text of ['代码 122399214012770352', `号码 ${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('0') ? '1' : '0'}`, `9${ID_NUMBER}`, '编码 23990020260420000001']) expect(withoutIdNumbers(text)).toBe(text);
  });

  it('is rendered with the counts, the period, each item and links to the published evidence only', () => {
    const elements = parsePage(`<!doctype html><body>${progressSection(ADDRESS, progress).html}</body>`);
    const text = elements.find((element) => element.tag === 'body')!.text;
    expect(elements.find((element) => element.tag === 'h2')!.text).toBe('履约进度');
    expect(text).toContain('最新进展报告：2026 年第 2 季度（2026 年 7 月 3 日报送）');
    expect(text).toContain('已兑现 1 项，推进中或未启动 1 项，未兑现或已调整 2 项。');
    expect(text).toContain('调整原因：上级政策调整');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain('内部会议纪要');
    const items = elements.filter((element) => element.tag === 'li' && element.attrs['value'] !== undefined);
    expect(items.map((item) => item.attrs['value'])).toEqual(['1', '2', '3', '4']);
    expect(items[0]!.text).toContain('验收照片.png（图片）');
    expect(elements.filter((element) => element.tag === 'a').map((a) => a.attrs['href'])).toEqual([`${ADDRESS}/progress/2026-Q2/evidence/1`, `${ADDRESS}/progress/2026-Q2/evidence/3`]);
    expect(elements.filter((element) => element.tag === 'span' && element.attrs['class']?.startsWith('status ')).map((span) => span.attrs['class'])).toEqual([
      'status status-kept',
      'status status-inProgress',
      'status status-notKept',
      'status status-notKept',
    ]);
  });

  it('says so when no report came, and nothing when the report could not be read', () => {
    expect(progressSection(ADDRESS, 'none').html).toContain('尚未收到这份承诺书的进展报告。');
    expect(progressBrief(ADDRESS, 'none').html).toContain('履约进度：尚无进展报告。');
    expect(progressSection(ADDRESS, undefined).html).toBe('');
    expect(progressBrief(ADDRESS, undefined).html).toBe('');
    const brief = parsePage(progressBrief(ADDRESS, progress).html);
    expect(brief.find((element) => element.tag === 'a')!.attrs['href']).toBe(`${ADDRESS}#progress`);
    expect(brief.find((element) => element.tag === 'p')!.text).toBe('履约进度（2026 年第 2 季度）：已兑现 1 项，推进中或未启动 1 项，未兑现或已调整 2 项。');
  });
});
