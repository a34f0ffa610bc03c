import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { PledgeDatabase } from '../../../renderer/drafts/draft-db';
import { createDraftStore } from '../../../renderer/drafts/draft-store';
import { summarizeDraft } from '../../../renderer/drafts/draft-summary';

/** A fresh in-memory IndexedDB per test; reopening the same factory is a restart of the app. */
function openDatabase(indexedDB: IDBFactory) {
  return new PledgeDatabase('pledge-desk-test', { indexedDB, IDBKeyRange });
}

let counter = 0;
const newId = () => `draft-${++counter}`;

describe('draft store', () => {
  it('creates a draft from a template and finds it after the database is reopened', async () => {
    const factory = new IDBFactory();
    const first = openDatabase(factory);
    const created = await createDraftStore(first, newId).createFromTemplate('service', new Date('2026-03-01T10:00:00+08:00'));
    first.close();

    const reopened = openDatabase(factory);
    const found = await createDraftStore(reopened, newId).get(created.id);
    expect(found).toEqual(created);
    expect(found?.letter).toMatchObject({ kind: 'unit', year: 2026, unit: { name: '青山县政务服务中心' } });
    reopened.close();
  });

  it('lists the newest draft first', async () => {
    const db = openDatabase(new IDBFactory());
    const store = createDraftStore(db, newId);
    const older = await store.createFromTemplate('policy', new Date('2026-03-01T10:00:00Z'));
    const newer = await store.createFromTemplate('person', new Date('2026-03-02T10:00:00Z'));
    expect((await store.list()).map((d) => d.id)).toEqual([newer.id, older.id]);
    db.close();
  });
});

describe('summarizeDraft', () => {
  it('summarises a valid draft', async () => {
    const db = openDatabase(new IDBFactory());
    const draft = await createDraftStore(db, newId).createFromTemplate('person', new Date('2026-03-01T10:00:00Z'));
    expect(summarizeDraft(draft)).toMatchObject({ unitName: '李明', year: '2026', itemCount: 4, errors: [], warnings: [] });
    db.close();
  });

  it('never throws on a damaged draft and reports what is wrong', () => {
    const damaged = { id: 'x', letter: { unit: 'oops', items: 'none' }, templateKey: 'duty' as const, status: 'draft' as const, createdAt: 0, updatedAt: 0 };
    const summary = summarizeDraft(damaged);
    expect(summary).toMatchObject({ unitName: '（未填写单位）', year: '', itemCount: 0 });
    expect(summary.errors.length).toBeGreaterThan(0);
    expect(summarizeDraft({ ...damaged, letter: null }).errors[0]?.path).toBe('$');
  });
});
