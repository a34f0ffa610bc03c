import { describe, expect, it } from 'vitest';
import { LetterSummarySchema } from '../../../core/drafts/draft-record';
import { summarizeLetter } from '../../../core/drafts/summarize-letter';
import { letterFromTemplate, TEMPLATE_KEYS } from '../../../core/letter/templates';
import { validateLetter } from '../../../core/letter/validate-letter';
import { OWN_UNIT, ownLetter } from '../../support/letter-fixtures';

const EMPTY = { kind: 'unknown', name: '', year: null, itemCount: 0 } as const;

describe('summarizeLetter', () => {
  it('summarises a unit letter from its unit', () => {
    expect(summarizeLetter(ownLetter('service', { year: 2026 }))).toEqual({
      kind: 'unit',
      name: OWN_UNIT.name,
      year: 2026,
      itemCount: 4,
      errorCount: 0,
      warningCount: 0,
    });
  });

  it('summarises a personal letter from the person, not the unit', () => {
    expect(summarizeLetter(ownLetter('person', { year: 2027 }))).toEqual({
      kind: 'person',
      name: OWN_UNIT.person,
      year: 2027,
      itemCount: 4,
      errorCount: 0,
      warningCount: 0,
    });
  });

  it.each(TEMPLATE_KEYS)('gives a parseable summary without problems for template %s once the unit\'s own details are in', (key) => {
    const summary = summarizeLetter(ownLetter(key, { year: 2026 }));
    expect(LetterSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({ errorCount: 0, warningCount: 0, year: 2026 });
    expect(summary.name).not.toBe('');
  });

  it.each(TEMPLATE_KEYS)('counts the sample content of a fresh %s template as errors, so it cannot go to review', (key) => {
    const letter = letterFromTemplate(key, { year: 2026 });
    const samples = validateLetter(letter).problems.filter((p) => p.code.startsWith('sample.'));
    expect(samples.length).toBeGreaterThanOrEqual(5);
    expect(summarizeLetter(letter).errorCount).toBe(samples.length);
  });

  it('counts errors and warnings the way validation reports them', () => {
    const halfWritten: Record<string, unknown> = { ...letterFromTemplate('service', { year: 2026 }) };
    delete halfWritten['items'];
    halfWritten['unit'] = { name: '青山县政务服务中心', creditCode: '12239921401277035X' };
    const problems = validateLetter(halfWritten).problems;
    const summary = summarizeLetter(halfWritten);
    expect(summary).toMatchObject({ kind: 'unit', name: '青山县政务服务中心', itemCount: 0 });
    expect(summary.errorCount).toBeGreaterThanOrEqual(2);
    expect(summary.errorCount).toBe(problems.filter((p) => p.severity === 'error').length);
    expect(summary.warningCount).toBe(problems.filter((p) => p.severity === 'warning').length);
  });

  it('counts a warning on an otherwise valid letter', () => {
    const summary = summarizeLetter(ownLetter('duty', { year: 2026, date: '2024-12-20' }));
    expect(summary.errorCount).toBe(0);
    expect(summary.warningCount).toBe(1);
  });

  it('trims the name and keeps odd Unicode intact', () => {
    const letter = { ...letterFromTemplate('duty', { year: 2026 }), unit: { name: '  青山县𠀀办公室🎉 ', creditCode: '112399210035856142' } };
    expect(summarizeLetter(letter).name).toBe('青山县𠀀办公室🎉');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ kind: 'unit', unit: { name: 'x' } }]],
    ['a string', '{"kind":"unit"}'],
    ['a number', 42],
    ['an empty object', {}],
  ])('summarises %s as an unknown letter with an error instead of throwing', (_label, garbage) => {
    const summary = summarizeLetter(garbage);
    expect(summary).toMatchObject(EMPTY);
    expect(summary.errorCount).toBeGreaterThan(0);
    expect(LetterSummarySchema.safeParse(summary).success).toBe(true);
  });

  it('reads damaged fields defensively', () => {
    const summary = summarizeLetter({ kind: 'person', person: 'nobody', unit: { name: 'ignored for a person' }, year: 2026.5, items: { length: 3 } });
    expect(summary).toMatchObject({ kind: 'person', name: '', year: null, itemCount: 0 });
    expect(summary.errorCount).toBeGreaterThan(0);
  });

  it('falls back to the unit name when the kind is unknown', () => {
    expect(summarizeLetter({ kind: 'team', unit: { name: ' 青山县 ' }, year: '2026', items: [1, 2] })).toMatchObject({
      kind: 'unknown',
      name: '青山县',
      year: null,
      itemCount: 2,
    });
  });

  it('does not change the letter it reads', () => {
    const letter = letterFromTemplate('policy', { year: 2026 });
    const before = structuredClone(letter);
    summarizeLetter(letter);
    expect(letter).toEqual(before);
  });
});
