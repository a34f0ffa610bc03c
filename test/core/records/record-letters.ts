import type { Letter, LetterItem } from '../../../core/letter/letter-schema';
import { validateLetter } from '../../../core/letter/validate-letter';
import type { Receipt } from '../../../core/protocol/reference-protocol';
import { idNumberCheckCharacter } from '../../../core/staff/id-number';
import { OFFICE } from '../../support/office';
import { ownLetter } from '../../support/letter-fixtures';

/** Invented, with a valid check character. */
export const ID_NUMBER = `37082719870614583${idNumberCheckCharacter('37082719870614583')}`;

const valid = (input: unknown): Letter => {
  const result = validateLetter(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.letter;
};

export const unitLetter = (): Letter => valid(ownLetter('service'));

/** A civil servant's letter as the staff roster makes it, with or without the 身份证号 the roster gave. */
export function personLetter(idNumber?: string): Letter {
  const own = ownLetter('person');
  const person = own.kind === 'person' ? own.person : {};
  return valid({ ...own, person: { ...person, department: '综合行政执法队', postType: 'enforcement', ...(idNumber ? { idNumber } : {}) } });
}

/**
 * Item text of exactly `length` characters made of numbered clauses (，；。), so that a summary
 * has clause ends to shorten at.
 */
export function clauseText(length: number, seed: number): string {
  let text = '';
  for (let clause = 1; [...text].length < length; clause += 1) text += `落实第${seed}项第${clause}条措施${clause % 3 === 0 ? '；' : '，'}`;
  return `${[...text].slice(0, length - 1).join('')}。`;
}

/** A unit letter whose items are the given contents, in one category, without deadlines. */
export function letterWithItems(contents: readonly string[]): Letter {
  const items: LetterItem[] = contents.map((content) => ({ category: 'key-task', content }));
  return valid({ ...ownLetter('key-task'), items });
}

/** `count` items whose record lines (`n.` and the content, one per line) add up to `total` characters. */
export function letterOfLength(total: number, count: number): Letter {
  const prefixes = Array.from({ length: count }, (_, i) => `${i + 1}.`.length).reduce((a, b) => a + b, 0);
  const contentTotal = total - prefixes - (count - 1);
  const each = Math.floor(contentTotal / count);
  const lengths = Array.from({ length: count }, (_, i) => (i === count - 1 ? contentTotal - each * (count - 1) : each));
  return letterWithItems(lengths.map((length, i) => clauseText(length, i + 1)));
}

/** What the platform's receipt gives the record: a 20-digit 承诺编码 of the letter's date, and the office. */
export function receiptFor(letter: Letter, serial = 1): Pick<Receipt, 'commitmentCode' | 'platform'> {
  return { commitmentCode: `${OFFICE.regionCode}${letter.date.replaceAll('-', '')}${String(serial).padStart(6, '0')}`, platform: OFFICE };
}
