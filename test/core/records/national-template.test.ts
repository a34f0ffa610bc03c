import { describe, expect, it } from 'vitest';
import { commitmentRecord, receivedRecord, type CommitmentRecord } from '../../../core/records/commitment-record';
import { COMMITMENT_FIELD_NAMES, COMMITMENT_FIELDS, recordProblems } from '../../../core/records/national-template';
import { ID_NUMBER, letterWithItems, clauseText, personLetter, receiptFor, unitLetter } from './record-letters';

const delivered = (letter: ReturnType<typeof unitLetter>) => receivedRecord(commitmentRecord(letter), receiptFor(letter));
const longLetter = () => letterWithItems(Array.from({ length: 200 }, (_, i) => clauseText(500, i + 1)));

/** The §5 template, written out here a second time so that a slip in COMMITMENT_FIELDS shows. */
const TEMPLATE = [
  ['承诺编码', 20, true], ['承诺人名称', 200, true], ['承诺人类别', undefined, true], ['承诺人代码', 18, true],
  ['承诺类型', undefined, true], ['承诺事由', 512, true], ['承诺内容', 4000, true], ['违诺责任', 4000, true],
  ['承诺作出日期', undefined, true], ['承诺有效期', undefined, false], ['承诺受理单位', 200, true],
  ['承诺受理单位代码', 18, true], ['公开类型', undefined, true], ['备注', 512, false],
] as const;

