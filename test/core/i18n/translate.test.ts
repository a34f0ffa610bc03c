import { describe, expect, it } from 'vitest';
import { t } from '../../../core/i18n/translate';
import { ALL_MESSAGES } from './catalogues';

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('problem.required', { field: '单位全称' })).toBe('单位全称不能为空。');
  });

  it('leaves a missing placeholder visible rather than blank', () => {
    expect(t('problem.required')).toBe('{field}不能为空。');
  });

  it('keeps a doubled brace literal', () => {
    expect(t('cli.not-object', { file: 'a.json' })).toBe('a.json 的内容不是 JSON 对象（承诺书应以 { 开头）。');
  });

  it('every message is Chinese or a pattern of placeholders, never an English stand-in', () => {
    for (const [key, message] of ALL_MESSAGES) {
      const words = message.replace(/\{\w+\}/g, '');
      const chinese = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef—]/.test(words);
      expect(chinese || (message.includes('{') && !/[A-Za-z]/.test(words)), key).toBe(true);
    }
  });
});
