import { describe, expect, it } from 'vitest';
import { validateLetter } from '../../../core/letter/validate-letter';
import { nestedArrays, validLetterJson, withValue } from '../../support/letter-fixtures';

function problemsOf(input: unknown) {
  const result = validateLetter(input);
  return result.problems.map((p) => ({ path: p.path, code: p.code, severity: p.severity, message: p.message }));
}

function errorAt(input: unknown, path: string) {
  return problemsOf(input).find((p) => p.path === path && p.severity === 'error');
}

describe('validateLetter', () => {
  it('accepts a template letter and returns it normalised', () => {
    const result = validateLetter(validLetterJson());
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('never throws on junk and says the letter must be an object', () => {
    for (const junk of [null, 42, 'text', [], undefined, true]) {
      const result = validateLetter(junk);
      expect(result.ok).toBe(false);
      expect(result.problems[0]?.path).toBe('$');
    }
  });

  it('names the missing field in Chinese', () => {
    expect(errorAt(withValue(validLetterJson(), ['unit', 'name'], undefined), 'unit.name')).toMatchObject({
      code: 'required',
      message: '单位全称不能为空。',
    });
    expect(errorAt(withValue(validLetterJson(), ['principal', 'name'], '   '), 'principal.name')?.code).toBe('required');
  });

  it('reports every problem at once, not just the first', () => {
    let json = withValue(validLetterJson(), ['unit', 'name'], '');
    json = withValue(json, ['supervision', 'phone'], 'abc');
    json = withValue(json, ['date'], '2026-02-30');
    expect(problemsOf(json).map((p) => p.path)).toEqual(['unit.name', 'supervision.phone', 'date']);
  });

  it('enforces length limits and says how long the text is', () => {
    const problem = errorAt(withValue(validLetterJson(), ['items', 0, 'content'], '办'.repeat(501)), 'items[0].content');
    expect(problem).toMatchObject({ code: 'too-long' });
    expect(problem?.message).toBe('第 1 项承诺事项的内容最多 500 个字，现有 501 个字。');
  });

  it('requires at least one item', () => {
    expect(errorAt(withValue(validLetterJson(), ['items'], []), 'items')?.message).toBe('承诺事项至少需要 1 项。');
  });

  it('lists the category names when a category is unknown', () => {
    const message = errorAt(withValue(validLetterJson(), ['items', 1, 'category'], 'other'), 'items[1].category')?.message;
    // An item of no known category is printed last, so it is the 5th of five.
    expect(message).toContain('第 5 项承诺事项的类别');
    expect(message).toContain('service（政务服务事项承诺）');
  });

  describe('dates', () => {
    it('rejects a day that does not exist', () => {
      expect(errorAt(withValue(validLetterJson(), ['date'], '2026-02-29'), 'date')).toMatchObject({
        code: 'date-missing',
        message: '成文日期“2026-02-29”不是真实存在的日期。',
      });
      expect(validateLetter(withValue(validLetterJson(), ['date'], '2028-02-29')).ok).toBe(true);
    });

    it('explains the expected shape', () => {
      expect(errorAt(withValue(validLetterJson(), ['date'], '4月20日'), 'date')?.code).toBe('date-shape');
      expect(problemsOf(withValue(validLetterJson(), ['date'], '二〇二六年四月二十日'))).toHaveLength(1);
    });

    it.each(['2026年12月1日', '2026 年 12 月 1 日', '２０２６年１２月１日', '2026/12/1', '2026.12.01', '2026-12-1'])('accepts %s and stores it as 2026-12-01', (typed) => {
      const result = validateLetter(withValue(validLetterJson(), ['date'], typed));
      expect(result.ok && result.letter.date).toBe('2026-12-01');
    });

    it('refuses a written date that does not exist', () => {
      expect(errorAt(withValue(validLetterJson(), ['date'], '2026年2月30日'), 'date')?.code).toBe('date-missing');
    });
  });

  describe('deadlines', () => {
    const deadline = (value: string) => withValue(validLetterJson(), ['items', 1, 'deadline'], value);

    it.each(['全年', '长期', '每季度末', '项目合同期内', '2026年9月30日前', '2026-12-31'])('accepts %s', (value) => {
      expect(validateLetter(deadline(value)).problems).toEqual([]);
    });

    it('flags a day outside the commitment year, naming the item, as a warning', () => {
      const result = validateLetter(deadline('2025年9月30日前'));
      expect(result.ok).toBe(true);
      expect(result.problems).toMatchObject([
        { path: 'items[1].deadline', code: 'deadline-year', severity: 'warning', message: '第 2 项承诺事项的完成时限“2025年9月30日前”不在承诺年度（2026 年）内，请核对；跨年度的事项可选“长期”。' },
      ]);
    });

    it('refuses a day that does not exist', () => {
      expect(errorAt(deadline('2026年9月31日前'), 'items[1].deadline')?.code).toBe('date-missing');
    });

    it('warns when the date is far from the commitment year', () => {
      const result = validateLetter(withValue(validLetterJson(), ['date'], '2023-04-20'));
      expect(result.ok).toBe(true);
      expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['date-year', 'warning']]);
      expect(validateLetter(withValue(validLetterJson(), ['date'], '2025-12-28')).problems).toEqual([]);
    });
  });

  describe('contact channels', () => {
    it.each(['0451-82761234', '0451 8276 1234', '(0458)6123401', '13812345678', '12345', '400-123-4567', '０４５９－６２３４５０１', '3355529', '0458-6123401转8001'])(
      'accepts the phone number %s',
      (phone) => {
        expect(errorAt(withValue(validLetterJson(), ['supervision', 'phone'], phone), 'supervision.phone')).toBeUndefined();
      },
    );

    it.each(['abc', '1234', '0451-123', '2381234567890123', '电话'])('rejects the phone number %s', (phone) => {
      expect(errorAt(withValue(validLetterJson(), ['supervision', 'phone'], phone), 'supervision.phone')?.code).toBe('phone-shape');
    });

    it('checks e-mail addresses and hotline numbers', () => {
      expect(errorAt(withValue(validLetterJson(), ['supervision', 'email'], 'xinyong@'), 'supervision.email')?.message).toContain('监督邮箱');
      expect(errorAt(withValue(validLetterJson(), ['supervision', 'hotline'], '热线'), 'supervision.hotline')?.code).toBe('phone-shape');
    });

    it('defaults the hotline to 12345', () => {
      const result = validateLetter(withValue(validLetterJson(), ['supervision', 'hotline'], undefined));
      expect(result.ok && result.letter.supervision.hotline).toBe('12345');
    });
  });

  describe('kind and person', () => {
    it('requires person for a personal letter', () => {
      const json = withValue(validLetterJson(), ['kind'], 'person');
      expect(errorAt(json, 'person')).toMatchObject({ code: 'required', message: '承诺人信息不能为空。' });
    });

    it('refuses person on a unit letter with advice', () => {
      const json = withValue(validLetterJson(), ['person'], { name: '李明', position: '科员' });
      expect(errorAt(json, 'person')?.code).toBe('person-not-allowed');
    });

    it('still checks the rest when kind is missing or wrong', () => {
      let json = withValue(validLetterJson(), ['kind'], undefined);
      json = withValue(json, ['unit', 'name'], '');
      expect(problemsOf(json).map((p) => [p.path, p.code])).toEqual([
        ['kind', 'required'],
        ['unit.name', 'required'],
      ]);
      expect(errorAt(withValue(validLetterJson(), ['kind'], 'company'), 'kind')?.code).toBe('kind-required');
    });
  });

  it('flags unknown keys, so a typo is not silently dropped', () => {
    const json = withValue(validLetterJson(), ['unit', 'creditcode'], 'x');
    expect(errorAt(json, 'unit.creditcode')?.message).toBe('“creditcode”不是单位信息中可用的字段，请删除或检查拼写。');
  });

  it('rejects another format version and a fractional year', () => {
    expect(errorAt(withValue(validLetterJson(), ['format'], 'pledge-letter/2'), 'format')?.code).toBe('format-version');
    expect(errorAt(withValue(validLetterJson(), ['year'], 2026.5), 'year')?.code).toBe('not-integer');
    expect(errorAt(withValue(validLetterJson(), ['year'], '2026'), 'year')?.message).toBe('承诺年度应为数字。');
    expect(errorAt(withValue(validLetterJson(), ['year'], 1999), 'year')?.code).toBe('number-range');
  });

  describe('统一社会信用代码', () => {
    const path = ['unit', 'creditCode'];

    it('accepts a code typed with an IME and returns it normalised', () => {
      const result = validateLetter(withValue(validLetterJson(), path, '１２２３９９２１ ４０１２７７１５８３'));
      expect(result.ok && result.letter.unit.creditCode).toBe('122399214012771583');
    });

    it('says the code does not check and lists the one-character changes that would, without choosing one', () => {
      expect(errorAt(withValue(validLetterJson(), path, '11239921003582149K'), 'unit.creditCode')?.message).toBe(
        '统一社会信用代码“11239921003582149K”未通过校验：18 位中任何一位都可能输错，请与证照逐位核对。' +
          '只改一位就能通过校验的写法有：第 6 位改为“3”、第 7 位改为“0”、第 18 位改为“J”（仅供核对，不一定是正确代码）。如确认代码无误，可记录人工确认。',
      );
    });

    it('for a typo at position 8 names position 8 among the candidates, not only the check character', () => {
      // OWN_UNIT's code with its 8th character typed 9 instead of 1.
      const problems = validateLetter(withValue(validLetterJson(), path, '122399294012771583')).problems.filter((p) => p.path === 'unit.creditCode');
      expect(problems).toHaveLength(1);
      expect(problems[0]?.code).toBe('credit.check');
      expect(problems[0]?.message).toContain('第 8 位改为“1”');
      expect(problems[0]?.message).toContain('第 18 位改为“N”');
      expect(problems[0]?.message).not.toMatch(/应为/);
    });

    it('reports length and forbidden letters', () => {
      expect(errorAt(withValue(validLetterJson(), path, '1123992100358'), 'unit.creditCode')?.code).toBe('credit.length');
      expect(errorAt(withValue(validLetterJson(), path, '11239921003582149I'), 'unit.creditCode')?.message).toContain('第 18 位“I”');
    });

    it('accepts a failing code with an explicit, recorded override and keeps a warning', () => {
      let json = withValue(validLetterJson(), path, '11239921003582149K');
      json = withValue(json, ['unit', 'creditCodeOverride'], {
        code: '11239921003582149k',
        reason: '以营业执照原件核对，代码无误',
        confirmedAt: '2026-04-18T10:00:00+08:00',
      });
      const result = validateLetter(json);
      expect(result.ok).toBe(true);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ path: 'unit.creditCode', code: 'credit.overridden', severity: 'warning' });
      expect(result.problems[0]?.message).toContain('未通过校验（校验位不符）');
      expect(result.problems[0]?.message).toContain('以营业执照原件核对');
      expect(result.ok && result.letter.unit.creditCodeOverride?.code).toBe('11239921003582149K');
    });

    it('does not let an override for another code cover this one', () => {
      let json = withValue(validLetterJson(), path, '11239921003582149K');
      json = withValue(json, ['unit', 'creditCodeOverride'], { code: '112399210035821490', reason: '核对无误', confirmedAt: '2026-04-18T10:00:00Z' });
      const codes = problemsOf(json).map((p) => [p.path, p.code]);
      expect(codes).toContainEqual(['unit.creditCode', 'credit.check']);
      expect(codes).toContainEqual(['unit.creditCodeOverride.code', 'credit.override-mismatch']);
    });

    it('never overrides a wrong length', () => {
      let json = withValue(validLetterJson(), path, '112399');
      json = withValue(json, ['unit', 'creditCodeOverride'], { code: '112399', reason: '核对无误', confirmedAt: '2026-04-18T10:00:00Z' });
      expect(validateLetter(json).ok).toBe(false);
    });

    it('requires a reason and a time for an override', () => {
      const json = withValue(validLetterJson(), ['unit', 'creditCodeOverride'], { code: '122399214012771583', reason: '', confirmedAt: 'yesterday' });
      const codes = problemsOf(json).map((p) => [p.path, p.code]);
      expect(codes).toContainEqual(['unit.creditCodeOverride.reason', 'required']);
      expect(codes).toContainEqual(['unit.creditCodeOverride.confirmedAt', 'datetime-shape']);
      expect(codes).toContainEqual(['unit.creditCodeOverride.code', 'credit.override-unneeded']);
    });
  });

  describe('input built to break the checker', () => {
    it.each([
      [['statement'], 'statement', '承诺正文'],
      [['extra'], 'extra', '承诺书'],
      [['items', 0, 'content'], 'items[0].content', '第 1 项承诺事项的内容'],
      [['unit', 'creditCodeOverride'], 'unit.creditCodeOverride', '信用代码人工确认'],
    ] as const)('refuses 100 000 nested arrays at %j with one problem naming the field, and never throws', (path, shown, field) => {
      const input = withValue(validLetterJson(), [...path], nestedArrays(100_000));
      const result = validateLetter(input);
      expect(result.ok).toBe(false);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ code: 'too-deep', severity: 'error' });
      expect(result.problems[0]?.path.startsWith(shown)).toBe(true);
      expect(result.problems[0]?.message).toContain(field);
      expect(result.problems[0]?.message).toContain('嵌套超过 16 层');
    });

    it.each([
      [['statement'], '承诺正文'],
      [['title'], '标题'],
      [['unit', 'name'], '单位全称'],
      [['items', 1, 'content'], '第 2 项承诺事项的内容'],
      [['items', 0, 'owner'], '第 1 项承诺事项的责任'],
      [['principal', 'name'], '主要负责人姓名'],
      [['supervision', 'phone'], '监督电话'],
      [['supervision', 'email'], '监督邮箱'],
    ] as const)('refuses a lone surrogate in %j with a Chinese message naming the field and the code point', (path, field) => {
      const input = withValue(validLetterJson(), [...path], '青山\uD840县');
      const problems = validateLetter(input).problems.filter((p) => p.severity === 'error');
      expect(problems).toEqual([expect.objectContaining({ code: 'lone-surrogate', path: path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') })]);
      expect(problems[0]?.message).toContain(field);
      expect(problems[0]?.message).toContain('U+D840');
    });

    it('keeps a well-formed character outside the basic plane, which is a surrogate pair', () => {
      expect(validateLetter(withValue(validLetterJson(), ['statement'], '本单位承诺𠀀😀')).ok).toBe(true);
    });
  });
});
