import { describe, expect, it } from 'vitest';
import { letterFromTemplate, TEMPLATE_KEYS } from '../../../core/letter/templates';
import { validateLetter } from '../../../core/letter/validate-letter';
import { OWN_UNIT, ownLetter, validLetterJson, withValue } from '../../support/letter-fixtures';

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
const samples = (letter: unknown) =>
  validateLetter(letter).problems.filter((p) => p.code.startsWith('sample.')).map((p) => [p.path, p.code, p.severity, p.message]);

describe('sample content', () => {
  it('names every sample field of a fresh unit template, as an error', () => {
    expect(samples(json(letterFromTemplate('service', { year: 2026 })))).toEqual([
      ['unit.name', 'sample.value', 'error', '单位全称仍是模板中的示例“青山县政务服务中心”，请改为本单位的真实信息。'],
      ['unit.creditCode', 'sample.value', 'error', '统一社会信用代码仍是模板中的示例“122399214012770352”，请改为本单位的真实信息。'],
      ['principal.name', 'sample.value', 'error', '主要负责人姓名仍是模板中的示例“陈某某”，请改为本单位的真实信息。'],
      ['supervision.phone', 'sample.value', 'error', '监督电话仍是模板中的示例“0458-6123444”，请改为本单位的真实信息。'],
      ['supervision.email', 'sample.value', 'error', '监督邮箱仍是模板中的示例“zwzx-xinyong@example.com”，请改为本单位的真实信息。'],
      ['statement', 'sample.text', 'error', '承诺正文中仍有模板示例文字“青山县政务服务中心”，请改为本单位的内容。'],
    ]);
  });

  it.each(TEMPLATE_KEYS)('finds samples in the %s template and none once its own details are in', (key) => {
    expect(samples(json(letterFromTemplate(key, { year: 2026 }))).length).toBeGreaterThanOrEqual(5);
    expect(validateLetter(json(ownLetter(key))).problems).toEqual([]);
  });

  it('keeps flagging the old name in the statement after only the unit name was changed', () => {
    const renamed = withValue(json(letterFromTemplate('service', { year: 2026 })), ['unit', 'name'], OWN_UNIT.name);
    const found = samples(renamed);
    expect(found.map(([path]) => path)).not.toContain('unit.name');
    expect(found).toContainEqual(['statement', 'sample.text', 'error', '承诺正文中仍有模板示例文字“青山县政务服务中心”，请改为本单位的内容。']);
  });

  it('recognises a sample however it is typed: a code in full width, a phone with spaces', () => {
    const typed = withValue(withValue(validLetterJson(), ['unit', 'creditCode'], '１２２３９９２１ ４０１２７７０３５２'), ['supervision', 'phone'], '0458 6123444');
    expect(samples(typed).map(([path]) => path)).toEqual(['unit.creditCode', 'supervision.phone']);
  });

  it('flags an address on a domain reserved for examples, even one no template uses', () => {
    expect(samples(withValue(validLetterJson(), ['supervision', 'email'], 'office@mail.example.org'))).toEqual([
      ['supervision.email', 'sample.email-domain', 'error', '监督邮箱“office@mail.example.org”是示例地址，收不到邮件：请填写真实的邮箱，没有可留空。'],
    ]);
  });

  it('finds sample text in an item, an owner, the closing and the title, naming the field', () => {
    let letter = withValue(validLetterJson(), ['items', 1, 'content'], '配合青山县临江镇人民政府完成年度任务。');
    letter = withValue(letter, ['items', 2, 'owner'], '电话 0458-6123422');
    letter = withValue(letter, ['closing'], '如有疑问请联系王某某。');
    letter = withValue(letter, ['title'], '青山县住房和城乡建设局2026年度承诺书');
    expect(samples(letter).map(([path, , , message]) => [path, message])).toEqual([
      ['title', '标题中仍有模板示例文字“青山县住房和城乡建设局”，请改为本单位的内容。'],
      ['closing', '结束语中仍有模板示例文字“王某某”，请改为本单位的内容。'],
      ['items[1].content', expect.stringMatching(/^第 \d+ 项承诺事项的内容中仍有模板示例文字“青山县临江镇人民政府”/)],
      ['items[2].owner', expect.stringMatching(/^第 \d+ 项承诺事项的责任人中仍有模板示例文字“0458-6123422”/)],
    ]);
  });

  it('flags the sample civil servant of the personal template by name, where they sign too', () => {
    const found = samples(json(letterFromTemplate('person', { year: 2026 }))).map(([path]) => path);
    expect(found).toEqual(expect.arrayContaining(['person.name', 'principal.name', 'unit.name', 'unit.creditCode']));
  });

  it('is allowed where a well-formed letter is all that counts (preview, packages)', () => {
    const result = validateLetter(json(letterFromTemplate('duty', { year: 2026 })), { allowSampleContent: true });
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('does not mistake a real unit for a sample, even one in a county of the same name', () => {
    expect(validateLetter(validLetterJson()).ok).toBe(true);
    const renamed = JSON.stringify(validLetterJson()).split(OWN_UNIT.name).join('青山县白鹭乡人民政府');
    expect(validateLetter(JSON.parse(renamed)).problems).toEqual([]);
  });
});
