import { t } from '../i18n/translate';
import { hasCreditCodeShape } from '../letter/credit-code';
import { isRealDate } from '../letter/text-shapes';
import { checkIdNumber } from '../staff/id-number';

/*
 * The national 信用承诺 collection template as city platforms validate it
 * (docs/domain/national-template.md): its fields in order, their kinds and lengths, its code
 * words, and the check a record must pass before a platform's batch import takes it. Field names
 * and code words are the template's own Chinese: they are a data format, not messages.
 */

export const COMMITTER_KINDS = ['法人及非法人组织', '自然人', '个体工商户'] as const;
export type CommitterKind = (typeof COMMITTER_KINDS)[number];

/** 其他 stands for a type the template does not name, which the record then writes out (其他（…）). */
export const COMMITMENT_TYPES = ['审批替代型', '容缺受理型', '证明事项型', '信用修复型', '行业自律型', '主动型', '其他'] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];

export const PUBLICITY_TYPES = ['可向社会公开', '特定范围内公开', '不可公开'] as const;
export type PublicityType = (typeof PUBLICITY_TYPES)[number];

export interface TemplateField {
  readonly name: string;
  readonly kind: 'text' | 'code' | 'date';
  /** In characters (code points), as the template counts them; `exact` when the length is fixed. */
  readonly maxLength?: number;
  readonly exact?: boolean;
  readonly required: boolean;
  readonly codes?: readonly string[];
}

/** The template's fields in its column order. Fulfilment (承诺履行状态 and so on) is a second record, not these. */
export const COMMITMENT_FIELDS = [
  { name: '承诺编码', kind: 'text', maxLength: 20, exact: true, required: true },
  { name: '承诺人名称', kind: 'text', maxLength: 200, required: true },
  { name: '承诺人类别', kind: 'code', required: true, codes: COMMITTER_KINDS },
  { name: '承诺人代码', kind: 'text', maxLength: 18, required: true },
  { name: '承诺类型', kind: 'code', required: true, codes: COMMITMENT_TYPES },
  { name: '承诺事由', kind: 'text', maxLength: 512, required: true },
  { name: '承诺内容', kind: 'text', maxLength: 4000, required: true },
  { name: '违诺责任', kind: 'text', maxLength: 4000, required: true },
  { name: '承诺作出日期', kind: 'date', required: true },
  { name: '承诺有效期', kind: 'date', required: false },
  { name: '承诺受理单位', kind: 'text', maxLength: 200, required: true },
  { name: '承诺受理单位代码', kind: 'text', maxLength: 18, required: true },
  { name: '公开类型', kind: 'code', required: true, codes: PUBLICITY_TYPES },
  { name: '备注', kind: 'text', maxLength: 512, required: false },
] as const satisfies readonly TemplateField[];

export type CommitmentField = (typeof COMMITMENT_FIELDS)[number]['name'];

export const COMMITMENT_FIELD_NAMES: readonly CommitmentField[] = COMMITMENT_FIELDS.map((field) => field.name);

/** The template's own limits, for the code that fills a record to keep within them. */
export const maxLength = (name: CommitmentField): number => {
  const field: TemplateField = COMMITMENT_FIELDS.find((f) => f.name === name)!;
  return field.maxLength ?? Number.POSITIVE_INFINITY;
};

/** Characters as the template counts them: a character outside the BMP is one, not two UTF-16 units. */
export const characterCount = (text: string): number => [...text].length;

/** One rule a record breaks; `message` is Chinese and names the field. It never repeats an ID number. */
export interface RecordProblem {
  readonly field: string;
  readonly message: string;
}

/** Filled by the receiving office on receipt, so a record made before delivery lacks them. */
const FROM_RECEIPT: readonly string[] = ['承诺编码', '承诺受理单位', '承诺受理单位代码'];

/** 6-digit 行政区划代码, the 承诺作出日期 as YYYYMMDD, a 6-digit serial. */
const COMMITMENT_CODE = /^\d{6}(\d{8})\d{6}$/;

/**
 * Every rule of the template a record breaks, in the template's field order: required fields,
 * lengths, code words, dates, the 承诺编码's make-up, and the codes' shapes (a 统一社会信用代码 for
 * a unit and the receiving office, a 居民身份证号码 for a person). An empty list is a record the
 * template takes. Fields the template does not have are problems too.
 *
 * @example recordProblems(commitmentRecord(letter)) // [{ field: '承诺编码', message: '缺少承诺编码：…' }, …]
 */
