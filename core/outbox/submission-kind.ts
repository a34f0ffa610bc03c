import type { OutboxItem } from './outbox-item';

/*
 * The outbox holds two kinds of submission: letters and progress reports of delivered letters.
 * Everything made of a letter's content (commitment records, publication, service cards, the
 * one-letter-per-unit-and-year check) must skip the reports, which only share the unit and year.
 */

/** The letter a progress report is of and its period; undefined for a letter's package. */
export function progressOf(item: Pick<OutboxItem, 'details'>): { readonly letterSubmissionId: string; readonly period: string } | undefined {
  return item.details?.progress;
}

/**
 * Whether an entry is a letter's package. An entry whose details could not be read counts as a
 * letter, as every entry did before reports: its package is then named where reading it fails.
 *
 * @example snapshot.items.filter(isLetterItem)
 */
export function isLetterItem(item: Pick<OutboxItem, 'details'>): boolean {
  return progressOf(item) === undefined;
}
