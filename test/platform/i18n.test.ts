import { describe, expect, it } from 'vitest';
import { zhCN } from '../../core/i18n/zh-cn';
import { t } from '../../platform/i18n/translate';
import { platformZhCN } from '../../platform/i18n/zh-cn';

describe('the platform’s catalogue', () => {
  it('fills placeholders as core’s t does', () => {
    expect(t('platform.error.notFound', { id: 'abc' })).toBe('平台上没有报送编号为 abc 的报送记录。');
    expect(t('platform.error.tooLarge')).toContain('{max}');
  });

  it('holds only the platform’s own keys: a message both sides show stays in core', () => {
    expect(Object.keys(platformZhCN).filter((key) => Object.hasOwn(zhCN, key))).toEqual([]);
    expect(Object.keys(platformZhCN).every((key) => key.startsWith('platform.'))).toBe(true);
    expect(Object.keys(zhCN).filter((key) => key.startsWith('platform.'))).toEqual([]);
  });
});
