import { isRecord } from '../json/is-record';
import type { z } from 'zod';
import { t, type MessageKey, type MessageParams } from '../i18n/translate';
import { categoryName, CATEGORY_KEYS } from './categories';
import { checkCreditCode, normalizeCreditCode, singleCharacterFixes, type CreditCodeFinding } from './credit-code';
import { fieldLabel, formatPath, type FieldPath } from './field-path';
import { numberItemProblems } from './item-numbers';
import { findTooDeep, MAX_LETTER_DEPTH } from './json-depth';
import { staleYearProblems } from './next-year';
import { LetterSchema, PersonLetterSchema, PUBLICITY_KEYS, UnitLetterSchema, YEAR_RANGE, type Letter } from './letter-schema';
import type { Problem, ProblemCode } from './problem';
import { sampleFindings, type SampleFinding } from './sample-content';
import { deadlineDate, findLoneSurrogate, isRealDate, normalizeDate } from './text-shapes';
import { checkIdNumber, normalizeIdNumber } from '../staff/id-number';
import { POST_TYPES } from '../staff/staff-member';
import { postTypeLabel } from '../staff/staff-roster-titles';
import { publicityType } from '../records/publicity-type';

export type LetterValidation =
  | { readonly ok: true; readonly letter: Letter; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface ValidateOptions {
  /**
   * Template content left in (the sample unit, its code, people, phone, e-mail) is an error by
   * default: such a letter cannot go to review. The preview, the templates and the package
   * format allow it, since it is well formed and only not yet the unit's own.
   */
  readonly allowSampleContent?: boolean;
}

/**
 * Checks anything that claims to be a `pledge-letter/1` letter. Never throws on user input:
 * every fault becomes a {@link Problem} with a field path and a Chinese message. When `ok`, the
 * normalised letter is returned and `problems` holds only warnings.
 *
 * @example
 * const result = validateLetter(JSON.parse(text));
 * if (!result.ok) for (const p of result.problems) console.log(`${p.path}: ${p.message}`);
 */
export function validateLetter(input: unknown, options: ValidateOptions = {}): LetterValidation {
  if (!isRecord(input)) {
    return { ok: false, problems: [problem([], 'not-object', 'problem.wrong-type', { expected: t('expected.object') })] };
  }
  // Measured before anything that recurses (zod, the coverage check) touches the input.
  const tooDeep = findTooDeep(input, MAX_LETTER_DEPTH);
  if (tooDeep !== undefined) return { ok: false, problems: [problem(tooDeep, 'too-deep', 'problem.too-deep', { max: MAX_LETTER_DEPTH })] };
  const { parsed, problems } = parseShape(input);
  problems.push(...creditCodeProblems(input['unit']), ...dateYearProblems(input), ...withoutRepeats(deadlineProblems(input), staleYearProblems(input)));
  if (options.allowSampleContent !== true) problems.push(...sampleFindings(input).map(sampleProblem));
  const numbered = numberItemProblems(problems, input);
  if (parsed === undefined || numbered.some((p) => p.severity === 'error')) return { ok: false, problems: numbered };
  return { ok: true, letter: parsed, problems: numbered };
}

function parseShape(input: Record<string, unknown>): { parsed: Letter | undefined; problems: Problem[] } {
  const result = LetterSchema.safeParse(input, { reportInput: true });
  if (result.success) return { parsed: result.data, problems: [] };
  const kindIssue = result.error.issues.find((i) => i.code === 'invalid_union' && i.path.length === 1 && i.path[0] === 'kind');
  if (kindIssue === undefined) return { parsed: undefined, problems: result.error.issues.flatMap(fromIssue) };
  // Without a valid kind zod stops at the discriminator; check the rest as the likelier kind
  // so the person filling in the letter sees every problem at once.
  const kindProblem = input['kind'] === undefined
    ? problem(['kind'], 'required', 'problem.required')
    : problem(['kind'], 'kind-required', 'problem.kind-required');
  const fallback = 'person' in input ? PersonLetterSchema : UnitLetterSchema;
  const rest = fallback.safeParse({ ...input, kind: 'person' in input ? 'person' : 'unit' }, { reportInput: true });
  return { parsed: undefined, problems: [kindProblem, ...(rest.success ? [] : rest.error.issues.flatMap(fromIssue))] };
}

function fromIssue(issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path;
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return [problem(path, 'required', 'problem.required')];
      if (issue.expected === 'int') return [problem(path, 'not-integer', 'problem.not-integer')];
      return [problem(path, 'wrong-type', 'problem.wrong-type', { expected: expectedLabel(issue.expected) })];
    case 'too_small':
      if (issue.origin === 'array') return [problem(path, 'too-few-items', 'problem.too-few-items', { min: Number(issue.minimum) })];
      if (issue.origin === 'string') {
        const empty = typeof input !== 'string' || input.trim() === '';
        return empty || Number(issue.minimum) <= 1
          ? [problem(path, 'required', 'problem.required')]
          : [problem(path, 'too-short', 'problem.too-short', { min: Number(issue.minimum) })];
      }
      return [numberRange(path)];
    case 'too_big':
      if (issue.origin === 'array') return [problem(path, 'too-many-items', 'problem.too-many-items', { max: Number(issue.maximum) })];
      if (issue.origin === 'string') {
        const actual = typeof input === 'string' ? input.length : 0;
        return [problem(path, 'too-long', 'problem.too-long', { max: Number(issue.maximum), actual })];
      }
      return [numberRange(path)];
    case 'invalid_value':
      if (path.length === 1 && path[0] === 'format') {
        return [problem(path, 'format-version', 'problem.format-version', { expected: String(issue.values[0]) })];
      }
      return [problem(path, 'choice', 'problem.choice', { choices: choicesLabel(path, issue.values) })];
    case 'invalid_format':
      if (issue.format === 'datetime') return [problem(path, 'datetime-shape', 'problem.datetime-shape')];
      return [problem(path, 'date-shape', 'problem.date-shape')];
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        path.length === 0 && key === 'person'
          ? problem(['person'], 'person-not-allowed', 'problem.person-not-allowed')
          : problem([...path, key], 'unknown-field', 'problem.unknown-field', { key, field: fieldLabel(path) }),
      );
    case 'custom':
      return [customProblem(path, issue.params?.['rule'], input)];
    default:
      return [problem(path, 'invalid', 'problem.invalid')];
  }
}

