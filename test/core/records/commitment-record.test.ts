import { describe, expect, it } from 'vitest';
import { LIMITS, type Letter } from '../../../core/letter/letter-schema';
import { validateLetter } from '../../../core/letter/validate-letter';
import { commitmentRecord, receivedRecord } from '../../../core/records/commitment-record';
import { recordProblems } from '../../../core/records/national-template';
import { OFFICE } from '../../support/office';
import { ID_NUMBER, personLetter, receiptFor, unitLetter } from './record-letters';

describe('commitmentRecord (a letter as the national record, before delivery)', () => {
  it('maps a unit letter field by field, in the template order, without the code, the office or any fulfilment field', () => {
    const letter = { ...unitLetter(), closing: undefined };
    const record = commitmentRecord(letter);
    expect(Object.keys(record)).toEqual(['承诺人名称', '承诺人类别', '承诺人代码', '承诺类型', '承诺事由', '承诺内容', '违诺责任', '承诺作出日期', '承诺有效期', '公开类型', '备注']);
    expect(record).toEqual({
      承诺人名称: '松岭县政务服务中心',
      承诺人类别: '法人及非法人组织',
      承诺人代码: '122399214012771583',
      承诺类型: '主动型',
      承诺事由: '松岭县政务服务中心2026年度政务诚信承诺书',
      承诺内容: record.承诺内容,
      违诺责任: '如未按承诺兑现，承诺单位将主动说明情况、限期整改，并依规依纪承担相应责任。',
      承诺作出日期: letter.date,
      承诺有效期: '2026-12-31',
      公开类型: '可向社会公开',
      备注: `监督电话：${letter.supervision.phone}；政务服务便民热线：12345`,
    });
    const lines = record.承诺内容.split('\n');
    expect(lines).toHaveLength(letter.items.length);
    const first = letter.items[0]!;
    expect(lines[0]).toBe(`1.${first.content}${first.deadline ? `（完成时限：${first.deadline}）` : ''}`);
  });

  it('takes the closing as the liability when the letter has one', () => {
    expect(commitmentRecord({ ...unitLetter(), closing: '如有违诺，依规承担责任。' }).违诺责任).toBe('如有违诺，依规承担责任。');
  });

  it('maps a civil servant as a natural person, the ID number from the roster as 承诺人代码, the employer in the remark', () => {
    const letter = personLetter(ID_NUMBER);
    if (letter.kind !== 'person') throw new Error('expected a personal letter');
    const record = commitmentRecord(letter);
    expect(record).toMatchObject({ 承诺人名称: letter.person.name, 承诺人类别: '自然人', 承诺人代码: ID_NUMBER, 承诺事由: `${letter.person.name}2026年度政务诚信承诺书` });
    expect(record.备注).toBe(`工作单位：松岭县政务服务中心（122399214012771583）；职务：${letter.person.position}；监督电话：${letter.supervision.phone}；政务服务便民热线：12345`);
    expect(commitmentRecord(personLetter()).承诺人代码).toBe('');
  });

  it('takes 公开类型 from the letter, public when it says nothing', () => {
    const publicity = (value?: Letter['publicity']) => commitmentRecord({ ...unitLetter(), publicity: value }).公开类型;
    expect([publicity(), publicity('public'), publicity('restricted'), publicity('private')]).toEqual(['可向社会公开', '可向社会公开', '特定范围内公开', '不可公开']);
  });

  it('keeps every text within the template for the longest names, post, title and closing a letter may hold', () => {
    const long = (n: number) => '政'.repeat(n);
    const base = personLetter(ID_NUMBER);
    const result = validateLetter({
      ...base,
      unit: { ...base.unit, name: long(LIMITS.unitName) },
      person: { ...(base.kind === 'person' ? base.person : {}), name: long(LIMITS.personName), position: long(LIMITS.position) },
      closing: long(LIMITS.closing),
    }, { allowSampleContent: true });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const lengths = [result.letter, { ...result.letter, kind: 'unit' as const, title: long(LIMITS.title) }].map((letter) => recordProblems(receivedRecord(commitmentRecord(letter as Letter), receiptFor(letter as Letter))));
    expect(lengths).toEqual([[], []]);
  });
});

describe('receivedRecord (the receipt completes the record)', () => {
  it('fills 承诺编码 and the receiving office from the receipt, in the template order', () => {
    const letter = unitLetter();
    const record = receivedRecord(commitmentRecord(letter), receiptFor(letter, 7));
    expect(Object.keys(record)).toEqual(['承诺编码', '承诺人名称', '承诺人类别', '承诺人代码', '承诺类型', '承诺事由', '承诺内容', '违诺责任', '承诺作出日期', '承诺有效期', '承诺受理单位', '承诺受理单位代码', '公开类型', '备注']);
    expect(record).toMatchObject({ 承诺编码: `239900${letter.date.replaceAll('-', '')}000007`, 承诺受理单位: OFFICE.name, 承诺受理单位代码: OFFICE.creditCode });
  });

  it('leaves them absent when an earlier platform’s receipt does not carry them', () => {
    const record = receivedRecord(commitmentRecord(unitLetter()), {});
    expect(record).toEqual(commitmentRecord(unitLetter()));
    expect(Object.keys(record)).not.toContain('承诺编码');
  });
});
