import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateLetter } from '../../../core/letter/validate-letter';
import { buildPackage } from '../../../core/package/build-package';
import { verifyPackage } from '../../../core/package/verify-package';
import { commitmentRecord } from '../../../core/records/commitment-record';
import { idNumberCheckCharacter } from '../../../core/staff/id-number';
import { checkLetterPdf } from '../../../node/package-check/package-pdf-check';
import { json, packageInput, renderedPdf } from '../../support/package-fixtures';
import { ownLetter } from '../../support/letter-fixtures';

const ID_NUMBER = `37082719870614583${idNumberCheckCharacter('37082719870614583')}`;

const personLetter = (idNumber?: string) => {
  const own = ownLetter('person');
  const result = validateLetter({ ...own, person: { ...(own.kind === 'person' ? own.person : {}), department: '综合行政执法队', postType: 'enforcement', ...(idNumber ? { idNumber } : {}) } });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.letter;
};

describe('a civil servant’s package', () => {
  it('carries the ID number as 承诺人代码 of the national record, and in letter.json', () => {
    expect(commitmentRecord(personLetter(ID_NUMBER))).toMatchObject({ 承诺人类别: '自然人', 承诺人代码: ID_NUMBER });
    expect(commitmentRecord(personLetter()).承诺人代码).toBe('');
  });

  it('is accepted by verifyPackage and by the PDF check, the ID number only in letter.json and the record', async () => {
    const letter = personLetter(ID_NUMBER);
    const pdf = await renderedPdf(letter);
    const zip = buildPackage(packageInput({ letter, pdf }));
    const verified = verifyPackage(zip);
    expect(verified.ok, verified.ok ? '' : verified.reason).toBe(true);
    expect(verified.ok && verified.letter.kind === 'person' && verified.letter.person.idNumber).toBe(ID_NUMBER);
    expect(await checkLetterPdf(letter, pdf)).toBeNull();
    const files = unzipSync(zip);
    expect((json(files['credit-record.json']) as Record<string, unknown>)['承诺人代码']).toBe(ID_NUMBER);
    const holding = Object.entries(files).filter(([, bytes]) => Buffer.from(bytes).includes(ID_NUMBER)).map(([name]) => name);
    expect(holding.sort()).toEqual(['credit-record.json', 'letter.json']);
  });
});
