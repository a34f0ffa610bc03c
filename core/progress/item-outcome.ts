import type { ItemStatus } from './progress-schema';

/**
 * What an item's status comes to when progress is counted: once for every place that counts it
 * (the platform's fulfilment rate, the dashboard, the public column; the year-end record's state
 * in core/records/fulfilment-record.ts counts 已兑现 the same way).
 *
 * 已调整 counts as not kept, as the year-end record counts it: a changed item was not kept as
 * committed, and a rate that took it for kept would say more than the unit did.
 *
 * @example itemOutcome('已调整') // 'notKept'
 */
export type ItemOutcome = 'kept' | 'inProgress' | 'notKept';

const OUTCOMES: Readonly<Record<ItemStatus, ItemOutcome>> = {
  已兑现: 'kept',
  未启动: 'inProgress',
  推进中: 'inProgress',
  未兑现: 'notKept',
  已调整: 'notKept',
};

export function itemOutcome(status: ItemStatus): ItemOutcome {
  return OUTCOMES[status];
}