function customProblem(path: FieldPath, rule: unknown, input: unknown): Problem {
  const value = typeof input === 'string' ? input : '';
  switch (rule) {
    case 'phone-shape':
      return problem(path, 'phone-shape', 'problem.phone-shape', { value });
    case 'email-shape':
      return problem(path, 'email-shape', 'problem.email-shape', { value });
    case 'date-missing':
      return problem(path, 'date-missing', 'problem.date-missing', { value });
    case 'lone-surrogate':
      return problem(path, 'lone-surrogate', 'problem.lone-surrogate', { codePoint: findLoneSurrogate(value) ?? '' });
    case 'id-number':
      return idNumberProblem(path, value);
    default:
      return problem(path, 'invalid', 'problem.invalid');
  }
}

/** What is wrong with an ID number, never the number itself nor the check character it should have: the message may reach a log. */
function idNumberProblem(path: FieldPath, value: string): Problem {
  const finding = checkIdNumber(normalizeIdNumber(value));
  switch (finding?.kind) {
    case 'length':
      return problem(path, 'id-number.length', 'problem.id-number.length', { actual: finding.actual });
    case 'charset':
      return problem(path, 'id-number.charset', 'problem.id-number.charset');
    case 'birth-date':
      return problem(path, 'id-number.birth-date', 'problem.id-number.birth-date');
    default:
      return problem(path, 'id-number.check', 'problem.id-number.check');
  }
}

