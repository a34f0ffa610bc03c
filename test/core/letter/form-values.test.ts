import { describe, expect, it } from 'vitest';
import { fromFormValues, NO_OVERRIDE, toDottedPath, toFormValues } from '../../../core/letter/form-values';
import { letterFromTemplate, TEMPLATE_KEYS } from '../../../core/letter/templates';
import { ownLetter } from '../../support/letter-fixtures';
import { validateLetter } from '../../../core/letter/validate-letter';

describe('letter form values', () => {
  it.each(TEMPLATE_KEYS)('round-trips the %s template unchanged', (key) => {
    const letter = letterFromTemplate(key, { year: 2026 });
    expect(fromFormValues(toFormValues(letter), letter)).toEqual(letter);
  });

  it('reads anything without throwing, with every field a string', () => {
    for (const input of [null, undefined, 42, 'text', [], { unit: 'x', items: [null, 3, { category: 'nope', content: 7 }] }]) {
      const values = toFormValues(input);
      expect(values.unit).toEqual({ name: '', creditCode: '', type: '', override: NO_OVERRIDE });
      expect(values.kind).toBe('unit');
    }
    expect(toFormValues({ items: [{ category: 'nope', content: 7 }] }).items).toEqual([{ category: 'duty', content: '7', deadline: '', owner: '' }]);
  });

  it('drops optional fields the person emptied, and keeps what the form does not edit', () => {
    const letter = { ...letterFromTemplate('service', { year: 2026 }), custom: '来自文件的字段' };
    const values = toFormValues(letter);
    values.title = '  ';
    values.unit.type = '';
    values.supervision.email = '';
    values.items[0]!.owner = '';
    const back = fromFormValues(values, letter);
    expect(back).not.toHaveProperty('title');
    expect(back['unit']).not.toHaveProperty('type');
    expect(back['supervision']).not.toHaveProperty('email');
    expect((back['items'] as object[])[0]).not.toHaveProperty('owner');
    expect(back['custom']).toBe('来自文件的字段');
    expect(back['format']).toBe('pledge-letter/1');
  });

  it('keeps keys it does not edit inside items, supervision and principal', () => {
    const base = letterFromTemplate('service', { year: 2026 });
    const letter = { ...base, items: [{ ...base.items[0]!, note: '文件里的备注' }], supervision: { ...base.supervision, fax: '0458-6123499' }, principal: { ...base.principal, seal: '公章' } };
    const back = fromFormValues(toFormValues(letter), letter);
    expect(back['items']).toEqual(letter.items);
    expect(back['supervision']).toEqual(letter.supervision);
    expect(back['principal']).toEqual(letter.principal);
  });

  it('keeps a year that is not a number as typed, so validation can name it', () => {
    const letter = letterFromTemplate('duty', { year: 2026 });
    const values = toFormValues(letter);
    values.year = '二〇二六';
    expect(validateLetter(fromFormValues(values, letter)).problems.map((p) => p.path)).toContain('year');
    values.year = '';
    expect(fromFormValues(values, letter)).not.toHaveProperty('year');
  });

  it('writes the person only for a personal letter', () => {
    const letter = letterFromTemplate('person', { year: 2026 });
    const values = toFormValues(letter);
    expect(fromFormValues(values, letter)['person']).toEqual(letter.kind === 'person' ? letter.person : undefined);
    values.kind = 'unit';
    expect(fromFormValues(values, letter)).not.toHaveProperty('person');
  });

  it('binds a credit-code confirmation to the code it confirmed', () => {
    const letter = ownLetter('service');
    const values = toFormValues({ ...letter, unit: { ...letter.unit, creditCode: '122399214012770353' } });
    expect(validateLetter(fromFormValues(values, letter)).ok).toBe(false);
    values.unit.override = { code: '122399214012770353', reason: '已与事业单位法人证书核对', confirmedAt: '2026-04-20T08:00:00.000Z' };
    const confirmed = validateLetter(fromFormValues(values, letter));
    expect(confirmed.ok).toBe(true);
    expect(confirmed.problems.map((p) => p.code)).toEqual(['credit.overridden']);
    values.unit.creditCode = '122399214012770354';
    expect(validateLetter(fromFormValues(values, letter)).problems.map((p) => p.code)).toContain('credit.override-mismatch');
    values.unit.override = NO_OVERRIDE;
    expect(fromFormValues(values, letter)['unit']).not.toHaveProperty('creditCodeOverride');
  });

  it('writes paths the way form libraries address fields', () => {
    expect(toDottedPath('items[12].content')).toBe('items.12.content');
    expect(toDottedPath('unit.creditCode')).toBe('unit.creditCode');
  });
});
