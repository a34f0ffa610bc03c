import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateLetter } from '../../../core/letter/validate-letter';
import { buildPackage } from '../../../core/package/build-package';
import { commitmentRecord } from '../../../core/records/commitment-record';
import { recordProblems } from '../../../core/records/national-template';
import { ID, json, OTHER_ID, packageInput } from '../../support/package-fixtures';

describe('the credit-record.json of a package', () => {
  it('is the letter’s national record before delivery: no 承诺编码, no receiving office, no fulfilment field', () => {
    const input = packageInput();
    const validation = validateLetter(input.letter, { allowSampleContent: true });
    if (!validation.ok) throw new Error('the fixture letter is valid');
    const record = json(unzipSync(buildPackage(input))['credit-record.json']) as Record<string, unknown>;
    expect(record).toEqual(commitmentRecord(validation.letter));
    expect(Object.keys(record)).not.toEqual(expect.arrayContaining(['承诺编码']));
    expect(Object.keys(record).filter((key) => ['承诺编码', '承诺受理单位', '承诺受理单位代码', '承诺履行状态'].includes(key))).toEqual([]);
    expect(recordProblems(record).map((p) => p.field)).toEqual(['承诺编码', '承诺受理单位', '承诺受理单位代码']);
  });

  it('does not depend on the submission id: the platform’s receipt gives the code', () => {
    const record = (submissionId: string) => unzipSync(buildPackage(packageInput({ submissionId })))['credit-record.json'];
    expect(record(OTHER_ID)).toEqual(record(ID));
  });
});
