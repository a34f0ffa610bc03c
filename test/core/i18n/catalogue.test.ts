import { describe, expect, it } from 'vitest';
import { composeCatalogue } from '../../../core/i18n/catalogue';
import { translator } from '../../../core/i18n/translate';
import { zhCN } from '../../../core/i18n/zh-cn';
import { app } from '../../../core/i18n/messages/app';
import { delivery } from '../../../core/i18n/messages/delivery';

describe('composeCatalogue', () => {
  it('joins the areas key by key', () => {
    const composed = composeCatalogue({ one: { 'a.x': '甲' }, two: { 'b.y': '乙 {n}' } });
    expect(composed).toEqual({ 'a.x': '甲', 'b.y': '乙 {n}' });
    expect(translator(composed)('b.y', { n: 2 })).toBe('乙 2');
  });

  it('refuses a key two areas share, at compile time and at run time', () => {
    const one = { 'a.x': '甲', 'a.shared': '一' } as const;
    const two = { 'a.shared': '二' } as const;
    // @ts-expect-error 'a.shared' is in both areas.
    expect(() => composeCatalogue({ one, two })).toThrow('Message key a.shared is in two areas: one and two.');
  });

  it('holds every area’s keys in core’s catalogue', () => {
    expect(zhCN['app.name']).toBe(app['app.name']);
    expect(Object.keys(delivery).every((key) => Object.hasOwn(zhCN, key))).toBe(true);
    expect(Object.isFrozen(zhCN)).toBe(true);
  });
});