/** The check-character rules need the override beside the code, so they run on the raw unit. */
function creditCodeProblems(unit: unknown): Problem[] {
  if (!isRecord(unit) || typeof unit['creditCode'] !== 'string') return [];
  const code = normalizeCreditCode(unit['creditCode']);
  if (code === '') return [];
  const path = ['unit', 'creditCode'];
  const findings = checkCreditCode(code);
  const fatal = findings.filter((f) => !f.overridable);
  if (fatal.length > 0) return fatal.map((f) => findingProblem(path, f));
  const override = unit['creditCodeOverride'];
  if (!isRecord(override) || typeof override['code'] !== 'string') return findingProblems(path, code, findings);

  const overridePath = ['unit', 'creditCodeOverride', 'code'];
  if (normalizeCreditCode(override['code']) !== code) {
    return [
      ...findingProblems(path, code, findings),
      problem(overridePath, 'credit.override-mismatch', 'credit.override-mismatch', { value: override['code'] }),
    ];
  }
  if (findings.length === 0) return [problem(overridePath, 'credit.override-unneeded', 'credit.override-unneeded', {}, 'warning')];
  const detail = findings.map(findingDetail).join('；');
  return [
    problem(path, 'credit.overridden', 'credit.overridden', {
      detail,
      at: String(override['confirmedAt'] ?? ''),
      reason: String(override['reason'] ?? ''),
    }, 'warning'),
  ];
}

/**
 * A failing check character says that some character is wrong, not which one: both check
 * failures become one problem listing the single-character changes that would pass.
 */
function findingProblems(path: FieldPath, code: string, findings: readonly CreditCodeFinding[] = checkCreditCode(code)): Problem[] {
  const out = findings.filter(isShapeFinding).map((f) => findingProblem(path, f));
  if (out.length < findings.length) {
    out.push(problem(path, 'credit.check', 'credit.check', { code, candidates: creditCodeCandidatesText(code) }));
  }
  return out;
}

/** What is wrong with a normalised unit credit code, worded as the letter's own check words it: for commands that take a code alone. */
export function unitCreditCodeProblems(code: string): Problem[] {
  return findingProblems(['unit', 'creditCode'], code);
}

/** At most this many candidates are listed: more would hide the advice to compare with the certificate. */
const MAX_CANDIDATES = 8;

/** The single-character changes that would make a failing code pass, worded as the check message lists them (also for the platform's roster). */
export function creditCodeCandidatesText(code: string): string {
  const fixes = singleCharacterFixes(code);
  if (fixes.length === 0) return t('credit.candidates.none');
  const list = fixes.slice(0, MAX_CANDIDATES).map((fix) => t('credit.candidate', { position: fix.position, char: fix.char })).join('、');
  const rest = fixes.length - MAX_CANDIDATES;
  return rest > 0 ? t('credit.candidates.more', { list, rest }) : t('credit.candidates', { list });
}

type ShapeFinding = Exclude<CreditCodeFinding, { kind: 'check' | 'org-check' }>;

function isShapeFinding(finding: CreditCodeFinding): finding is ShapeFinding {
  return finding.kind !== 'check' && finding.kind !== 'org-check';
}

function findingProblem(path: FieldPath, finding: ShapeFinding): Problem {
  switch (finding.kind) {
    case 'length':
      return problem(path, 'credit.length', 'credit.length', { actual: finding.actual });
    case 'charset':
      return problem(path, 'credit.charset', 'credit.charset', { position: finding.position, char: finding.char });
    case 'authority':
      return problem(path, 'credit.authority', 'credit.authority', { char: finding.char });
    case 'division':
      return problem(path, 'credit.division', 'credit.division', { value: finding.value });
  }
}

