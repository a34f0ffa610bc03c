import type { OriginBatch, OutboxItem } from './outbox-item';

/**
 * The outbox list with each staff batch's letters under one heading: a batch of 200 people is
 * 200 submissions, each with its own receipt, but one thing the clerk follows. Items of no batch
 * (unit letters, imports, entries from before batches) stay rows of their own.
 */
export type OutboxRow = { readonly kind: 'single'; readonly item: OutboxItem } | { readonly kind: 'batch'; readonly batch: OriginBatch; readonly items: readonly OutboxItem[]; readonly tally: BatchTally };

/**
 * Where a batch's submissions stand, each counted once. Only `delivered` has a receipt; `pending`
 * (queued or waiting for a retry) has not reached the platform, so nothing but `delivered` may be
 * worded as sent.
 */
export interface BatchTally {
  readonly total: number;
  readonly delivered: number;
  readonly sending: number;
  readonly pending: number;
  readonly rejected: number;
}

/** The batch an item was packed for, if any; a progress report belongs to none (its origin is never `app`). */
export function batchOf(item: OutboxItem): OriginBatch | undefined {
  const origin = item.details?.origin;
  return origin?.kind === 'app' ? origin.batch : undefined;
}

/**
 * Rows in the order of `items`: a batch stands where its first item stands, its items in their
 * own order. Batches are told apart by id; the title shown is the first item's.
 *
 * @example groupByBatch([single, ofBatchA, ofBatchA]) // [{ kind: 'single' }, { kind: 'batch', items: [2 items] }]
 */
export function groupByBatch(items: readonly OutboxItem[]): OutboxRow[] {
  const rows: ({ kind: 'single'; item: OutboxItem } | { kind: 'batch'; batch: OriginBatch; items: OutboxItem[] })[] = [];
  const groups = new Map<string, { kind: 'batch'; batch: OriginBatch; items: OutboxItem[] }>();
  for (const item of items) {
    const batch = batchOf(item);
    if (!batch) {
      rows.push({ kind: 'single', item });
      continue;
    }
    let group = groups.get(batch.id);
    if (!group) {
      group = { kind: 'batch', batch, items: [] };
      groups.set(batch.id, group);
      rows.push(group);
    }
    group.items.push(item);
  }
  return rows.map((row) => (row.kind === 'single' ? row : { ...row, tally: tallyOf(row.items) }));
}

export function tallyOf(items: readonly OutboxItem[]): BatchTally {
  const tally = { total: items.length, delivered: 0, sending: 0, pending: 0, rejected: 0 };
  for (const { entry } of items) {
    const { state } = entry;
    if (state.status === 'delivered') tally.delivered += 1;
    else if (state.status === 'rejected') tally.rejected += 1;
    else if (state.status === 'sending') tally.sending += 1;
    // Queued, or waiting for its retry: not at the platform yet.
    else tally.pending += 1;
  }
  return tally;
}
