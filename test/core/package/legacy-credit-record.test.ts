import { describe, expect, it } from 'vitest';
import { validateLetter } from '../../../core/letter/validate-letter';
import { letterFromTemplate } from '../../../core/letter/templates';
import type { Letter } from '../../../core/letter/letter-schema';
import { legacyCreditRecord } from '../../../core/package/legacy-credit-record';
import { verifyPackage } from '../../../core/package/verify-package';
import { packageJson } from '../../../core/package/package-json';
import { ID, OTHER_ID, packageInput, tamper } from '../../support/package-fixtures';

/** The record maps any well-formed letter; whether sample content is left is review's question. */
const valid = (input: unknown): Letter => {
  const result = validateLetter(input, { allowSampleContent: true });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.letter;
};

/** The mapping packages of earlier versions carry, spelled out literally: these bytes are bound by hash in outboxes and on platforms. */
describe('legacyCreditRecord (the credit-record.json of earlier packages)', () => {
  it('maps a unit letter field by field, in the template order', () => {
    const letter = valid({ ...letterFromTemplate('service', { year: 2026 }), closing: undefined });
    const record = legacyCreditRecord(letter, ID);
    expect(Object.keys(record)).toEqual([
      '承诺编码', '承诺人名称', '承诺人类别', '承诺人代码', '承诺类型', '承诺事由', '承诺内容', '违诺责任',
      '承诺作出日期', '承诺有效期', '承诺履行状态', '承诺受理单位', '承诺受理单位代码', '公开类型', '备注',
    ]);
    expect(record).toMatchObject({
      承诺编码: ID,
      承诺人名称: letter.unit.name,
      承诺人类别: '法人和非法人组织',
      承诺人代码: letter.unit.creditCode,
      承诺类型: '主动型',
      承诺事由: `${letter.unit.name}2026年度政务诚信承诺书`,
      违诺责任: '如未按承诺兑现，承诺单位将主动说明情况、限期整改，并依规依纪承担相应责任。',
      承诺作出日期: letter.date,
      承诺有效期: '2026-12-31',
      承诺履行状态: '履行中',
      承诺受理单位: '',
      承诺受理单位代码: '',
      公开类型: '社会公开',
      备注: `监督电话：${letter.supervision.phone}；政务服务便民热线：12345`,
    });
    const lines = record.承诺内容.split('\n');
    expect(lines).toHaveLength(letter.items.length);
    const first = letter.items[0]!;
    expect(lines[0]).toBe(`1.${first.content}${first.deadline ? `（完成时限：${first.deadline}）` : ''}`);
  });

  it('uses the closing as the liability when the letter has one', () => {
    const letter = valid({ ...letterFromTemplate('policy', { year: 2026 }), closing: '如有违诺，依规承担责任。' });
    expect(legacyCreditRecord(letter, ID).违诺责任).toBe('如有违诺，依规承担责任。');
  });

  it('maps a civil servant as a natural person, with the employer in the remark', () => {
    const letter = valid(letterFromTemplate('person', { year: 2026 }));
    if (letter.kind !== 'person') throw new Error('expected a personal letter');
    const record = legacyCreditRecord(letter, ID);
    expect(record).toMatchObject({ 承诺人名称: letter.person.name, 承诺人类别: '自然人', 承诺人代码: '' });
    expect(record.备注).toContain(`工作单位：${letter.unit.name}（${letter.unit.creditCode}）；职务：${letter.person.position}`);
  });

  it('is still accepted in a package of an earlier version, and only for its own submission id', () => {
    const letter = valid(packageInput().letter);
    const earlier = (submissionId: string) => tamper((files) => void (files['credit-record.json'] = packageJson(legacyCreditRecord(letter, submissionId))), { relist: true });
    const accepted = verifyPackage(earlier(ID));
    expect(accepted.ok, accepted.ok ? '' : accepted.reason).toBe(true);
    expect(verifyPackage(earlier(OTHER_ID))).toEqual({ ok: false, reason: '报送包中的信用承诺记录 credit-record.json 与承诺书 letter.json 的内容不一致，文件可能已被篡改。' });
  });
});