export function recordProblems(record: object): RecordProblem[] {
  const values = record as Readonly<Record<string, unknown>>;
  const problems: RecordProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  for (const field of COMMITMENT_FIELDS as readonly TemplateField[]) {
    const value = values[field.name];
    if (value === undefined || value === '') {
      if (field.required) add(field.name, missingMessage(field.name, values));
      continue;
    }
    if (typeof value !== 'string') {
      add(field.name, t('records.problem.not-text', { field: field.name }));
      continue;
    }
    const length = characterCount(value);
    if (field.maxLength !== undefined && field.exact === true && length !== field.maxLength) {
      add(field.name, t('records.problem.length', { field: field.name, expected: field.maxLength, actual: length }));
    } else if (field.maxLength !== undefined && length > field.maxLength) {
      add(field.name, t('records.problem.too-long', { field: field.name, max: field.maxLength, actual: length }));
    }
    if (field.codes !== undefined && !isCodeWord(field.codes, value)) {
      add(field.name, value === '其他' ? t('records.problem.other-type', { field: field.name }) : t('records.problem.code-word', { field: field.name, value, choices: field.codes.join('、') }));
    }
    if (field.kind === 'date' && !isRealDate(value)) add(field.name, t('records.problem.date', { field: field.name }));
  }
  // One problem a field: what a value is comes into question only once its length and words are right.
  for (const problem of shapeProblems(values)) if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
  for (const name of Object.keys(values)) {
    if (!COMMITMENT_FIELD_NAMES.includes(name as CommitmentField)) add(name, t('records.problem.unknown-field', { field: name }));
  }
  return problems.sort((a, b) => fieldRank(a.field) - fieldRank(b.field));
}

const fieldRank = (name: string) => {
  const at = COMMITMENT_FIELD_NAMES.indexOf(name as CommitmentField);
  return at < 0 ? COMMITMENT_FIELD_NAMES.length : at;
};

/** 其他 alone says nothing: the template wants the type written out after it. */
function isCodeWord(codes: readonly string[], value: string): boolean {
  if (codes.includes(value)) return value !== '其他';
  return codes.includes('其他') && /^其他[（(：:].+/u.test(value);
}

function missingMessage(field: string, values: Readonly<Record<string, unknown>>): string {
  if (FROM_RECEIPT.includes(field)) return t('records.problem.missing-until-receipt', { field });
  if (field === '承诺人代码' && values['承诺人类别'] === '自然人') return t('records.problem.missing-id-number', { field });
  return t('records.problem.missing', { field });
}

/** The rules that tie a field to what it is: codes of the right kind, a 承诺编码 made of its parts, dates in order. */
function shapeProblems(values: Readonly<Record<string, unknown>>): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const text = (name: string) => (typeof values[name] === 'string' && values[name] !== '' ? (values[name] as string) : undefined);
  const code = text('承诺编码');
  const madeOn = text('承诺作出日期');
  const match = code === undefined ? null : COMMITMENT_CODE.exec(code);
  if (code !== undefined && match === null) problems.push({ field: '承诺编码', message: t('records.problem.commitment-code', { field: '承诺编码' }) });
  if (match !== null && madeOn !== undefined && isRealDate(madeOn) && match[1] !== madeOn.replaceAll('-', '')) {
    problems.push({ field: '承诺编码', message: t('records.problem.commitment-code-date', { field: '承诺编码', expected: madeOn.replaceAll('-', '') }) });
  }

  const committer = text('承诺人代码');
  if (committer !== undefined && values['承诺人类别'] === '自然人') {
    const finding = checkIdNumber(committer);
    if (finding) problems.push({ field: '承诺人代码', message: t(`problem.id-number.${finding.kind}`, { field: '承诺人代码', ...(finding.kind === 'length' ? { actual: finding.actual } : {}) }) });
  } else if (committer !== undefined && !hasCreditCodeShape(committer)) {
    problems.push({ field: '承诺人代码', message: t('records.problem.credit-code', { field: '承诺人代码' }) });
  }
  const office = text('承诺受理单位代码');
  if (office !== undefined && !hasCreditCodeShape(office)) problems.push({ field: '承诺受理单位代码', message: t('records.problem.credit-code', { field: '承诺受理单位代码' }) });

  const until = text('承诺有效期');
  if (until !== undefined && madeOn !== undefined && isRealDate(until) && isRealDate(madeOn) && until < madeOn) {
    problems.push({ field: '承诺有效期', message: t('records.problem.validity-before-date', { field: '承诺有效期' }) });
  }
  return problems;
}
