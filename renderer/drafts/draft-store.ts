import { letterFromTemplate, type TemplateKey } from '../../core/letter/templates';
import type { DraftRecord, PledgeDatabase } from './draft-db';

/** Drafts as the UI needs them; Dexie stays behind this interface. */
export interface DraftStore {
  createFromTemplate(templateKey: TemplateKey, now: Date): Promise<DraftRecord>;
  get(id: string): Promise<DraftRecord | undefined>;
  /** Newest first. */
  list(): Promise<DraftRecord[]>;
}

export function createDraftStore(db: PledgeDatabase, newId: () => string = () => crypto.randomUUID()): DraftStore {
  return {
    async createFromTemplate(templateKey, now) {
      const record: DraftRecord = {
        id: newId(),
        letter: letterFromTemplate(templateKey, { year: now.getFullYear() }),
        templateKey,
        status: 'draft',
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      };
      await db.drafts.add(record);
      return record;
    },
    get: (id) => db.drafts.get(id),
    list: () => db.drafts.orderBy('updatedAt').reverse().toArray(),
  };
}
