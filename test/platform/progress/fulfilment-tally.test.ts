import { describe, expect, it } from 'vitest';
import { ITEM_STATUSES } from '../../../core/progress/progress-schema';
import { fulfilmentState } from '../../../core/records/fulfilment-record';
import { itemOutcome } from '../../../core/progress/item-outcome';
import { NO_ITEMS, sumTallies, tallyItems } from '../../../platform/progress/fulfilment-tally';

describe('counting a report’s items', () => {
  it('puts every status in one of three outcomes: 已兑现 kept, 未启动 and 推进中 in progress, 未兑现 and 已调整 not kept', () => {
    expect(Object.fromEntries(ITEM_STATUSES.map((status) => [status, itemOutcome(status)]))).toEqual({
      未启动: 'inProgress',
      推进中: 'inProgress',
      已兑现: 'kept',
      未兑现: 'notKept',
      已调整: 'notKept',
    });
  });

  it('counts as kept exactly what the year-end record counts as kept', () => {
    for (const status of ITEM_STATUSES) expect(itemOutcome(status) === 'kept', status).toBe(fulfilmentState([{ status }]) === '全部履行');
  });

  it('gives the rate as kept ÷ items', () => {
    expect(tallyItems([{ status: '已兑现' }, { status: '推进中' }, { status: '未启动' }, { status: '已调整' }])).toEqual({ items: 4, kept: 1, inProgress: 2, notKept: 1, rate: 0.25 });
    expect(tallyItems([{ status: '已兑现' }]).rate).toBe(1);
    expect(tallyItems([{ status: '未兑现' }]).rate).toBe(0);
  });

  it('has no rate, rather than 0 %, when there is nothing to count', () => {
    expect(tallyItems([])).toEqual(NO_ITEMS);
    expect(NO_ITEMS.rate).toBeNull();
    expect(sumTallies([])).toEqual(NO_ITEMS);
  });

  it('adds reports up item by item, not by averaging their rates', () => {
    const one = tallyItems([{ status: '已兑现' }]);
    const four = tallyItems([{ status: '未兑现' }, { status: '未兑现' }, { status: '推进中' }, { status: '已兑现' }]);
    expect(sumTallies([one, four])).toEqual({ items: 5, kept: 2, inProgress: 1, notKept: 2, rate: 0.4 });
  });
});
