import { LETTER_FORMAT, type Letter, type LetterInput } from '../letter/letter-schema';
import { PERSON_TEMPLATES } from '../letter/template-content';
import { personSigner } from '../letter/templates';
import type { UnitProfile } from '../profile/unit-profile';
import type { StaffMember } from './staff-member';

/**
 * What every personal letter of a unit's staff shares: the year and date, the unit and how the
 * public reaches it. Taken from the unit's own letter or from the unit profile.
 */
export interface StaffLetterBase {
  readonly year: number;
  /** 成文日期, `YYYY-MM-DD`. */
  readonly date: string;
  readonly unit: {
    readonly name: string;
    readonly creditCode: string;
    readonly type?: string;
    /** A confirmed code that fails its check stays confirmed in the staff's letters too. */
    readonly creditCodeOverride?: { readonly code: string; readonly reason: string; readonly confirmedAt: string };
  };
  readonly supervision: { readonly phone: string; readonly email?: string; readonly hotline?: string };
}

/**
 * One member's own letter (kind `person`) from the template for their post type: the unit's
 * shared details from `base`, the member's name, post, department and ID number, and the member
 * as the one who signs. It is an ordinary letter, edited and checked like any other.
 *
 * @example staffLetter(staffLetterBaseFromLetter(unitLetter), member).person.name // member.name
 */
export function staffLetter(base: StaffLetterBase, member: StaffMember): LetterInput & { kind: 'person' } {
  const template = PERSON_TEMPLATES[member.postType];
  const department = member.department.trim();
  return {
    format: LETTER_FORMAT,
    kind: 'person',
    year: base.year,
    unit: { ...base.unit, ...(base.unit.creditCodeOverride ? { creditCodeOverride: { ...base.unit.creditCodeOverride } } : {}) },
    person: {
      name: member.name,
      position: member.position,
      ...(department === '' ? {} : { department }),
      postType: member.postType,
      ...(member.idNumber === undefined ? {} : { idNumber: member.idNumber }),
    },
    statement: template.statement,
    items: template.items(base.year),
    closing: template.closing,
    supervision: { ...base.supervision },
    principal: personSigner(member),
    date: base.date,
  };
}

/**
 * The shared details of a unit's letter (a valid one, kind `unit`): its year, date, unit and
 * supervision channels, so the staff's letters say what the unit's says.
 */
export function staffLetterBaseFromLetter(unitLetter: Letter): StaffLetterBase {
  const { name, creditCode, type, creditCodeOverride } = unitLetter.unit;
  const { phone, email, hotline } = unitLetter.supervision;
  return {
    year: unitLetter.year,
    date: unitLetter.date,
    unit: { name, creditCode, ...(type === undefined ? {} : { type }), ...(creditCodeOverride === undefined ? {} : { creditCodeOverride }) },
    supervision: { phone, hotline, ...(email === undefined ? {} : { email }) },
  };
}

/** The shared details from the unit profile, for the year and 成文日期 the clerk chose; empty optional fields are left out. */
export function staffLetterBaseFromProfile(profile: UnitProfile, year: number, date: string): StaffLetterBase {
  const type = profile.unitType.trim();
  const email = profile.email.trim();
  return {
    year,
    date,
    unit: { name: profile.unitName.trim(), creditCode: profile.creditCode.trim(), ...(type === '' ? {} : { type }) },
    supervision: { phone: profile.phone.trim(), ...(email === '' ? {} : { email }) },
  };
}
