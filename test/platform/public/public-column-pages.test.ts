import { describe, expect, it } from 'vitest';
import type { Letter } from '../../../core/letter/letter-schema';
import { parsePublicLetter } from '../../../platform/public-column/public-letter';
import { indexPage, letterPage, messagePage, type ColumnEntry } from '../../../platform/public-column/public-column-pages';
import type { StoredSubmission } from '../../../platform/store/platform-store';
import { templateLetter } from './column-fixtures';
import { parsePage, referencesOf } from './parsed-page';

/** The column's pages as pure functions of their data: escaping, numbering, the base path, what a personal letter shows. */
const FRAME = { office: '青山市社会信用体系建设领导小组办公室', basePath: '/pledge' } as const;

function entryOf(letter: unknown, overrides: Partial<StoredSubmission> = {}): ColumnEntry {
  const summary = { letter: parsePublicLetter(new TextEncoder().encode(JSON.stringify(letter))), signedCopies: [{ n: 1, type: 'application/pdf' as const }, { n: 2, type: 'image/jpeg' as const }] };
  const submission: StoredSubmission = {
    receiptId: 'r-1',
    submissionId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
    sha256: '0'.repeat(64),
    receivedAt: '2026-04-21T01:00:00.000Z',
    unitName: summary.letter.unit.name,
    creditCode: summary.letter.unit.creditCode,
    year: summary.letter.year,
    size: 1,
    kind: summary.letter.kind,
    letterDate: summary.letter.date,
    commitmentCode: '23990020260420000007',
    publishedAt: '2026-04-30T17:30:00.000Z',
    ...overrides,
  };
  return { submission, summary };
}

describe('the column’s pages', () => {
  it('escape whatever a letter says, so its text never becomes markup', () => {
    const letter = templateLetter('service');
    const hostile = { ...letter, statement: '<script>alert(1)</script>', items: [{ category: 'service', content: '"><img src=x onerror=alert(1)>' }] };
    const page = letterPage(FRAME, entryOf(hostile));
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(parsePage(page).some((element) => element.tag === 'script' || element.tag === 'img')).toBe(false);
  });

  it('number the items as the printed letter does: by category, 1…n through the sections', () => {
    const letter = templateLetter('service');
    const mixed = { ...letter, items: [{ category: 'duty', content: '履职尽责的一项' }, { category: 'key-task', content: '重点任务的一项' }, { category: 'duty', content: '履职尽责的另一项' }] };
    const elements = parsePage(letterPage(FRAME, entryOf(mixed)));
    const items = elements.filter((element) => element.tag === 'li' && element.attrs['value'] !== undefined).map((element) => `${element.attrs['value']} ${element.text}`);
    expect(items).toEqual(['1 重点任务的一项', '2 履职尽责的一项', '3 履职尽责的另一项']);
    expect(elements.filter((element) => element.tag === 'h3').map((element) => element.text)).toEqual(['重点目标任务兑现承诺', '履职尽责承诺']);
  });

  it('begin every address with the platform’s base path', () => {
    const entry = entryOf(templateLetter('service'));
    for (const page of [indexPage({ ...FRAME, year: 2026, years: [2026, 2025], query: '', entries: [entry] }), letterPage(FRAME, entry), messagePage({ ...FRAME, year: 2026 }, '没有找到这份承诺书', '…')]) {
      const references = referencesOf(parsePage(page));
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) expect(reference).toMatch(/^\/pledge\/public(\/|\?|$)/);
    }
    expect(referencesOf(parsePage(letterPage(FRAME, entry)))).toEqual(
      expect.arrayContaining(['/pledge/public/style.css', '/pledge/public/2026/122399214012770352/signed/1', '/pledge/public/2026/122399214012770352/signed/2', '/pledge/public/2026/122399214012770352/letter.pdf']),
    );
  });

  it('show a personal letter’s person by name and post, and not who signs it or anything else about them', () => {
    const letter = templateLetter('person') as Letter & { kind: 'person' };
    const withMore = { ...letter, person: { ...letter.person, idNumber: '230122198503124719', phone: '13800000000' }, principal: { name: '签字人某某', title: '镇长' } };
    const page = letterPage(FRAME, entryOf(withMore, { kind: 'person' }));
    expect(page).toContain('李某某');
    expect(page).toContain('镇便民服务中心窗口工作人员');
    for (const absent of ['230122198503124719', '13800000000', '签字人某某', 'idNumber']) expect(page).not.toContain(absent);
    expect(referencesOf(parsePage(page))).toContain('/pledge/public/letters/23990020260420000007/letter.pdf');
  });

  it('name the day of publication in Beijing and say that a correction replaces what came before', () => {
    const page = letterPage(FRAME, entryOf(templateLetter('service'), { supersedes: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b' }));
    expect(page).toContain('2026 年 5 月 1 日');
    expect(page).toContain('更正');
  });

  it('say in Chinese what the index holds, for a search and for an empty year', () => {
    const entry = entryOf(templateLetter('service'));
    expect(indexPage({ ...FRAME, year: 2026, years: [2026], query: ' 政务 ', entries: [entry] })).toContain('名称或统一社会信用代码含“政务”的承诺书：1 份。');
    expect(indexPage({ ...FRAME, year: 2027, years: [2026], query: '', entries: [] })).toContain('2027 年度还没有公示的承诺书。');
    const years = parsePage(indexPage({ ...FRAME, year: 2027, years: [2026], query: '', entries: [] })).filter((element) => element.attrs['aria-current'] === 'page');
    expect(years.map((element) => element.text)).toEqual(['2027 年度']);
  });
});
