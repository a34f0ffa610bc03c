/**
 * One thing wrong (or worth a second look) in a letter, worded for the person who must fix it.
 * `path` is machine-readable (`items[2].content`); `field` and `message` are Chinese.
 */
export interface Problem {
  readonly path: string;
  readonly field: string;
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export type ProblemCode =
  | 'not-object'
  | 'required'
  | 'wrong-type'
  | 'too-short'
  | 'too-long'
  | 'too-few-items'
  | 'too-many-items'
  | 'number-range'
  | 'not-integer'
  | 'choice'
  | 'unknown-field'
  | 'format-version'
  | 'kind-required'
  | 'person-not-allowed'
  | 'date-shape'
  | 'date-missing'
  | 'date-year'
  | 'deadline-year'
  | 'year-stale'
  | 'datetime-shape'
  | 'phone-shape'
  | 'email-shape'
  | 'lone-surrogate'
  | 'too-deep'
  | 'id-number.length'
  | 'id-number.charset'
  | 'id-number.birth-date'
  | 'id-number.check'
  | 'credit.length'
  | 'credit.charset'
  | 'credit.authority'
  | 'credit.division'
  | 'credit.org-check'
  | 'credit.check'
  | 'credit.overridden'
  | 'credit.override-mismatch'
  | 'credit.override-unneeded'
  | 'coverage.missing'
  | 'sample.value'
  | 'sample.email-domain'
  | 'sample.text'
  | 'invalid';
