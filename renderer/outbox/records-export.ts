import { errorText } from '../../core/errors/error-text';
import { t } from '../../core/i18n/translate';
import type { OutboxItem } from '../../core/outbox/outbox-item';
import { isLetterItem } from '../../core/outbox/submission-kind';
import { verifyPackage } from '../../core/package/verify-package';
import type { Receipt } from '../../core/protocol/reference-protocol';
import { commitmentRecord, receivedRecord, type CommitmentRecord } from '../../core/records/commitment-record';
import { recordProblems } from '../../core/records/national-template';
import { recordsXlsx } from '../../core/records/records-sheet';

/** A delivered submission to export: its receipt completes the record (承诺编码, the receiving office). */
export interface DeliveredLetter {
  readonly submissionId: string;
  readonly receipt: Receipt;
  /** Who the letter is from, to name it when its package cannot be read. */
  readonly label: string;
}

/** One year's share of the outbox: what goes into the sheet, and what is left out and why. */
export interface YearChoice {
  readonly year: number;
  readonly delivered: readonly DeliveredLetter[];
  /** Queued, sending, waiting or refused: no receipt, so no 承诺编码 and no receiving office to fill in. */
  readonly notDelivered: number;
  /** Delivered, but replaced by a delivered correction: both rows would be one commitment twice at import. */
  readonly superseded: number;
}

/** The package's manifest gives the year; a delivered entry whose details could not be read still has its receipt's. */
export function itemYear(item: OutboxItem): number | undefined {
  const state = item.entry.state;
  return item.details?.year ?? (state.status === 'delivered' ? state.receipt.year : undefined);
}

/*
 * Commitment records are made of letters: a progress report in the outbox is no commitment, and
 * reading its package as a letter's would only name it as a failure. Every function below looks at
 * the letters alone.
 */

/** The years that have any letter's submission, newest first. */
export function exportYears(items: readonly OutboxItem[]): number[] {
  const years = new Set(items.filter(isLetterItem).map(itemYear).filter((year) => year !== undefined));
  return [...years].sort((a, b) => b - a);
}

/** Submissions no year can be given to: never exported, so the screen must say they exist. */
export function unknownYearCount(items: readonly OutboxItem[]): number {
  return items.filter((item) => isLetterItem(item) && itemYear(item) === undefined).length;
}

/**
 * The year of the letter delivered last, as that is the year a clerk exporting now is most likely
 * closing; with nothing delivered, the newest year there is.
 */
export function defaultExportYear(items: readonly OutboxItem[]): number | undefined {
  let latest: { at: number; year: number } | undefined;
  for (const item of items.filter(isLetterItem)) {
    const state = item.entry.state;
    const year = itemYear(item);
    if (state.status !== 'delivered' || year === undefined) continue;
    const at = Date.parse(state.receipt.receivedAt);
    if (latest === undefined || at > latest.at) latest = { at, year };
  }
  return latest?.year ?? exportYears(items)[0];
}

export function chooseYear(items: readonly OutboxItem[], year: number): YearChoice {
  const ofYear = items.filter((item) => isLetterItem(item) && itemYear(item) === year);
  const deliveredItems = ofYear.flatMap((item) => (item.entry.state.status === 'delivered' ? [{ item, receipt: item.entry.state.receipt }] : []));
  // A correction still on its way does not replace anything yet: the letter it corrects is the one on record.
  const replaced = new Set(deliveredItems.flatMap(({ item, receipt }) => [receipt.supersedes, item.details?.supersedes]).filter((id) => id !== undefined));
  const kept = deliveredItems.filter(({ item }) => !replaced.has(item.entry.package.submissionId));
  return {
    year,
    delivered: kept.map(({ item, receipt }) => ({
      submissionId: item.entry.package.submissionId,
      receipt,
      label: item.details?.personName ?? item.details?.unitName ?? receipt.unit?.name ?? item.entry.package.submissionId,
    })),
    notDelivered: ofYear.length - deliveredItems.length,
    superseded: deliveredItems.length - kept.length,
  };
}

/** The sheet made of one year's letters; `bytes` is null when no package could be read, so there is nothing to save. */
export interface RecordsSheet {
  readonly bytes: Uint8Array | null;
  readonly records: number;
  /** Each package left out, named, in Chinese. */
  readonly failures: readonly string[];
  /** Each rule a row breaks, named by its spreadsheet row and committer, in Chinese; never an ID number. */
  readonly problems: readonly string[];
}

/**
 * Reads the delivered letters' packages one at a time (a staff batch is hundreds of them, and only
 * the records are kept), verifies each, and writes the records as the template's .xlsx. A package
 * that cannot be read or fails its check is named and left out, not the end of the export.
 */
export async function buildRecordsSheet(
  letters: readonly DeliveredLetter[],
  readPackage: (submissionId: string) => Promise<Uint8Array>,
  onProgress: (done: number) => void = () => undefined,
): Promise<RecordsSheet> {
  const records: CommitmentRecord[] = [];
  const failures: string[] = [];
  for (const [index, letter] of letters.entries()) {
    const fail = (reason: string) => failures.push(t('records.outbox.package-failed', { name: letter.label, id: letter.submissionId, reason }));
    try {
      const check = verifyPackage(await readPackage(letter.submissionId));
      if (check.ok) records.push(receivedRecord(commitmentRecord(check.letter), letter.receipt));
      else fail(check.reason);
    } catch (error) {
      fail(errorText(error));
    }
    onProgress(index + 1);
  }
  // Row 1 is the header, so the first record is row 2, as the spreadsheet shows it.
  const problems = records.flatMap((record, index) =>
    recordProblems(record).map((problem) => t('records.outbox.row-problem', { line: index + 2, name: record.承诺人名称, reason: problem.message })),
  );
  return { bytes: records.length === 0 ? null : await recordsXlsx(records), records: records.length, failures, problems };
}
