import { itemOutcome } from '../progress/item-outcome';
import { t } from '../i18n/translate';
import { parsePeriod, periodEnd } from '../progress/progress-period';
import type { ProgressReport } from '../progress/progress-schema';
import type { Receipt } from '../protocol/reference-protocol';
import { faithfulSummary } from './commitment-content';
import { characterCount, type RecordProblem } from './national-template';

/*
 * The national template's second record for a commitment (docs/domain/national-template.md): how
 * it was kept, for the same 承诺编码, made from the letter's year-end progress report. There is
 * no "in progress": only a year-end report makes one.
 */

export const FULFILMENT_STATES = ['全部履行', '部分履行', '全部未履行'] as const;
export type FulfilmentState = (typeof FULFILMENT_STATES)[number];

export const FULFILMENT_FIELDS = [
  { name: '承诺编码', maxLength: 20, required: true },
  { name: '承诺履行状态', required: true },
  { name: '未履行的承诺内容', maxLength: 4000, required: false },
  { name: '违诺责任追究内容', maxLength: 4000, required: false },
  { name: '承诺履行状态认定日期', required: true },
  { name: '认定单位', maxLength: 200, required: true },
  { name: '认定单位代码', maxLength: 18, required: true },
] as const;

export const FULFILMENT_FIELD_NAMES = FULFILMENT_FIELDS.map((field) => field.name);

export type FulfilmentRecord = {
  readonly 承诺编码?: string;
  readonly 承诺履行状态: FulfilmentState;
  /** Empty when 全部履行. */
  readonly 未履行的承诺内容: string;
  /** Empty when 全部履行. */
  readonly 违诺责任追究内容: string;
  readonly 承诺履行状态认定日期: string;
  readonly 认定单位?: string;
  readonly 认定单位代码?: string;
};

/**
 * The items' outcome as the template words it: every item 已兑现 → 全部履行, none → 全部未履行,
 * else 部分履行. An item 已调整 was not kept as committed, whatever its reason: it counts as not
 * kept and its reason goes into 未履行的承诺内容, so that a change is never reported as kept.
 *
 * @example fulfilmentState([{ status: '已兑现' }, { status: '未兑现' }]) // '部分履行'
 */
export function fulfilmentState(items: readonly Pick<ProgressReport['items'][number], 'status'>[]): FulfilmentState {
  const kept = items.filter((item) => itemOutcome(item.status) === 'kept').length;
  if (kept === items.length) return '全部履行';
  return kept === 0 ? '全部未履行' : '部分履行';
}

/**
 * The year-end record of a letter: 承诺编码 and the assessing office (认定单位, the receiving
 * office that keeps the year) from the letter's receipt, the state from the items, what was not
 * kept (each item not 已兑现, numbered as printed, with its status, note and reason; a faithful
 * summary past 4000 characters, as 承诺内容) and the
 * report's 违诺责任追究内容; both empty when all was kept. 认定日期 is the report's date, else
 * the end of its year.
 *
 * @example fulfilmentRecord(report, receipt).承诺履行状态 // '部分履行'
 */
export function fulfilmentRecord(report: ProgressReport, receipt: Pick<Receipt, 'commitmentCode' | 'platform'> | undefined): FulfilmentRecord {
  const state = fulfilmentState(report.items);
  const notKept = report.items
    .filter((item) => item.status !== '已兑现')
    .map((item) => {
      const said = [item.note, item.reason ? t('records.fulfilment.reason', { reason: item.reason }) : ''].filter((part) => part !== '').join('；');
      return { n: item.number, body: t('records.fulfilment.item', { status: item.status, content: item.content, details: said === '' ? '' : `（${said}）` }) };
    });
  // The status leads each line, so a summary that shortens an item never loses it.
  const unkept = faithfulSummary(notKept, 4000, t('records.fulfilment.summary', { n: notKept.length }));
  const record: Record<string, string | undefined> = {
    承诺编码: receipt?.commitmentCode,
    承诺履行状态: state,
    未履行的承诺内容: state === '全部履行' ? '' : unkept.text,
    违诺责任追究内容: state === '全部履行' ? '' : (report.accountability ?? ''),
    承诺履行状态认定日期: report.date ?? periodEnd(parsePeriod(report.period)!),
    认定单位: receipt?.platform?.name,
    认定单位代码: receipt?.platform?.creditCode,
  };
  return Object.fromEntries(FULFILMENT_FIELD_NAMES.flatMap((name) => (record[name] === undefined ? [] : [[name, record[name]]]))) as FulfilmentRecord;
}

/**
 * Every rule of the fulfilment record a record breaks: required fields, lengths, the state's code
 * words, and the two contents required unless 全部履行 and empty when it is.
 */
export function fulfilmentProblems(record: object): RecordProblem[] {
  const values = record as Readonly<Record<string, unknown>>;
  const problems: RecordProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const state = values['承诺履行状态'];
  for (const field of FULFILMENT_FIELDS) {
    const value = values[field.name];
    const empty = value === undefined || value === '';
    const neededByState = (field.name === '未履行的承诺内容' || field.name === '违诺责任追究内容') && state !== '全部履行';
    if (empty) {
      if (field.required || neededByState) add(field.name, t(field.name === '承诺编码' || field.name.startsWith('认定单位') ? 'records.problem.missing-until-receipt' : neededByState ? 'records.problem.fulfilment-needed' : 'records.problem.missing', { field: field.name }));
      continue;
    }
    if (typeof value !== 'string') {
      add(field.name, t('records.problem.not-text', { field: field.name }));
      continue;
    }
    if ('maxLength' in field && characterCount(value) > field.maxLength) add(field.name, t('records.problem.too-long', { field: field.name, max: field.maxLength, actual: characterCount(value) }));
    if (field.name === '承诺编码' && !/^\d{20}$/.test(value)) add(field.name, t('records.problem.commitment-code', { field: field.name }));
    if (field.name === '承诺履行状态' && !FULFILMENT_STATES.includes(value as FulfilmentState)) add(field.name, t('records.problem.code-word', { field: field.name, value, choices: FULFILMENT_STATES.join('、') }));
    if ((field.name === '未履行的承诺内容' || field.name === '违诺责任追究内容') && state === '全部履行') add(field.name, t('records.problem.fulfilment-empty', { field: field.name }));
  }
  for (const name of Object.keys(values)) {
    if (!(FULFILMENT_FIELD_NAMES as readonly string[]).includes(name)) add(name, t('records.problem.unknown-fulfilment-field', { field: name }));
  }
  return problems;
}
