import { letterFromTemplate, type TemplateKey } from '../../core/letter/templates';
import type { DraftRecord, PledgeDatabase } from './draft-db';

/** Drafts as the UI needs them; Dexie stays behind this interface. */
export interface DraftStore {
  createFromTemplate(templateKey: TemplateKey, now: Date): Promise<DraftRecord>;
  get(id: string): Promise<DraftRecord | undefined>;
  /** Replaces the letter of a draft as typed (valid or not) and stamps the time. */
  updateLetter(id: string, letter: unknown, now: Date): Promise<void>;
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
    async updateLetter(id, letter, now) {
      await db.drafts.update(id, { letter, updatedAt: now.getTime() });
    },
    list: () => db.drafts.orderBy('updatedAt').reverse().toArray(),
  };
}
