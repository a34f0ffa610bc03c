import { t } from '../i18n/translate';
import type { Letter } from '../letter/letter-schema';
import { printOrder } from '../letter/item-numbers';
import { letterTitle } from '../letter/letter-title';

/*
 * The letter as one record of the national 信用承诺 data template (docs/domain/national-template.md).
 * The keys are the template's own field names, in its order, and stay Chinese whatever the UI
 * language: they are a data format, not messages. The fixed values (承诺类型 主动型 and so on) are
 * the template's code words for a unit's own yearly letter.
 */

/** The fields of the 信用承诺 template that a letter can fill, in the template's order. */
export interface CreditRecord {
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
 * Maps a valid letter to the 信用承诺 template. A yearly commitment is valid to the end of its year.
 *
 * @example creditRecord(letter, '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b').承诺人代码 // '11239921…'
 */
export function creditRecord(letter: Letter, submissionId: string): CreditRecord {
  const person = letter.kind === 'person' ? letter.person : undefined;
  const channels = { phone: letter.supervision.phone, hotline: letter.supervision.hotline };
  return {
    承诺编码: submissionId,
    承诺人名称: person ? person.name : letter.unit.name,
    承诺人类别: person ? '自然人' : '法人和非法人组织',
    承诺人代码: person ? (person.idNumber ?? '') : letter.unit.creditCode,
    承诺类型: '主动型',
    承诺事由: letterTitle(letter),
    // In the printed letter's order and numbering, so the record and the PDF agree item by item.
    承诺内容: printOrder(letter.items)
      .map((index, position) => {
        const item = letter.items[index] as Letter['items'][number];
        return t('package.record.item', { n: position + 1, content: item.content }) + (item.deadline ? t('package.record.deadline', { value: item.deadline }) : '');
      })
      .join('\n'),
    违诺责任: letter.closing ?? t('package.record.liability'),
    承诺作出日期: letter.date,
    承诺有效期: `${letter.year}-12-31`,
    承诺履行状态: '履行中',
    承诺受理单位: '',
    承诺受理单位代码: '',
    公开类型: '社会公开',
    备注: person
      ? t('package.record.remark.person', { unit: letter.unit.name, code: letter.unit.creditCode, position: person.position, ...channels })
      : t('package.record.remark.unit', channels),
  };
}
