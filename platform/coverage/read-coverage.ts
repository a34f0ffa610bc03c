import type { Coverage } from '../../core/protocol/reference-protocol';
import type { PlatformStore } from '../store/platform-store';
import { computeCoverage } from './compute-coverage';
import { beijingDay } from './coverage-year';

/** The year's coverage from what the store holds now. */
export async function readCoverage(store: PlatformStore, year: number, now: Date): Promise<Coverage> {
  const [roster, submissions] = await Promise.all([store.roster.list(), store.submissions.list({ year })]);
  return computeCoverage({ roster, submissions, year, today: beijingDay(now) });
}
