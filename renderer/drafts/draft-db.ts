import Dexie, { type EntityTable } from 'dexie';
import type { TemplateKey } from '../../core/letter/templates';

/**
 * A letter being written. `letter` holds what the person typed, which may not be valid yet,
 * so it is stored as plain JSON and validated when read.
 */
export interface DraftRecord {
  readonly id: string;
  readonly letter: unknown;
  readonly templateKey: TemplateKey;
  readonly status: 'draft';
  readonly createdAt: number;
  readonly updatedAt: number;
}

export const DATABASE_NAME = 'pledge-desk';

/** The drafts database. Every schema change adds a version here together with its migration test. */
export class PledgeDatabase extends Dexie {
  drafts!: EntityTable<DraftRecord, 'id'>;

  constructor(name = DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // 'strict' makes Chromium flush each commit to disk, so a power cut loses nothing committed.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ drafts: 'id, updatedAt, status' });
  }
}
