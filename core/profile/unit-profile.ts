import { z } from 'zod';
import { t } from '../i18n/translate';
import { fieldLabel } from '../letter/field-path';
import type { Problem } from '../letter/problem';
import { validateLetter } from '../letter/validate-letter';

/**
 * The unit's own details, entered once and put into every new letter: who the unit is, who signs
 * for it and how the public reaches it. Kept as typed (like a draft), so a half-filled profile is
 * saved too; {@link profileProblems} says what is wrong with it.
 */
export const UnitProfileSchema = z.strictObject({
  unitName: z.string(),
  creditCode: z.string(),
  unitType: z.string(),
  principalName: z.string(),
  principalTitle: z.string(),
  phone: z.string(),
  email: z.string(),
  updatedAt: z.number().int().nonnegative(),
});
export type UnitProfile = z.infer<typeof UnitProfileSchema>;

/** A stored row (the profile plus its key) read back; undefined when absent or no longer valid. */
export function parseStoredProfile(row: unknown): UnitProfile | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const { id: _id, ...fields } = row as Record<string, unknown>;
  const parsed = UnitProfileSchema.safeParse(fields);
  return parsed.success ? parsed.data : undefined;
}

export const PROFILE_FIELDS = ['unitName', 'creditCode', 'unitType', 'principalName', 'principalTitle', 'phone', 'email'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const EMPTY_PROFILE: UnitProfile = { unitName: '', creditCode: '', unitType: '', principalName: '', principalTitle: '', phone: '', email: '', updatedAt: 0 };

/** Where each profile field sits in a letter, so the letter's own checks and field names apply. */
export const PROFILE_LETTER_PATHS: { readonly [F in ProfileField]: readonly [string, string] } = {
  unitName: ['unit', 'name'],
  creditCode: ['unit', 'creditCode'],
  unitType: ['unit', 'type'],
  principalName: ['principal', 'name'],
  principalTitle: ['principal', 'title'],
  phone: ['supervision', 'phone'],
  email: ['supervision', 'email'],
};

/** Fields every letter needs; the others may stay empty. */
const REQUIRED: ReadonlySet<ProfileField> = new Set(['unitName', 'creditCode', 'principalName', 'phone']);

/** Whether anything has been entered: an untouched profile is offered to be filled, not applied. */
export function isProfileEmpty(profile: UnitProfile | undefined): boolean {
  return !profile || PROFILE_FIELDS.every((field) => profile[field].trim() === '');
}

/**
 * What is wrong with each field, checked by the very rules a letter is checked by (the credit
 * code's check characters, the phone and email shapes), with the letter's Chinese field names.
 *
 * @example profileProblems({ ...EMPTY_PROFILE, phone: '12' }).get('phone') // ['监督电话…']
 */
export function profileProblems(profile: UnitProfile): ReadonlyMap<ProfileField, readonly string[]> {
  const probe = {
    format: 'pledge-letter/1',
    kind: 'unit',
    year: 2026,
    unit: { name: profile.unitName, creditCode: profile.creditCode, ...(profile.unitType.trim() ? { type: profile.unitType } : {}) },
    items: [{ category: 'duty', content: '——' }],
    supervision: { phone: profile.phone, ...(profile.email.trim() ? { email: profile.email } : {}) },
    principal: { name: profile.principalName, ...(profile.principalTitle.trim() ? { title: profile.principalTitle } : {}) },
    date: '2026-01-01',
  };
  const byField = new Map<ProfileField, string[]>();
  const add = (field: ProfileField, message: string) => byField.set(field, [...(byField.get(field) ?? []), message]);
  for (const problem of validateLetter(probe).problems) {
    const field = fieldOfPath(problem);
    if (field && problem.severity === 'error') add(field, problem.message);
  }
  // Belt and braces: the letter schema already requires these, but a profile must never pass empty.
  for (const field of REQUIRED) {
    if (profile[field].trim() === '' && !byField.has(field)) add(field, requiredMessage(field));
  }
  return byField;
}

function fieldOfPath(problem: Problem): ProfileField | undefined {
  return PROFILE_FIELDS.find((field) => PROFILE_LETTER_PATHS[field].join('.') === problem.path);
}

function requiredMessage(field: ProfileField): string {
  return t('problem.required', { field: fieldLabel(PROFILE_LETTER_PATHS[field]) });
}
