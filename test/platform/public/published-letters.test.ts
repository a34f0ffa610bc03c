import { describe, expect, it } from 'vitest';
import { columnLetters, matchesQuery, personalLetterOf, replacementOf, unitLetterOf, yearsOf } from '../../../platform/public-column/published-letters';
import type { StoredSubmission } from '../../../platform/store/platform-store';

const UNIT = { code: '122399214012770352', name: '青山县政务服务中心' } as const;
const OTHER = { code: '112399210035830292', name: '青山县发展和改革局' } as const;
const PUBLISHED = '2026-05-02T01:00:00.000Z';

let serial = 0;
function submission(overrides: Partial<StoredSubmission> & { submissionId: string }): StoredSubmission {
  serial += 1;
  return {
    receiptId: `receipt-${overrides.submissionId}`,
    sha256: '0'.repeat(64),
    receivedAt: `2026-04-2${serial % 10}T08:00:00.000Z`,
    unitName: UNIT.name,
    creditCode: UNIT.code,
    year: 2026,
    size: 1000,
    kind: 'unit',
    letterDate: '2026-04-20',
    commitmentCode: `2301212026042000000${serial % 10}`,
    ...overrides,
  };
}

const ids = (letters: readonly StoredSubmission[]) => letters.map((letter) => letter.submissionId);

describe('which submissions the public column shows', () => {
  it('shows a published letter and not an unpublished one', () => {
    const published = submission({ submissionId: 'a', publishedAt: PUBLISHED });
    const unpublished = submission({ submissionId: 'b', creditCode: OTHER.code, unitName: OTHER.name });
    expect(ids(columnLetters([published, unpublished]))).toEqual(['a']);
  });

  it('keeps the older letter while its correction is unpublished, and shows the correction once published', () => {
    const original = submission({ submissionId: 'a', publishedAt: PUBLISHED, supersededBy: 'b', receivedAt: '2026-04-21T08:00:00.000Z' });
    const correction = submission({ submissionId: 'b', supersedes: 'a', receivedAt: '2026-04-25T08:00:00.000Z' });
    expect(ids(columnLetters([original, correction]))).toEqual(['a']);
    expect(ids(columnLetters([original, { ...correction, publishedAt: PUBLISHED }]))).toEqual(['b']);
  });

  it('follows a chain of corrections to its latest published link, past an unpublished one', () => {
    const a = submission({ submissionId: 'a', publishedAt: PUBLISHED, supersededBy: 'b' });
    const b = submission({ submissionId: 'b', supersedes: 'a', supersededBy: 'c' });
    const c = submission({ submissionId: 'c', supersedes: 'b', publishedAt: PUBLISHED });
    expect(ids(columnLetters([a, b, c]))).toEqual(['c']);
  });

  it('drops a withdrawn letter and survives a chain that loops', () => {
    expect(columnLetters([submission({ submissionId: 'a' })])).toEqual([]);
    const a = submission({ submissionId: 'a', publishedAt: PUBLISHED, supersededBy: 'b' });
    const b = submission({ submissionId: 'b', supersededBy: 'a' });
    expect(ids(columnLetters([a, b]))).toEqual(['a']);
  });

  it('gives a unit one letter a year, the later of two that are not corrections of each other', () => {
    const early = submission({ submissionId: 'a', publishedAt: PUBLISHED, receivedAt: '2026-04-21T08:00:00.000Z' });
    const late = submission({ submissionId: 'b', publishedAt: PUBLISHED, receivedAt: '2026-04-28T08:00:00.000Z' });
    const lastYear = submission({ submissionId: 'c', publishedAt: PUBLISHED, year: 2025 });
    const letters = columnLetters([early, late, lastYear]);
    expect(ids(letters)).toEqual(['b', 'c']);
    expect(unitLetterOf(letters, 2026, UNIT.code)?.submissionId).toBe('b');
    expect(unitLetterOf(letters, 2025, UNIT.code)?.submissionId).toBe('c');
    expect(unitLetterOf(letters, 2024, UNIT.code)).toBeUndefined();
    expect(yearsOf(letters)).toEqual([2026, 2025]);
  });

  it('shows every published personal letter by its 承诺编码, and none without one', () => {
    const one = submission({ submissionId: 'a', kind: 'person', personName: '李某某', publishedAt: PUBLISHED, commitmentCode: '23012120260420000011' });
    const two = submission({ submissionId: 'b', kind: 'person', personName: '王某某', publishedAt: PUBLISHED, commitmentCode: '23012120260420000012' });
    const { commitmentCode: _, ...legacy } = submission({ submissionId: 'c', kind: 'person', personName: '赵某某', publishedAt: PUBLISHED });
    const letters = columnLetters([one, two, legacy]);
    expect(ids(letters)).toEqual(['a', 'b']);
    expect(personalLetterOf(letters, '23012120260420000012')?.submissionId).toBe('b');
    expect(unitLetterOf(letters, 2026, UNIT.code)).toBeUndefined();
  });

  it('leads a replaced personal letter’s address to its published correction', () => {
    const old = submission({ submissionId: 'a', kind: 'person', publishedAt: PUBLISHED, supersededBy: 'b', commitmentCode: '23012120260420000021' });
    const correction = submission({ submissionId: 'b', kind: 'person', supersedes: 'a', publishedAt: PUBLISHED, commitmentCode: '23012120260420000022' });
    const all = [old, correction];
    expect(replacementOf(all, columnLetters(all), '23012120260420000021')?.submissionId).toBe('b');
    const unpublishedOld = { ...old, publishedAt: undefined } as StoredSubmission;
    expect(replacementOf([unpublishedOld, correction], columnLetters([unpublishedOld, correction]), '23012120260420000021')).toBeUndefined();
  });
});

describe('finding a letter by what a visitor typed', () => {
  const letter = submission({ submissionId: 'a', publishedAt: PUBLISHED });

  it('matches part of the unit’s name or of its code, the code written any way', () => {
    expect(matchesQuery(letter, '')).toBe(true);
    expect(matchesQuery(letter, ' 政务服务 ')).toBe(true);
    expect(matchesQuery(letter, UNIT.code)).toBe(true);
    expect(matchesQuery(letter, '１２２３ 9921-4012')).toBe(true);
    expect(matchesQuery({ ...letter, creditCode: '11239921003582149J' }, '82149j')).toBe(true);
  });

  it('matches nothing else', () => {
    expect(matchesQuery(letter, '发展和改革局')).toBe(false);
    expect(matchesQuery(letter, OTHER.code)).toBe(false);
    expect(matchesQuery(letter, '2026')).toBe(false);
  });
});
