import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { batchProgress } from '../../../core/batch/batch-progress';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import type { PostType, StaffMember } from '../../../core/staff/staff-member';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createBatchStore, type BatchLetter } from '../../../renderer/store/batch-store';
import { createDraftStore } from '../../../renderer/store/draft-store';
import { ownLetter } from '../../support/letter-fixtures';

const NOW = new Date('2026-04-01T01:00:00Z');
const POSTS: readonly PostType[] = ['window', 'enforcement', 'other'];
const ID_NUMBER = '11010519491231002X';

function setup(newId?: () => string) {
  const factory = new IDBFactory();
  let counter = 0;
  const ids = newId ?? (() => `id-${String(++counter).padStart(5, '0')}`);
  const db = new PledgeDatabase('pledge-desk-batches', { indexedDB: factory, IDBKeyRange });
  return { db, batches: createBatchStore(db, ids), drafts: createDraftStore(db, ids) };
}

/** `count` members from row 3 on, each with the personal letter made for them. */
function roster(count: number): BatchLetter[] {
  return Array.from({ length: count }, (_, i) => {
    const member: StaffMember = { row: i + 3, name: `职员${i + 1}`, position: '科员', department: '综合办', postType: POSTS[i % 3]!, idNumber: ID_NUMBER };
    const letter = ownLetter('person');
    const person = letter.kind === 'person' ? letter.person : undefined;
    return { member, letter: { ...letter, person: { ...person, name: member.name, idNumber: ID_NUMBER } } };
  });
}

const newBatch = (count: number) => ({ title: '2026年度公职人员承诺书', year: 2026, sourceName: '人员名单.xlsx', letters: roster(count), refused: [{ row: 2, message: '第 2 行：没有姓名。' }] });

describe('the batch store', () => {
  it('creates a batch of 200 with one draft per member, each letter as given, the ID number only in the letter', async () => {
    const { db, batches, drafts } = setup();
    const batch = await batches.create(newBatch(200), NOW);
    expect(batch.members).toHaveLength(200);
    expect(JSON.stringify(await db.batches.get(batch.id))).not.toContain(ID_NUMBER);
    const read = await batches.get(batch.id);
    expect(read?.drafts.size).toBe(200);
    const listing = await drafts.list();
    expect(listing.drafts).toHaveLength(200);
    expect(listing.drafts.every((d) => d.batchId === batch.id && d.templateKey === 'person' && d.status === 'draft')).toBe(true);
    const member = batch.members[41]!;
    expect(member).toMatchObject({ row: 44, name: '职员42', postType: POSTS[41 % 3] });
    expect(await drafts.letter(member.draftId)).toMatchObject({ person: { name: '职员42', idNumber: ID_NUMBER } });
    expect((await drafts.history(member.draftId)).map((s) => s.reason)).toEqual(['created']);
    expect(batchProgress(read!.batch, read!.drafts, null).counts).toEqual({ people: 201, drafted: 200, inReview: 0, approved: 0, signed: 0, delivered: 0 });
    db.close();
  });

  it('writes all or nothing: a failure at the 150th draft leaves no batch, no draft, no letter and no snapshot', async () => {
    let counter = 0;
    // Draft ids repeat from the 150th on, so that draft's add fails inside the transaction.
    const { db, batches } = setup(() => `id-${Math.min(++counter, 450)}`);
    await expect(batches.create(newBatch(200), NOW)).rejects.toThrow();
    expect([await db.batches.count(), await db.drafts.count(), await db.letters.count(), await db.snapshots.count()]).toEqual([0, 0, 0, 0]);
    db.close();
  });

  it('lists batches newest first and reads each with the state of its own drafts only', async () => {
    const { db, batches, drafts } = setup();
    const first = await batches.create(newBatch(3), NOW);
    const second = await batches.create(newBatch(2), new Date(NOW.getTime() + 60_000));
    await drafts.createFromTemplate('service', NOW);
    expect((await batches.list()).batches.map((b) => b.id)).toEqual([second.id, first.id]);
    expect((await batches.get(first.id))?.drafts.size).toBe(3);
    expect(await batches.get('nope')).toBeUndefined();
    db.close();
  });

  it('follows each draft through review and signing: only a signed copy of the current approval counts', async () => {
    const { db, batches, drafts } = setup();
    const batch = await batches.create(newBatch(3), NOW);
    const [a, b] = batch.members.map((m) => m.draftId);
    for (const id of [a!, b!]) {
      const pdf = new TextEncoder().encode(`%PDF-1.7\n${id}\n%%EOF`);
      const letter = await drafts.letter(id);
      const sha = await drafts.submitForReview(id, pdf, NOW, letter);
      expect(sha).toBe(sha256Hex(pdf));
      await drafts.decide(id, { kind: 'approved', by: '孙海涛', at: NOW.getTime() + 1, pdfSha256: sha });
    }
    await drafts.addAttachment(a!, { name: '签章件.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) }, NOW);
    let read = await batches.get(batch.id);
    expect(read?.drafts.get(a!)?.signedCopies).toBe(1);
    expect(batchProgress(read!.batch, read!.drafts, null).counts).toMatchObject({ drafted: 3, approved: 2, signed: 1 });
    await drafts.reopen(a!, NOW);
    read = await batches.get(batch.id);
    expect(read?.drafts.get(a!)?.signedCopies).toBe(0);
    expect(batchProgress(read!.batch, read!.drafts, null).counts).toMatchObject({ approved: 1, signed: 0 });
    db.close();
  });
});
