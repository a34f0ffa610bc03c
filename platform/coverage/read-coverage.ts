import type { Coverage } from '../../core/protocol/reference-protocol';
import { yearFulfilment, type YearFulfilment } from '../progress/unit-fulfilment';
import type { PlatformStore, RosterUnit, StoredProgress, StoredSubmission } from '../store/platform-store';
import { computeCoverage } from './compute-coverage';
import { beijingDay } from './coverage-year';

/**
 * What GET /coverage answers: the protocol's figures (`CoverageSchema`, whose readers pass over
 * keys they do not know) and, beside them, the year's fulfilment per unit from the progress reports.
 */
// The platform always answers with `fulfilment`; its shape is the protocol's, checked here.
export type PlatformCoverage = Coverage & { readonly fulfilment: YearFulfilment & NonNullable<Coverage['fulfilment']> };

/** What the year's figures are made from, read once for the JSON and the dashboard alike. */
export interface YearRecords {
  readonly roster: readonly RosterUnit[];
  readonly submissions: readonly StoredSubmission[];
  readonly reports: readonly StoredProgress[];
}

export async function readYear(store: PlatformStore, year: number): Promise<YearRecords> {
  const [roster, submissions, reports] = await Promise.all([store.roster.list(), store.submissions.list({ year }), store.progress.listOfYear(year)]);
  return { roster, submissions, reports };
}

export function platformCoverage(records: YearRecords, year: number, now: Date): PlatformCoverage {
  return { ...computeCoverage({ ...records, year, today: beijingDay(now) }), fulfilment: yearFulfilment({ ...records, year }) };
}

/** The year's coverage from what the store holds now. */
export async function readCoverage(store: PlatformStore, year: number, now: Date): Promise<PlatformCoverage> {
  return platformCoverage(await readYear(store, year), year, now);
}
