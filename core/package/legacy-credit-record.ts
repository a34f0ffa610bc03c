import { t } from '../i18n/translate';
import type { Letter } from '../letter/letter-schema';
import { letterTitle } from '../letter/letter-title';
import { itemLines } from '../records/commitment-content';
import { contactRemark } from '../records/commitment-record';

/*
 * The credit-record.json that packages built before the national-template record
 * (core/records/commitment-record.ts) carry. It fails the template (a UUID as 承诺编码, 和 for 及,
 * 履行中, 社会公开), but those packages sit in outboxes and on platforms, bound by their hashes, so
 * verifyPackage still accepts this mapping of their letter; nothing builds it any more. Its texts
 * (package.record.*) are those old packages' bytes: changing one would refuse them
 * (test/core/package/legacy-credit-record.test.ts spells them out).
 */

/** The record of the earlier packages, in their key order. */
export interface LegacyCreditRecord {
  /** The submission id: one record per submission, so a correction carries a new code. */
  readonly 承诺编码: string;
  readonly 承诺人名称: string;
  readonly 承诺人类别: '法人和非法人组织' | '自然人';
  /**
   * The unit's 统一社会信用代码; for a civil servant their 身份证号 when the letter holds one, else
   * empty. The package is the one place the ID number leaves the office.
   */
  readonly 承诺人代码: string;
  readonly 承诺类型: '主动型';
  readonly 承诺事由: string;
  readonly 承诺内容: string;
  /** The letter's closing, which in our templates states the liability; a standard sentence without one. */
  readonly 违诺责任: string;
  readonly 承诺作出日期: string;
  readonly 承诺有效期: string;
  readonly 承诺履行状态: '履行中';
  /** The receiving office is the platform's to fill; the letter does not name it. */
  readonly 承诺受理单位: string;
  readonly 承诺受理单位代码: string;
  readonly 公开类型: '社会公开';
  readonly 备注: string;
}

/**
 * The record an earlier package holds for its letter and submission id.
 *
 * @example legacyCreditRecord(letter, '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b').承诺编码 // '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b'
 */
export function legacyCreditRecord(letter: Letter, submissionId: string): LegacyCreditRecord {
  const person = letter.kind === 'person' ? letter.person : undefined;
  return {
    承诺编码: submissionId,
    承诺人名称: person ? person.name : letter.unit.name,
    承诺人类别: person ? '自然人' : '法人和非法人组织',
    承诺人代码: person ? (person.idNumber ?? '') : letter.unit.creditCode,
    承诺类型: '主动型',
    承诺事由: letterTitle(letter),
    // Whole, however long: earlier packages knew no summary.
    承诺内容: itemLines(letter).join('\n'),
    违诺责任: letter.closing ?? t('package.record.liability'),
    承诺作出日期: letter.date,
    承诺有效期: `${letter.year}-12-31`,
    承诺履行状态: '履行中',
    承诺受理单位: '',
    承诺受理单位代码: '',
    公开类型: '社会公开',
    备注: contactRemark(letter),
  };
}
