import { describe, expect, it } from 'vitest';
import { toFormValues } from '../../../core/letter/form-values';
import { letterFromTemplate } from '../../../core/letter/templates';
import { letterResolver, problemsToFieldErrors } from '../../../renderer/editor/letter-resolver';
import type { Problem } from '../../../core/letter/problem';

const problem = (path: string, code: Problem['code'], message: string): Problem => ({ path, field: path, code, severity: 'error', message });

describe('problemsToFieldErrors', () => {
  it('puts every problem of a field in its message, with the first one’s code', () => {
    const errors = problemsToFieldErrors([problem('statement', 'too-long', '太长。'), problem('statement', 'coverage.missing', '有字无法显示。'), problem('date', 'invalid', '日期不对。')]);
    expect(errors.statement).toMatchObject({ type: 'too-long', message: '太长。 有字无法显示。' });
    expect(errors.date).toMatchObject({ message: '日期不对。' });
  });

  it('places an item’s problem on the item’s field', () => {
    const errors = problemsToFieldErrors([problem('items[2].content', 'too-short', '太短。')]);
    expect(errors.items?.[2]?.content?.message).toBe('太短。');
  });
});

describe('letterResolver', () => {
  it('reports a character the document fonts lack on the field where it was typed', async () => {
    const letter = letterFromTemplate('duty', { year: 2026 });
    const values = { ...toFormValues(letter), closing: '如未兑现，依规承担责任𠀀。' };
    const result = await letterResolver(() => letter)(values, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.errors.closing?.message).toMatch(/“𠀀”（U\+20000）无法用文档字体显示/);
  });
});
