import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../../core/letter/field-path';
import { nextYearLetter, staleYearProblems } from '../../../core/letter/next-year';
import { letterFromTemplate } from '../../../core/letter/templates';
import { validateLetter } from '../../../core/letter/validate-letter';
import { ownLetter } from '../../support/letter-fixtures';

describe('nextYearLetter', () => {
  const letter2026 = letterFromTemplate('contract', { year: 2026 });

  it('moves the year, the date and dated deadlines one year on', () => {
    const next = nextYearLetter(letter2026, '2027-01-05') as typeof letter2026;
    expect(next.year).toBe(2027);
    expect(next.date).toBe('2027-04-20');
    expect(next.items.map((item) => item.deadline)).toEqual(['全年', '全年', '全年', '2027年6月30日前']);
  });

  it('leaves the text of items as typed, so the clerk decides', () => {
    const next = nextYearLetter(letter2026, '2027-01-05') as typeof letter2026;
    expect(next.items[3]?.content).toContain('2026年6月30日前完成历史拖欠账款清理');
  });

  it('does not change the letter it copies', () => {
    const before = JSON.stringify(letter2026);
    nextYearLetter(letter2026, '2027-01-05');
    expect(JSON.stringify(letter2026)).toBe(before);
  });

  it('moves ISO deadlines and a title naming the old 年度, and 29 February to 28 February', () => {
    const next = nextYearLetter(
      { year: 2028, date: '2028-02-29', title: '某单位2028年度政务诚信承诺书', items: [{ deadline: '2028-09-30' }, { deadline: '2028 年 3 月底前' }, { deadline: '每季度末' }] },
      '2029-01-05',
    ) as { date: string; title: string; items: { deadline: string }[] };
    expect(next.date).toBe('2029-02-28');
    expect(next.title).toBe('某单位2029年度政务诚信承诺书');
    expect(next.items.map((item) => item.deadline)).toEqual(['2029-09-30', '2029 年 3 月底前', '每季度末']);
  });

  it('takes today when the old date is not a real date', () => {
    expect((nextYearLetter({ year: 2026, date: '2026-02-30', items: [] }, '2027-01-05') as { date: string }).date).toBe('2027-01-05');
  });

  it('copies a letter without a year as it is', () => {
    expect(nextYearLetter({ kind: 'unit' }, '2027-01-05')).toEqual({ kind: 'unit' });
  });
});

describe('staleYearProblems', () => {
  it('warns about an item of a 2027 letter that names 2026, naming the item', () => {
    const next = nextYearLetter(letterFromTemplate('contract', { year: 2026 }), '2027-01-05');
    const problems = staleYearProblems(next);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'items[3].content', severity: 'warning', code: 'year-stale' });
    expect(problems[0]?.message).toContain(fieldLabel(['items', 3, 'content']));
    expect(fieldLabel(['items', 3, 'content'])).toMatch(/第\s*4\s*项/);
    expect(problems[0]?.message).toContain('仍写着 2026 年');
    expect(problems[0]?.message).toMatch(/2027\s*年度/);
  });

  it('finds the old year in a deadline and the statement, not a later or unrelated number', () => {
    const problems = staleYearProblems({ year: 2027, statement: '延续2026 年工作', items: [{ content: '服务12026户', deadline: '2026年底前' }, { content: '2028年前完成' }] });
    expect(problems.map((p) => p.path)).toEqual(['statement', 'items[0].deadline']);
  });

  it('is part of validation, as a warning that does not stop the letter', () => {
    const result = validateLetter(nextYearLetter(ownLetter('contract'), '2027-01-05'));
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => p.code)).toContain('year-stale');
  });

  it('says nothing about a fresh template', () => {
    expect(staleYearProblems(letterFromTemplate('key-task', { year: 2027 }))).toEqual([]);
  });
});
