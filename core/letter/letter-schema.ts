import { z } from 'zod';
import { CATEGORY_KEYS } from './categories';
import { findLoneSurrogate, foldWidth, isEmailAddress, isPhoneNumber, isRealDate, ISO_DATE, normalizeDate } from './text-shapes';
import { normalizeCreditCode } from './credit-code';
import { checkIdNumber, normalizeIdNumber } from '../staff/id-number';
import { POST_TYPES } from '../staff/staff-member';

/**
 * The letter interchange format `pledge-letter/1` (docs/domain/interchange.md). This schema is the one
 * definition: the TypeScript types, the JSON Schema (`pledge schema`) and validation all derive
 * from it. Custom rules carry `params.rule` so validation can word them in Chinese.
 */

export const LETTER_FORMAT = 'pledge-letter/1';

export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** Length limits, generous enough for real names and items, tight enough to keep a letter sane. */
export const LIMITS = {
  unitName: 100,
  unitType: 30,
  personName: 30,
  position: 50,
  department: 50,
  title: 60,
  statement: 5000,
  closing: 2000,
  itemContent: 500,
  itemDeadline: 50,
  itemOwner: 50,
  items: 200,
  phone: 30,
  email: 100,
  principalName: 30,
  principalTitle: 30,
  overrideReason: 200,
} as const;

/**
 * Text a person typed. A lone surrogate stops the checks (`abort`), so the field gets one clear
 * problem rather than a length or shape complaint about a character that is not there.
 */
const typed = () => z.string().refine((v) => findLoneSurrogate(v) === undefined, { params: { rule: 'lone-surrogate' }, abort: true });
const text = (min: number, max: number) => typed().trim().min(min).max(max);
const optionalText = (max: number) => typed().trim().max(max).optional();

const phone = typed()
  .overwrite(foldWidth)
  .min(1)
  .max(LIMITS.phone)
  .refine(isPhoneNumber, { params: { rule: 'phone-shape' } });

/** Typed as offices write it (2026年12月1日) or as stored (2026-12-01); the letter keeps the stored form. */
const isoDate = z
  .string()
  .overwrite(normalizeDate)
  .regex(ISO_DATE)
  // The shape rule above reports malformed dates; this one only speaks of well-formed ones.
  .refine((v) => !ISO_DATE.test(v) || isRealDate(v), { params: { rule: 'date-missing' } });

/** When a real code fails its check, the clerk records that it was confirmed and why. */
export const CreditCodeOverrideSchema = z.strictObject({
  code: z.string().overwrite(normalizeCreditCode).min(1),
  reason: text(4, LIMITS.overrideReason),
  confirmedAt: z.iso.datetime({ offset: true }),
});

export const UnitSchema = z.strictObject({
  name: text(2, LIMITS.unitName),
  creditCode: z.string().overwrite(normalizeCreditCode).min(1),
  type: optionalText(LIMITS.unitType),
  creditCodeOverride: CreditCodeOverrideSchema.optional(),
});

/**
 * 身份证号, stored normalised. Personal data: the rule's problem names the field and what is wrong
 * (validate-letter.ts), never the number, and only the package's national record carries it.
 */
const idNumber = typed()
  .overwrite(normalizeIdNumber)
  .refine((v) => checkIdNumber(v) === undefined, { params: { rule: 'id-number' } });

export const PersonSchema = z.strictObject({
  name: text(1, LIMITS.personName),
  position: text(1, LIMITS.position),
  /** 科室 */
  department: optionalText(LIMITS.department),
  /** 岗位类别: which personal template the letter was made from (core/staff/staff-member.ts). */
  postType: z.enum(POST_TYPES).optional(),
  idNumber: idNumber.optional(),
});

export const ItemSchema = z.strictObject({
  category: z.enum(CATEGORY_KEYS),
  content: text(2, LIMITS.itemContent),
  deadline: optionalText(LIMITS.itemDeadline),
  owner: optionalText(LIMITS.itemOwner),
});

export const SupervisionSchema = z.strictObject({
  phone,
  email: typed()
    .overwrite(foldWidth)
    .max(LIMITS.email)
    .refine(isEmailAddress, { params: { rule: 'email-shape' } })
    .optional(),
  hotline: phone.default('12345'),
});

export const PrincipalSchema = z.strictObject({
  name: text(1, LIMITS.principalName),
  title: optionalText(LIMITS.principalTitle),
});

/**
 * 公开类型 of the national record: public (可向社会公开), restricted (特定范围内公开) or private
 * (不可公开); a letter without it is public, as the notice expects of a yearly commitment.
 */
export const PUBLICITY_KEYS = ['public', 'restricted', 'private'] as const;
export type Publicity = (typeof PUBLICITY_KEYS)[number];

const common = {
  format: z.literal(LETTER_FORMAT),
  year: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max),
  title: optionalText(LIMITS.title),
  statement: optionalText(LIMITS.statement),
  closing: optionalText(LIMITS.closing),
  unit: UnitSchema,
  items: z.array(ItemSchema).min(1).max(LIMITS.items),
  supervision: SupervisionSchema,
  principal: PrincipalSchema,
  date: isoDate,
  publicity: z.enum(PUBLICITY_KEYS).optional(),
};

// Keys are listed so that a printed letter reads format, kind, year first.
const { format, ...body } = common;
export const UnitLetterSchema = z.strictObject({ format, kind: z.literal('unit'), ...body });
export const PersonLetterSchema = z.strictObject({ format, kind: z.literal('person'), ...body, person: PersonSchema });

/** A letter; `kind` decides whether `person` is required. */
export const LetterSchema = z.discriminatedUnion('kind', [UnitLetterSchema, PersonLetterSchema]);

/** A letter after validation: trimmed, normalised, defaults filled. */
export type Letter = z.output<typeof LetterSchema>;
/** A letter as written in a file or typed by a person, before normalisation. */
export type LetterInput = z.input<typeof LetterSchema>;
export type LetterItem = z.output<typeof ItemSchema>;
export type LetterKind = Letter['kind'];
