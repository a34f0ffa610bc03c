import type { Letter } from '../letter/letter-schema';
import type { UnitProfile } from './unit-profile';

/**
 * Puts the unit's profile into a letter made from a template, so the template's fictitious unit,
 * principal, phone and email never survive into a real letter. The template's unit name is also
 * replaced where the statement, closing or items repeat it. A personal letter takes the unit and
 * the contact details; its signer stays the person. Empty profile fields leave the template's
 * value, which the sample check then reports.
 *
 * @example applyProfile(letterFromTemplate('duty', { year: 2026 }), profile).unit.name // profile.unitName
 */
export function applyProfile(letter: Letter, profile: UnitProfile | undefined): Letter {
  if (!profile) return letter;
  const value = (field: keyof Omit<UnitProfile, 'updatedAt'>) => profile[field].trim();
  const pick = (field: keyof Omit<UnitProfile, 'updatedAt'>, fallback: string) => value(field) || fallback;
  const sampleName = letter.unit.name;
  const name = pick('unitName', sampleName);
  const renamed = (text: string) => (name === sampleName ? text : text.split(sampleName).join(name));

  const unitType = value('unitType');
  const email = value('email');
  const principalTitle = value('principalTitle');
  const next: Letter = {
    ...letter,
    unit: { ...letter.unit, name, creditCode: pick('creditCode', letter.unit.creditCode), ...(unitType ? { type: unitType } : {}) },
    items: letter.items.map((item) => ({ ...item, content: renamed(item.content), ...(item.owner === undefined ? {} : { owner: renamed(item.owner) }) })),
    supervision: { ...letter.supervision, phone: pick('phone', letter.supervision.phone), ...(email ? { email } : {}) },
    ...(letter.statement === undefined ? {} : { statement: renamed(letter.statement) }),
    ...(letter.closing === undefined ? {} : { closing: renamed(letter.closing) }),
    ...(letter.title === undefined ? {} : { title: renamed(letter.title) }),
  };
  if (letter.kind === 'person') return next;
  const principalName = value('principalName');
  if (!principalName) return next;
  // A new principal with the template's title would sign as someone else's office.
  return { ...next, principal: { name: principalName, ...(principalTitle ? { title: principalTitle } : {}) } };
}