describe('the national template (DOMAIN §5)', () => {
  it('has the 14 fields in order, with their lengths, whether required, and the code words', () => {
    expect(COMMITMENT_FIELDS.map((f) => [f.name, 'maxLength' in f ? f.maxLength : undefined, f.required])).toEqual(TEMPLATE.map((row) => [...row]));
    const codes = Object.fromEntries(COMMITMENT_FIELDS.filter((f) => 'codes' in f).map((f) => [f.name, 'codes' in f ? [...f.codes] : []]));
    expect(codes).toEqual({
      承诺人类别: ['法人及非法人组织', '自然人', '个体工商户'],
      承诺类型: ['审批替代型', '容缺受理型', '证明事项型', '信用修复型', '行业自律型', '主动型', '其他'],
      公开类型: ['可向社会公开', '特定范围内公开', '不可公开'],
    });
    expect(COMMITMENT_FIELDS.filter((f) => f.kind === 'date').map((f) => f.name)).toEqual(['承诺作出日期', '承诺有效期']);
  });

  const letters = {
    'a unit letter': unitLetter(),
    'a personal letter with an ID number': personLetter(ID_NUMBER),
    'a 200-item letter of 500-character items': longLetter(),
  };
  for (const [name, letter] of Object.entries(letters)) {
    it(`passes every rule for ${name} once delivered`, () => {
      const record = delivered(letter);
      expect(recordProblems(record)).toEqual([]);
      // The same rules checked here directly, so that a checker that passes everything cannot pass this test.
      expect(Object.keys(record)).toEqual(COMMITMENT_FIELD_NAMES);
      expect(record.承诺编码).toMatch(new RegExp(`^239900${letter.date.replaceAll('-', '')}\\d{6}$`));
      expect(['法人及非法人组织', '自然人']).toContain(record.承诺人类别);
      expect(record.承诺人代码).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      expect(record.承诺类型).toBe('主动型');
      expect(record.公开类型).toBe('可向社会公开');
      expect(record.承诺作出日期).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(record.承诺有效期).toBe(`${letter.year}-12-31`);
      for (const [field, max] of TEMPLATE) {
        const value = (record as Record<string, string>)[field];
        expect(value, field).toBeTypeOf('string');
        if (max !== undefined) expect([...value!].length, field).toBeLessThanOrEqual(max);
      }
      expect(record.承诺受理单位代码).toHaveLength(18);
      expect(record.承诺编码).toHaveLength(20);
    });
  }

  it('names what a record lacks before delivery: the code and the receiving office', () => {
    expect(recordProblems(commitmentRecord(unitLetter())).map((p) => p.field)).toEqual(['承诺编码', '承诺受理单位', '承诺受理单位代码']);
    expect(recordProblems(commitmentRecord(unitLetter()))[0]?.message).toBe('缺少承诺编码：由承诺受理单位（市信用平台）在收到报送时给出，报送送达、取得回执后才有。');
  });

  it('names the missing 承诺人代码 of a personal letter without an ID number, and invents none', () => {
    const record = delivered(personLetter());
    expect(record.承诺人代码).toBe('');
    expect(recordProblems(record)).toEqual([
      { field: '承诺人代码', message: '缺少承诺人代码：个人承诺的承诺人代码是本人的居民身份证号码，这份承诺书没有身份证号；请在人员名单中补上后重新生成承诺书。' },
    ]);
  });

  describe('fails a hand-broken record on each rule', () => {
    const good = delivered(unitLetter());
    const person = delivered(personLetter(ID_NUMBER));
    const long = (n: number) => '字'.repeat(n);
    const broken: [string, string, Record<string, unknown>, CommitmentRecord?][] = [
      ['承诺编码', 'a UUID', { 承诺编码: '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b' }],
      ['承诺编码', '19 digits', { 承诺编码: good.承诺编码!.slice(1) }],
      ['承诺编码', '20 characters not all digits', { 承诺编码: `${good.承诺编码!.slice(0, 19)}A` }],
      ['承诺编码', 'another date in its middle', { 承诺编码: `23990020250101000001` }],
      ['承诺编码', 'absent', { 承诺编码: undefined }],
      ['承诺人名称', 'empty', { 承诺人名称: '' }],
      ['承诺人名称', '201 characters', { 承诺人名称: long(201) }],
      ['承诺人类别', 'the words with 和', { 承诺人类别: '法人和非法人组织' }],
      ['承诺人类别', 'absent', { 承诺人类别: undefined }],
      ['承诺人代码', 'empty for a unit', { 承诺人代码: '' }],
      ['承诺人代码', '17 characters', { 承诺人代码: good.承诺人代码.slice(1) }],
      ['承诺人代码', 'a letter no code has', { 承诺人代码: `${good.承诺人代码.slice(0, 17)}I` }],
      ['承诺人代码', 'an ID number whose check character is wrong', { 承诺人代码: `${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('1') ? '2' : '1'}` }, person],
      ['承诺类型', 'a word not in the list', { 承诺类型: '主动' }],
      ['承诺类型', '其他 with no type written out', { 承诺类型: '其他' }],
      ['承诺事由', 'empty', { 承诺事由: '' }],
      ['承诺事由', '513 characters', { 承诺事由: long(513) }],
      ['承诺内容', 'empty', { 承诺内容: '' }],
      ['承诺内容', '4001 characters', { 承诺内容: long(4001) }],
      ['承诺内容', '4001 characters counted as characters, not UTF-16 units', { 承诺内容: '𠀀'.repeat(4001) }],
      ['违诺责任', 'absent', { 违诺责任: undefined }],
      ['违诺责任', '4001 characters', { 违诺责任: long(4001) }],
      ['承诺作出日期', 'written with slashes', { 承诺作出日期: '2026/04/20' }],
      ['承诺作出日期', 'a day that does not exist', { 承诺作出日期: '2026-02-30' }],
      ['承诺作出日期', 'absent', { 承诺作出日期: undefined }],
      ['承诺有效期', 'a month that does not exist', { 承诺有效期: '2026-13-31' }],
      ['承诺有效期', 'before the date made', { 承诺有效期: '2025-12-31' }],
      ['承诺受理单位', 'absent', { 承诺受理单位: undefined }],
      ['承诺受理单位', '201 characters', { 承诺受理单位: long(201) }],
      ['承诺受理单位代码', '19 characters', { 承诺受理单位代码: `${good.承诺受理单位代码!}1` }],
      ['承诺受理单位代码', 'not a code', { 承诺受理单位代码: '青山市信用办青山市信用办青山市信用办' }],
      ['公开类型', 'the old 社会公开', { 公开类型: '社会公开' }],
      ['公开类型', 'absent', { 公开类型: undefined }],
      ['备注', '513 characters', { 备注: long(513) }],
      ['承诺履行状态', 'a fulfilment field in the commitment record', { 承诺履行状态: '履行中' }],
      ['承诺人名称', 'a number for text', { 承诺人名称: 12 }],
    ];
    for (const [field, what, change, base] of broken) {
      it(`${field}: ${what}`, () => {
        const record: Record<string, unknown> = { ...(base ?? good), ...change };
        for (const key of Object.keys(change)) if (change[key] === undefined) delete record[key];
        const problems = recordProblems(record);
        expect(problems.map((p) => p.field)).toEqual([field]);
        expect(problems[0]!.message).toContain(field);
        // An ID number is personal data: no message repeats one.
        expect(problems[0]!.message).not.toContain(ID_NUMBER.slice(0, 17));
      });
    }

    it('takes what the template allows: no 承诺有效期 or 备注, another code word, 其他 written out', () => {
      const { 承诺有效期: _until, 备注: _remark, ...rest } = good;
      expect(recordProblems(rest)).toEqual([]);
      expect(recordProblems({ ...good, 承诺人类别: '个体工商户', 公开类型: '不可公开' })).toEqual([]);
      expect(recordProblems({ ...good, 承诺类型: '其他（行业协会倡议）' })).toEqual([]);
    });
  });
});
