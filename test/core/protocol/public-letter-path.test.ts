import { describe, expect, it } from 'vitest';
import { personalLetterPath, publicLetterPath, publicLetterUrl } from '../../../core/protocol/public-letter-path';

describe('the public column’s stable addresses', () => {
  it('name a unit’s letter by year and 统一社会信用代码 only, so a card can be printed before delivery', () => {
    expect(publicLetterPath(2026, '122399214012770352')).toBe('/public/2026/122399214012770352');
    expect(personalLetterPath('23990020260420000001')).toBe('/public/letters/23990020260420000001');
  });

  it('sit under the platform’s own path, with or without its trailing slash', () => {
    expect(publicLetterUrl('https://credit.example.gov.cn/pledge/', 2026, '122399214012770352')).toBe('https://credit.example.gov.cn/pledge/public/2026/122399214012770352');
    expect(publicLetterUrl('https://credit.example.gov.cn', 2026, '122399214012770352')).toBe('https://credit.example.gov.cn/public/2026/122399214012770352');
  });
});
