import type { ItemStatus } from '../../core/progress/progress-schema';
import { itemOutcome, type ItemOutcome } from '../../core/progress/item-outcome';

/**
 * How the platform counts a progress report's items, once for every place that shows a
 * fulfilment rate (GET /coverage, the dashboard, the public column), each item by its outcome
 * (core/progress/item-outcome.ts). Pure.
 */
export interface FulfilmentTally {
  readonly items: number;
  readonly kept: number;
  readonly inProgress: number;
  readonly notKept: number;
  /** kept ÷ items; null when there is no item to count (no report), which is not 0 %. */
  readonly rate: number | null;
}

export const NO_ITEMS: FulfilmentTally = { items: 0, kept: 0, inProgress: 0, notKept: 0, rate: null };

/**
 * The items of one report, counted.
 *
 * @example tallyItems([{ status: '已兑现' }, { status: '已调整' }]) // { items: 2, kept: 1, inProgress: 0, notKept: 1, rate: 0.5 }
 */
export function tallyItems(items: readonly { readonly status: ItemStatus }[]): FulfilmentTally {
  const count = (outcome: ItemOutcome) => items.filter((item) => itemOutcome(item.status) === outcome).length;
  return withRate(items.length, count('kept'), count('inProgress'), count('notKept'));
}

/** Several reports' counts as one (a unit's letters, the whole year). */
export function sumTallies(tallies: readonly FulfilmentTally[]): FulfilmentTally {
  const sum = (key: 'items' | 'kept' | 'inProgress' | 'notKept') => tallies.reduce((total, tally) => total + tally[key], 0);
  return withRate(sum('items'), sum('kept'), sum('inProgress'), sum('notKept'));
}

function withRate(items: number, kept: number, inProgress: number, notKept: number): FulfilmentTally {
  return { items, kept, inProgress, notKept, rate: items === 0 ? null : kept / items };
}
