import type { z } from 'zod';
import { t } from '../i18n/translate';
import { isRecord } from '../json/is-record';
import { parsePeriod } from './progress-period';
import { ITEM_STATUSES, ProgressReportSchema, type ProgressReport } from './progress-schema';

/** One thing wrong in a report: `path` for programs (`items[2].status`), `message` in Chinese naming the field. */
export interface ProgressProblem {
  readonly path: string;
  readonly message: string;
}

export type ProgressValidation = { readonly ok: true; readonly report: ProgressReport } | { readonly ok: false; readonly problems: readonly ProgressProblem[] };

type Path = readonly PropertyKey[];

/**
 * Checks a report as read from a file: its shape (ProgressReportSchema), then the rules that tie
 * its parts together: the period within the letter's year, every item once by its number, a
 * reason for each 已调整, evidence pointing at items that are there, no file name twice.
 *
 * @example validateProgress(JSON.parse(text)) // { ok: false, problems: [{ path: 'items[0].status', message: '第 1 项承诺事项的履行状态只能是：…' }] }
 */
export function validateProgress(input: unknown): ProgressValidation {
  const items = isRecord(input) && Array.isArray(input['items']) ? input['items'] : [];
  const parsed = ProgressReportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((issue) => issueProblems(issue, items)) };
  const report = parsed.data;
  const problems: ProgressProblem[] = [];
  const add = (path: Path, message: string) => problems.push({ path: pathText(path), message });

  if (parsePeriod(report.period)!.year !== report.year) add(['period'], t('progress.problem.period-year', { field: label(['period'], items), year: report.year }));
  if (report.items.some((item, index) => item.number !== index + 1)) add(['items'], t('progress.problem.numbers', { n: report.items.length }));
  report.items.forEach((item, index) => {
    if (item.status === '已调整' && (item.reason ?? '') === '') add(['items', index, 'reason'], t('progress.problem.reason-required', { field: label(['items', index, 'status'], items) }));
  });
  const names = new Set<string>();
  report.evidence.forEach((file, index) => {
    const field = label(['evidence', index], items);
    if (file.item !== undefined && !report.items.some((item) => item.number === file.item)) add(['evidence', index, 'item'], t('progress.problem.evidence-item', { field, n: file.item }));
    if (names.has(file.name)) add(['evidence', index, 'name'], t('progress.problem.evidence-duplicate', { field, file: file.name }));
    names.add(file.name);
  });
  return problems.length === 0 ? { ok: true, report } : { ok: false, problems };
}

function issueProblems(issue: z.core.$ZodIssue, items: readonly unknown[]): ProgressProblem[] {
  const path = issue.path;
  const field = label(path, items);
  const at = pathText(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: pathText([...path, key]), message: t('progress.problem.unknown-field', { field, key }) }));
    case 'invalid_value':
      if (path.at(-1) === 'format') return [{ path: at, message: t('progress.problem.format', { field }) }];
      return [{ path: at, message: t('progress.problem.choice', { field, choices: (path.at(-1) === 'status' ? ITEM_STATUSES : issue.values.map(String)).join('、') }) }];
    case 'invalid_type':
      if (path.length === 0) return [{ path: at, message: t('progress.problem.not-object', { field }) }];
      return [{ path: at, message: t(issue.input === undefined ? 'progress.problem.required' : 'progress.problem.wrong-type', { field }) }];
    case 'too_big':
      return [{ path: at, message: t(issue.origin === 'array' ? 'progress.problem.too-many' : 'progress.problem.too-long', { field, max: Number(issue.maximum) }) }];
    case 'too_small':
      return [{ path: at, message: t('progress.problem.required', { field }) }];
    case 'custom':
      return [{ path: at, message: path[0] === 'period' ? t('progress.problem.period', { field }) : t('progress.problem.date', { field }) }];
    default:
      return [{ path: at, message: t('progress.problem.shape', { field }) }];
  }
}

/** `items[2].status` */
function pathText(path: Path): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');
}

/** The field in Chinese; an item is named by the number it carries (the letter's), else by its place. */
function label(path: Path, items: readonly unknown[]): string {
  const [head, index, leaf] = path;
  if (path.length === 0) return t('progress.field.root');
  if (head === 'items' && typeof index === 'number') {
    const item = items[index];
    const number = isRecord(item) && typeof item['number'] === 'number' ? item['number'] : index + 1;
    if (leaf === 'number' || leaf === 'content' || leaf === 'deadline' || leaf === 'status' || leaf === 'note' || leaf === 'reason') return t(`progress.field.item.${leaf}`, { n: number });
    return t('progress.field.item', { n: number });
  }
  if (head === 'evidence' && typeof index === 'number') return t('progress.field.evidence-file', { n: index + 1 });
  if (head === 'unit' && (index === 'name' || index === 'creditCode')) return t(`progress.field.unit.${index}`);
  if (head === 'person') return t('progress.field.person.name');
  if (head === 'format' || head === 'submissionId' || head === 'year' || head === 'period' || head === 'title' || head === 'date' || head === 'items' || head === 'accountability' || head === 'evidence') return t(`progress.field.${head}`);
  return String(head);
}
