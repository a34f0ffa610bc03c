import { t } from '../i18n/translate';
import type { Letter } from '../letter/letter-schema';
import { letterTitle } from '../letter/letter-title';
import type { Receipt } from '../protocol/reference-protocol';
import { commitmentContent } from './commitment-content';
import { COMMITMENT_FIELD_NAMES, type CommitmentType, type CommitterKind, type PublicityType } from './national-template';
import { publicityType } from './publicity-type';

/**
 * A letter as one record of the national 信用承诺 template, keys in the template's order. 承诺编码
 * and the receiving office (承诺受理单位, 承诺受理单位代码) are the office's to give: absent until
 * its receipt is in hand ({@link receivedRecord}). How the commitment was kept is a later, second
 * record, never part of this one.
 */
export type CommitmentRecord = {
  readonly 承诺编码?: string;
  readonly 承诺人名称: string;
  readonly 承诺人类别: CommitterKind;
  /** The unit's 统一社会信用代码; a person's 居民身份证号码, empty when the letter holds none (the record then fails the template, and says so). */
  readonly 承诺人代码: string;
  readonly 承诺类型: CommitmentType;
  readonly 承诺事由: string;
  readonly 承诺内容: string;
  readonly 违诺责任: string;
  readonly 承诺作出日期: string;
  readonly 承诺有效期: string;
  readonly 承诺受理单位?: string;
  readonly 承诺受理单位代码?: string;
  readonly 公开类型: PublicityType;
  readonly 备注: string;
};

/**
 * The record a letter makes before it is delivered: what the package's `credit-record.json` holds.
 * A yearly letter is a 主动型 commitment, made of the unit's own accord, valid to the end of its year.
 *
 * @example commitmentRecord(letter).承诺人类别 // '法人及非法人组织'
 */
export function commitmentRecord(letter: Letter): CommitmentRecord {
  const person = letter.kind === 'person' ? letter.person : undefined;
  const content = commitmentContent(letter);
  const remark = contactRemark(letter);
  return {
    承诺人名称: person ? person.name : letter.unit.name,
    承诺人类别: person ? '自然人' : '法人及非法人组织',
    承诺人代码: person ? (person.idNumber ?? '') : letter.unit.creditCode,
    承诺类型: '主动型',
    承诺事由: letterTitle(letter),
    承诺内容: content.text,
    违诺责任: letter.closing ?? t('package.record.liability'),
    承诺作出日期: letter.date,
    承诺有效期: `${letter.year}-12-31`,
    公开类型: publicityType(letter.publicity),
    备注: content.summary ? t('records.summary.remark', { details: remark, n: letter.items.length }) : remark,
  };
}

/**
 * 备注: where the public can ask and complain (the supervision phone and the hotline), and for a
 * civil servant the employer and post. At most some 260 characters with the letter's own limits,
 * well within the template's 512 (test/core/records/commitment-record.test.ts).
 */
export function contactRemark(letter: Letter): string {
  const channels = { phone: letter.supervision.phone, hotline: letter.supervision.hotline };
  return letter.kind === 'person'
    ? t('package.record.remark.person', { unit: letter.unit.name, code: letter.unit.creditCode, position: letter.person.position, ...channels })
    : t('package.record.remark.unit', channels);
}

/**
 * The record once delivered: 承诺编码 and the receiving office from the platform's receipt, the
 * rest as the package has it. A receipt that lacks them (an earlier platform) leaves them absent.
 *
 * @example receivedRecord(commitmentRecord(letter), receipt).承诺编码 // '23990020260420000001'
 */
export function receivedRecord(record: CommitmentRecord, receipt: Pick<Receipt, 'commitmentCode' | 'platform'>): CommitmentRecord {
  const filled: Record<string, string | undefined> = {
    ...record,
    承诺编码: receipt.commitmentCode ?? record.承诺编码,
    承诺受理单位: receipt.platform?.name ?? record.承诺受理单位,
    承诺受理单位代码: receipt.platform?.creditCode ?? record.承诺受理单位代码,
  };
  const ordered: Record<string, string> = {};
  for (const name of COMMITMENT_FIELD_NAMES) {
    const value = filled[name];
    if (value !== undefined) ordered[name] = value;
  }
  return ordered as CommitmentRecord;
}
