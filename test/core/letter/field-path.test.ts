import { describe, expect, it } from 'vitest';
import { fieldLabel, formatPath } from '../../../core/letter/field-path';

describe('field paths', () => {
  it('formats paths as the command line prints them', () => {
    expect(formatPath(['items', 2, 'content'])).toBe('items[2].content');
    expect(formatPath(['unit', 'creditCode'])).toBe('unit.creditCode');
    expect(formatPath([])).toBe('$');
  });

  it('names fields in Chinese, counting items from one', () => {
    expect(fieldLabel(['items', 0, 'deadline'])).toBe('第 1 项承诺事项的完成时限');
    expect(fieldLabel(['items', 4])).toBe('第 5 项承诺事项');
    expect(fieldLabel(['supervision', 'hotline'])).toBe('服务热线');
  });

  it('falls back to the nearest known parent for unknown keys', () => {
    expect(fieldLabel(['unit', 'nickname'])).toBe('单位信息');
    expect(fieldLabel(['items', 1, 'colour'])).toBe('第 2 项承诺事项');
    expect(fieldLabel(['whatever'])).toBe('承诺书');
  });
});