function findingDetail(finding: CreditCodeFinding): string {
  switch (finding.kind) {
    case 'authority':
      return t('credit.detail.authority', { char: finding.char });
    case 'division':
      return t('credit.detail.division', { value: finding.value });
    case 'org-check':
      return t('credit.detail.org-check');
    case 'check':
      return t('credit.detail.check');
    default:
      return '';
  }
}

function sampleProblem(finding: SampleFinding): Problem {
  switch (finding.kind) {
    case 'value':
      return problem(finding.path, 'sample.value', 'sample.value', { value: finding.value });
    case 'email-domain':
      return problem(finding.path, 'sample.email-domain', 'sample.email-domain', { value: finding.value });
    case 'text':
      return problem(finding.path, 'sample.text', 'sample.text', { value: finding.value });
  }
}

/** A commitment for 2026 may be dated late 2025; anything further apart is probably a typo. */
function dateYearProblems(input: Record<string, unknown>): Problem[] {
  const { year } = input;
  const date = typeof input['date'] === 'string' ? normalizeDate(input['date']) : undefined;
  if (date === undefined || typeof year !== 'number' || !isRealDate(date)) return [];
  const dateYear = Number(date.slice(0, 4));
  if (dateYear === year || dateYear === year - 1) return [];
  return [problem(['date'], 'date-year', 'problem.date-year', { value: date, year }, 'warning')];
}

/** A deadline outside the year is said once: the stale-year note would repeat it for last year's. */
function withoutRepeats(deadlines: Problem[], stale: Problem[]): Problem[] {
  const flagged = new Set(deadlines.filter((p) => p.code === 'deadline-year').map((p) => p.path));
  return [...deadlines, ...stale.filter((p) => !flagged.has(p.path))];
}

/**
 * A deadline written as a day must be a real one and fall in the commitment year; spans
 * (全年, 长期) and other wordings (每季度末) are left as typed, as older letters have them.
 */
function deadlineProblems(input: Record<string, unknown>): Problem[] {
  const { year, items } = input;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown, index) => {
    const deadline = isRecord(item) ? item['deadline'] : undefined;
    const day = typeof deadline === 'string' ? deadlineDate(deadline) : undefined;
    if (typeof deadline !== 'string' || day === undefined) return [];
    const path = ['items', index, 'deadline'];
    if (!isRealDate(day)) return [problem(path, 'date-missing', 'problem.date-missing', { value: deadline.trim() })];
    if (typeof year !== 'number' || Number(day.slice(0, 4)) === year) return [];
    return [problem(path, 'deadline-year', 'problem.deadline-year', { value: deadline.trim(), year }, 'warning')];
  });
}

/** The year is the only number in a letter. */
function numberRange(path: FieldPath): Problem {
  return problem(path, 'number-range', 'problem.number-range', { ...YEAR_RANGE });
}

function choicesLabel(path: FieldPath, values: readonly unknown[]): string {
  const leaf = path[path.length - 1];
  const name = (v: unknown): string | undefined => {
    if (leaf === 'category' && CATEGORY_KEYS.includes(v as never)) return categoryName(v as never);
    if (leaf === 'postType' && POST_TYPES.includes(v as never)) return postTypeLabel(v as never);
    if (leaf === 'publicity' && PUBLICITY_KEYS.includes(v as never)) return publicityType(v as never);
    return undefined;
  };
  return values.map((v) => (name(v) === undefined ? String(v) : `${String(v)}（${name(v)}）`)).join('、');
}

function expectedLabel(expected: string): string {
  switch (expected) {
    case 'number':
      return t('expected.number');
    case 'object':
      return t('expected.object');
    case 'array':
      return t('expected.array');
    default:
      return t('expected.string');
  }
}

function problem(
  path: FieldPath,
  code: ProblemCode,
  key: MessageKey,
  params: MessageParams = {},
  severity: Problem['severity'] = 'error',
): Problem {
  const field = fieldLabel(path);
  return { path: formatPath(path), field, code, severity, message: t(key, { field, ...params }) };
}
