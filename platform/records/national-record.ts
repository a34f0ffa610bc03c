import { LetterSchema, type Letter } from '../../core/letter/letter-schema';
import type { Receipt } from '../../core/protocol/reference-protocol';
import { commitmentRecord, receivedRecord, type CommitmentRecord } from '../../core/records/commitment-record';

/** What of its receipt a letter's record takes: the 承诺编码 and the receiving office. */
export type RecordReceipt = Pick<Receipt, 'commitmentCode' | 'platform'>;

/**
 * The national 信用承诺 record the platform keeps for an accepted letter: made from the letter
 * itself (letter.json), never from the package's credit-record.json, which older packages filled
 * with an older mapping, and completed by the receipt the platform issued.
 */
export function nationalRecord(letter: Letter, receipt: RecordReceipt): CommitmentRecord {
  return receivedRecord(commitmentRecord(letter), receipt);
}

/**
 * The record of a stored package's letter.json, for submissions accepted before records were
 * kept; undefined when it is not a letter (a package file that is gone or damaged). The package
 * passed the check on arrival and its letter.json is the normalised letter, so its shape is all
 * that is checked again: a rule added since must not leave an accepted letter without its record.
 */
export function storedLetterRecord(letterJson: unknown, receipt: RecordReceipt): CommitmentRecord | undefined {
  const parsed = LetterSchema.safeParse(letterJson);
  return parsed.success ? nationalRecord(parsed.data, receipt) : undefined;
}
