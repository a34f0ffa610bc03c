import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DraftRecordSchema, type ReviewDecision } from '../../../core/drafts/draft-record';
import { summarizeLetter } from '../../../core/drafts/summarize-letter';
import { letterFromTemplate, TEMPLATE_KEYS, type TemplateKey, type TemplateOptions } from '../../../core/letter/templates';
import { applyProfile } from '../../../core/profile/apply-profile';
import { buildPackage } from '../../../core/package/build-package';
import { verifyPackage } from '../../../core/package/verify-package';
import { PNG } from '../../support/package-fixtures';
import { OWN_UNIT, ownLetter } from '../../support/letter-fixtures';
import type { UnitProfile } from '../../../core/profile/unit-profile';
import { PledgeDatabase } from '../../../renderer/store/database';
import { AUTOSAVE_SNAPSHOT_MS } from '../../../core/drafts/workflow';
import { createDraftStore, DraftStateError } from '../../../renderer/store/draft-store';

const DB_NAME = 'pledge-desk-test';
/** The unit's own details, so a new letter holds no template samples and can go to review. */
const OWN_PROFILE: UnitProfile = {
  unitName: OWN_UNIT.name,
  creditCode: OWN_UNIT.creditCode,
  unitType: '事业单位',
  principalName: OWN_UNIT.principal,
  principalTitle: '主任',
  phone: OWN_UNIT.phone,
  email: OWN_UNIT.email,
  updatedAt: 1,
};
/** The letter a new draft holds: the template with the profile put in. */
const ownTemplate = (key: TemplateKey, options: TemplateOptions) => applyProfile(letterFromTemplate(key, options), OWN_PROFILE);
const BASE = Date.UTC(2026, 2, 1, 2, 0, 0);
/** A moment `minutes` after the start of the test's story. */
const at = (minutes: number) => new Date(BASE + minutes * 60_000);
const MINUTE = 60_000;

/** A fresh in-memory IndexedDB per test; reopening the same factory is a restart of the app. */
function setup() {
  const factory = new IDBFactory();
  let counter = 0;
  // Zero-padded so ids sort the way they were made.
  const newId = () => `id-${String(++counter).padStart(4, '0')}`;
  const open = () => new PledgeDatabase(DB_NAME, { indexedDB: factory, IDBKeyRange });
  const db = open();
  return { factory, db, open, newId, store: createDraftStore(db, newId) };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);

/** A letter someone has only started: no items and a credit code whose check character is wrong. */
function halfWritten(): Record<string, unknown> {
  const letter: Record<string, unknown> = { ...ownTemplate('service', { year: 2026 }) };
  delete letter['items'];
  letter['unit'] = { name: '青山县政务服务中心', creditCode: '12239921401277035X' };
  return letter;
}

const approve = (pdfSha256: string, minutes: number): ReviewDecision => ({ kind: 'approved', by: '陈晓梅', at: at(minutes).getTime(), pdfSha256 });
const returnWith = (pdfSha256: string, minutes: number, comments = '第二项时限请写明工作日。'): ReviewDecision => ({ kind: 'returned', by: '陈晓梅', at: at(minutes).getTime(), pdfSha256, comments });

describe('createFromTemplate', () => {
  it('creates a draft with the template letter for the year, a summary and a created snapshot', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const letter = ownTemplate('service', { year: 2026 });

    expect(created).toEqual({
      id: 'id-0001',
      templateKey: 'service',
      status: 'draft',
      createdAt: BASE,
      updatedAt: BASE,
      summary: summarizeLetter(letter),
      lastSnapshotAt: BASE,
    });
    expect(DraftRecordSchema.parse(created)).toEqual(created);
    expect(await store.get(created.id)).toEqual(created);
    expect(await store.letter(created.id)).toEqual(letter);

    const history = await store.history(created.id);
    expect(history).toEqual([{ id: 'id-0002', draftId: created.id, at: BASE, reason: 'created', status: 'draft', letter }]);
    db.close();
  });

  it('takes the year from the date it is created', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('person', new Date('2027-01-05T09:00:00+08:00'), OWN_PROFILE);
    expect(await store.letter(created.id)).toMatchObject({ kind: 'person', year: 2027, person: { name: '李某某' } });
    // The profile is the unit's: the sample civil servant (who also signs) waits for the person's own name.
    expect(created.summary).toMatchObject({ kind: 'person', name: '李某某', year: 2027, errorCount: 2 });
    db.close();
  });

  it.each(TEMPLATE_KEYS)('creates a valid draft from template %s', async (key) => {
    const { db, store } = setup();
    const created = await store.createFromTemplate(key, at(0), OWN_PROFILE);
    expect(created.templateKey).toBe(key);
    // A personal letter still names the sample civil servant, as person and as signer.
    expect(created.summary.errorCount).toBe(key === 'person' ? 2 : 0);
    db.close();
  });

  it('finds the draft after the database is reopened', async () => {
    const { db, open, newId, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    db.close();

    const reopened = open();
    const again = createDraftStore(reopened, newId);
    expect(await again.get(created.id)).toEqual(created);
    expect(await again.letter(created.id)).toMatchObject({ kind: 'unit', year: 2026, unit: { name: OWN_UNIT.name } });
    expect((await again.history(created.id)).map((s) => s.reason)).toEqual(['created']);
    reopened.close();
  });
});

describe('duplicate', () => {
  it('makes an independent copy with its own history', async () => {
    const { db, store } = setup();
    const original = await store.createFromTemplate('policy', at(0), OWN_PROFILE);
    const copy = await store.duplicate(original.id, at(10));

    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ templateKey: 'policy', status: 'draft', createdAt: at(10).getTime(), updatedAt: at(10).getTime(), summary: original.summary });
    expect(await store.letter(copy.id)).toEqual(await store.letter(original.id));
    expect((await store.history(copy.id)).map((s) => [s.reason, s.at])).toEqual([['created', at(10).getTime()]]);

    const edited = { ...(await store.letter(copy.id) as Record<string, unknown>), year: 2030 };
    await store.updateLetter(copy.id, edited, at(11));
    expect(await store.letter(original.id)).toEqual(ownTemplate('policy', { year: 2026 }));
    expect(await store.get(original.id)).toEqual(original);
    expect((await store.history(original.id)).map((s) => s.reason)).toEqual(['created']);
    db.close();
  });

  it('copies a half-written letter as typed', async () => {
    const { db, store } = setup();
    const original = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await store.updateLetter(original.id, halfWritten(), at(1));
    const copy = await store.duplicate(original.id, at(2));
    expect(await store.letter(copy.id)).toEqual(halfWritten());
    expect(copy.summary).toEqual(summarizeLetter(halfWritten()));
    expect(copy.summary.errorCount).toBeGreaterThan(0);
    db.close();
  });

  it('does not copy the review state of an approved draft', async () => {
    const { db, store } = setup();
    const original = await store.createFromTemplate('duty', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(original.id, pdfBytes('duty'), at(1), await store.letter(original.id));
    await store.decide(original.id, approve(hash, 2));
    const copy = await store.duplicate(original.id, at(3));
    expect(copy.status).toBe('draft');
    expect(copy.review).toBeUndefined();
    db.close();
  });

  it('refuses a draft that does not exist', async () => {
    const { db, store } = setup();
    await expect(store.duplicate('missing', at(0))).rejects.toBeInstanceOf(DraftStateError);
    db.close();
  });
});

describe('updateLetter', () => {
  it('stores the letter as typed and recomputes the summary', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await store.updateLetter(created.id, halfWritten(), at(1));

    expect(await store.letter(created.id)).toEqual(halfWritten());
    const updated = await store.get(created.id);
    expect(updated).toMatchObject({ updatedAt: at(1).getTime(), createdAt: BASE, status: 'draft', summary: summarizeLetter(halfWritten()) });
    expect(updated?.summary).toMatchObject({ itemCount: 0, name: '青山县政务服务中心' });
    expect(updated?.summary.errorCount).toBeGreaterThanOrEqual(2);
    db.close();
  });

  it('accepts any value, even one that is not a letter', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await store.updateLetter(created.id, ['not', 'a', 'letter'], at(1));
    expect(await store.letter(created.id)).toEqual(['not', 'a', 'letter']);
    expect((await store.get(created.id))?.summary).toMatchObject({ kind: 'unknown', name: '', itemCount: 0 });
    expect((await store.list()).drafts).toHaveLength(1);
    db.close();
  });

  it('keeps an autosave snapshot only once AUTOSAVE_SNAPSHOT_MS have passed since the last one', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const letter = (year: number) => ({ ...ownTemplate('service', { year: 2026 }), year });

    await store.updateLetter(created.id, letter(2027), new Date(BASE + AUTOSAVE_SNAPSHOT_MS - 1));
    expect((await store.history(created.id)).map((s) => s.reason)).toEqual(['created']);
    expect((await store.get(created.id))?.lastSnapshotAt).toBe(BASE);

    await store.updateLetter(created.id, letter(2028), new Date(BASE + AUTOSAVE_SNAPSHOT_MS));
    let history = await store.history(created.id);
    expect(history.map((s) => s.reason)).toEqual(['autosave', 'created']);
    expect(history[0]).toMatchObject({ at: BASE + AUTOSAVE_SNAPSHOT_MS, status: 'draft', letter: letter(2028) });
    expect((await store.get(created.id))?.lastSnapshotAt).toBe(BASE + AUTOSAVE_SNAPSHOT_MS);

    // Counted from the last snapshot, not from the last edit.
    await store.updateLetter(created.id, letter(2029), new Date(BASE + AUTOSAVE_SNAPSHOT_MS + MINUTE));
    await store.updateLetter(created.id, letter(2030), new Date(BASE + 2 * AUTOSAVE_SNAPSHOT_MS - 1));
    expect((await store.history(created.id)).map((s) => s.reason)).toEqual(['autosave', 'created']);

    await store.updateLetter(created.id, letter(2031), new Date(BASE + 2 * AUTOSAVE_SNAPSHOT_MS));
    history = await store.history(created.id);
    expect(history.map((s) => s.reason)).toEqual(['autosave', 'autosave', 'created']);
    expect(history[0]?.letter).toEqual(letter(2031));
    expect((await store.get(created.id))?.updatedAt).toBe(BASE + 2 * AUTOSAVE_SNAPSHOT_MS);
    db.close();
  });

  it('refuses a letter in review and leaves it unchanged', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await store.submitForReview(created.id, pdfBytes('review'), at(1), await store.letter(created.id));
    const before = await store.get(created.id);

    await expect(store.updateLetter(created.id, halfWritten(), at(2))).rejects.toBeInstanceOf(DraftStateError);
    expect(await store.letter(created.id)).toEqual(ownTemplate('service', { year: 2026 }));
    expect(await store.get(created.id)).toEqual(before);
    db.close();
  });

  it('refuses an approved letter', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('review'), at(1), await store.letter(created.id));
    await store.decide(created.id, approve(hash, 2));

    await expect(store.updateLetter(created.id, halfWritten(), at(30))).rejects.toBeInstanceOf(DraftStateError);
    expect(await store.letter(created.id)).toEqual(ownTemplate('service', { year: 2026 }));
    expect((await store.get(created.id))?.status).toBe('approved');
    db.close();
  });

  it('edits a returned letter, keeping its status and review', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('review'), at(1), await store.letter(created.id));
    await store.decide(created.id, returnWith(hash, 2));
    const edited = { ...ownTemplate('service', { year: 2026 }), closing: '修改后的结束语。' };

    await store.updateLetter(created.id, edited, at(20));
    expect(await store.letter(created.id)).toEqual(edited);
    expect(await store.get(created.id)).toMatchObject({ status: 'returned', review: { pdfSha256: hash, decision: { kind: 'returned' } } });
    expect((await store.history(created.id))[0]).toMatchObject({ reason: 'autosave', status: 'returned', letter: edited });
    db.close();
  });

  it('refuses a draft that does not exist', async () => {
    const { db, store } = setup();
    await expect(store.updateLetter('missing', {}, at(0))).rejects.toBeInstanceOf(DraftStateError);
    expect(await db.letters.count()).toBe(0);
    db.close();
  });
});

describe('list', () => {
  it('is empty for a new database', async () => {
    const { db, store } = setup();
    expect(await store.list()).toEqual({ drafts: [], bin: [], unreadable: [] });
    db.close();
  });

  it('lists the most recently updated draft first', async () => {
    const { db, store } = setup();
    const a = await store.createFromTemplate('policy', at(0), OWN_PROFILE);
    const b = await store.createFromTemplate('person', at(1), OWN_PROFILE);
    const c = await store.createFromTemplate('duty', at(2), OWN_PROFILE);
    expect((await store.list()).drafts.map((d) => d.id)).toEqual([c.id, b.id, a.id]);

    await store.updateLetter(a.id, halfWritten(), at(3));
    const listing = await store.list();
    expect(listing.drafts.map((d) => d.id)).toEqual([a.id, c.id, b.id]);
    expect(listing.drafts[0]?.summary).toEqual(summarizeLetter(halfWritten()));
    db.close();
  });

  it('keeps drafts in the bin apart and brings them back', async () => {
    const { db, store } = setup();
    const kept = await store.createFromTemplate('policy', at(0), OWN_PROFILE);
    const binned = await store.createFromTemplate('person', at(1), OWN_PROFILE);

    await store.moveToBin(binned.id, at(2));
    let listing = await store.list();
    expect(listing.drafts.map((d) => d.id)).toEqual([kept.id]);
    expect(listing.bin.map((d) => d.id)).toEqual([binned.id]);
    expect(listing.bin[0]?.deletedAt).toBe(at(2).getTime());
    expect(listing.unreadable).toEqual([]);

    await store.restoreFromBin(binned.id, at(3));
    listing = await store.list();
    expect(listing.drafts.map((d) => d.id)).toEqual([binned.id, kept.id]);
    expect(listing.bin).toEqual([]);
    const restored = await store.get(binned.id);
    expect(restored).not.toHaveProperty('deletedAt');
    // Moving to the bin and back are changes: a backup from before them must not look newer.
    expect(restored).toEqual({ ...binned, updatedAt: at(3).getTime() });
    db.close();
  });

  it('orders the bin newest first too: the last one deleted on top', async () => {
    const { db, store } = setup();
    const a = await store.createFromTemplate('policy', at(0), OWN_PROFILE);
    const b = await store.createFromTemplate('duty', at(1), OWN_PROFILE);
    await store.moveToBin(b.id, at(2));
    await store.moveToBin(a.id, at(3));
    expect((await store.list()).bin.map((d) => d.id)).toEqual([a.id, b.id]);
    db.close();
  });
});

describe('purge', () => {
  it('refuses a draft that is not in the bin', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await expect(store.purge(created.id)).rejects.toBeInstanceOf(DraftStateError);
    expect(await store.get(created.id)).toEqual(created);
    expect(await store.history(created.id)).toHaveLength(1);
    db.close();
  });

  it('refuses a draft that does not exist', async () => {
    const { db, store } = setup();
    await expect(store.purge('missing')).rejects.toBeInstanceOf(DraftStateError);
    db.close();
  });

  it('removes a binned draft with its letter, history, documents and attachments, and nothing else', async () => {
    const { db, store } = setup();
    const kept = await store.createFromTemplate('policy', at(0), OWN_PROFILE);
    const gone = await store.createFromTemplate('service', at(1), OWN_PROFILE);
    for (const id of [kept.id, gone.id]) {
      const hash = await store.submitForReview(id, pdfBytes(`letter ${id}`), at(2), await store.letter(id));
      await store.decide(id, approve(hash, 3));
      await store.addAttachment(id, { name: 'signed.pdf', type: 'application/pdf', bytes: pdfBytes(`signed ${id}`) }, at(4));
    }

    await store.moveToBin(gone.id, at(5));
    await store.purge(gone.id);

    expect(await store.get(gone.id)).toBeUndefined();
    expect(await store.letter(gone.id)).toBeUndefined();
    expect(await store.history(gone.id)).toEqual([]);
    expect(await store.attachments(gone.id)).toEqual([]);
    expect(await db.snapshots.where('draftId').equals(gone.id).count()).toBe(0);
    expect(await db.documents.where('draftId').equals(gone.id).count()).toBe(0);
    expect(await store.list()).toMatchObject({ bin: [], unreadable: [] });

    expect((await store.list()).drafts.map((d) => d.id)).toEqual([kept.id]);
    expect(await store.letter(kept.id)).toEqual(ownTemplate('policy', { year: 2026 }));
    expect((await store.history(kept.id)).map((s) => s.reason)).toEqual(['approved', 'submitted', 'created']);
    expect(await store.attachments(kept.id)).toHaveLength(1);
    expect(await store.reviewDocument(kept.id)).toBeDefined();
    expect(await store.signedCopyCounts()).toEqual(new Map([[kept.id, 1]]));
    db.close();
  });

  it("keeps another draft's review document when both were submitted with the same PDF", async () => {
    const { db, store } = setup();
    const original = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const copy = await store.duplicate(original.id, at(1));
    const samePdf = pdfBytes('identical rendering');
    const hash = await store.submitForReview(original.id, samePdf, at(2), await store.letter(original.id));
    expect(await store.submitForReview(copy.id, samePdf, at(3), await store.letter(copy.id))).toBe(hash);

    await store.moveToBin(copy.id, at(4));
    await store.purge(copy.id);

    // The original is still in review on this PDF; the principal must still be able to read it.
    expect(await store.get(original.id)).toMatchObject({ status: 'in-review', review: { pdfSha256: hash } });
    expect(await store.reviewDocument(original.id)).toEqual({ bytes: samePdf, sha256: hash });
    db.close();
  });
});

describe('history', () => {
  it('lists the snapshots of one draft, newest first', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const other = await store.createFromTemplate('duty', at(0), OWN_PROFILE);
    const edited = { ...ownTemplate('service', { year: 2026 }), closing: '新的结束语。' };
    await store.updateLetter(created.id, edited, at(5));
    await store.updateLetter(created.id, ownTemplate('service', { year: 2026 }), at(10));
    const hash = await store.submitForReview(created.id, pdfBytes('x'), at(11), await store.letter(created.id));
    await store.decide(created.id, returnWith(hash, 12));

    const history = await store.history(created.id);
    expect(history.map((s) => s.reason)).toEqual(['returned', 'submitted', 'autosave', 'autosave', 'created']);
    expect(history.map((s) => s.at)).toEqual([12, 11, 10, 5, 0].map((m) => at(m).getTime()));
    expect(history.every((s) => s.draftId === created.id)).toBe(true);
    expect(history[3]?.letter).toEqual(edited);
    expect((await store.history(other.id)).map((s) => s.reason)).toEqual(['created']);
    db.close();
  });

  it('is empty for an unknown draft', async () => {
    const { db, store } = setup();
    await store.createFromTemplate('service', at(0), OWN_PROFILE);
    expect(await store.history('missing')).toEqual([]);
    db.close();
  });
});

describe('restoreSnapshot', () => {
  it('puts an old version back, keeping the current one first', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const [createdSnapshot] = await store.history(created.id);
    await store.updateLetter(created.id, halfWritten(), at(1));

    await store.restoreSnapshot(created.id, createdSnapshot!.id, at(30));
    const template = ownTemplate('service', { year: 2026 });
    expect(await store.letter(created.id)).toEqual(template);
    expect(await store.get(created.id)).toEqual({
      ...created,
      summary: summarizeLetter(template),
      updatedAt: at(30).getTime(),
      lastSnapshotAt: at(30).getTime(),
    });

    const history = await store.history(created.id);
    expect(history.map((s) => s.reason)).toEqual(['restored', 'before-restore', 'created']);
    expect(history[0]).toMatchObject({ status: 'draft', letter: template });
    expect(history[0]!.at).toBeGreaterThan(history[1]!.at);
    expect(history[1]).toMatchObject({ at: at(30).getTime(), status: 'draft', letter: halfWritten() });
    db.close();
  });

  it('can undo a restore from the before-restore snapshot', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const [createdSnapshot] = await store.history(created.id);
    await store.updateLetter(created.id, halfWritten(), at(1));
    await store.restoreSnapshot(created.id, createdSnapshot!.id, at(2));
    const beforeRestore = (await store.history(created.id)).find((s) => s.reason === 'before-restore')!;

    await store.restoreSnapshot(created.id, beforeRestore.id, at(3));
    expect(await store.letter(created.id)).toEqual(halfWritten());
    expect((await store.get(created.id))?.summary).toEqual(summarizeLetter(halfWritten()));
    db.close();
  });

  it('sets a returned draft back to draft and clears its review, keeping the review in the before-restore snapshot', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const [createdSnapshot] = await store.history(created.id);
    const hash = await store.submitForReview(created.id, pdfBytes('x'), at(1), await store.letter(created.id));
    await store.decide(created.id, returnWith(hash, 2));
    const returned = await store.get(created.id);

    await store.restoreSnapshot(created.id, createdSnapshot!.id, at(3));
    const restored = await store.get(created.id);
    expect(restored?.status).toBe('draft');
    expect(restored).not.toHaveProperty('review');
    expect(DraftRecordSchema.parse(restored)).toEqual(restored);

    const [restoredSnapshot, beforeRestore] = await store.history(created.id);
    expect(restoredSnapshot).toMatchObject({ reason: 'restored', status: 'draft' });
    expect(restoredSnapshot?.review).toBeUndefined();
    expect(beforeRestore).toMatchObject({ reason: 'before-restore', status: 'returned', review: returned?.review });
    db.close();
  });

  it('refuses a snapshot of another draft and changes nothing', async () => {
    const { db, store } = setup();
    const a = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const b = await store.createFromTemplate('person', at(0), OWN_PROFILE);
    const [snapshotOfB] = await store.history(b.id);

    await expect(store.restoreSnapshot(a.id, snapshotOfB!.id, at(1))).rejects.toBeInstanceOf(DraftStateError);
    await expect(store.restoreSnapshot(a.id, 'missing', at(1))).rejects.toBeInstanceOf(DraftStateError);
    expect(await store.letter(a.id)).toEqual(ownTemplate('service', { year: 2026 }));
    expect(await store.get(a.id)).toEqual(a);
    expect(await store.history(a.id)).toHaveLength(1);
    db.close();
  });
});

describe('submitForReview', () => {
  it('refuses a letter with errors and stores nothing', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await store.updateLetter(created.id, halfWritten(), at(1));

    await expect(store.submitForReview(created.id, pdfBytes('x'), at(2), await store.letter(created.id))).rejects.toBeInstanceOf(DraftStateError);
    const draft = await store.get(created.id);
    expect(draft?.status).toBe('draft');
    expect(draft?.review).toBeUndefined();
    expect(await db.documents.count()).toBe(0);
    expect((await store.history(created.id)).map((s) => s.reason)).toEqual(['created']);
    db.close();
  });

  it('freezes the letter and stores the PDF under its SHA-256', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const pdf = pdfBytes('青山县政务服务中心 2026');
    const hash = await store.submitForReview(created.id, pdf, at(5), await store.letter(created.id));

    expect(hash).toBe(sha256(pdf));
    const document = await db.documents.get([created.id, hash]);
    expect(document).toMatchObject({ sha256: hash, draftId: created.id, createdAt: at(5).getTime() });
    expect(document?.bytes).toEqual(pdf);
    expect(sha256(document!.bytes)).toBe(hash);

    const draft = await store.get(created.id);
    expect(draft).toMatchObject({ status: 'in-review', updatedAt: at(5).getTime(), lastSnapshotAt: at(5).getTime() });
    expect(DraftRecordSchema.parse(draft)).toEqual(draft);
    const [frozen] = await store.history(created.id);
    expect(draft?.review).toEqual({ snapshotId: frozen?.id, pdfSha256: hash, submittedAt: at(5).getTime() });
    expect(frozen).toMatchObject({ reason: 'submitted', status: 'in-review', at: at(5).getTime(), letter: ownTemplate('service', { year: 2026 }), review: draft?.review });
    db.close();
  });

  it('refuses a letter already in review or approved', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('first'), at(1), await store.letter(created.id));
    await expect(store.submitForReview(created.id, pdfBytes('second'), at(2), await store.letter(created.id))).rejects.toBeInstanceOf(DraftStateError);
    expect((await store.get(created.id))?.review?.pdfSha256).toBe(hash);
    expect(await db.documents.count()).toBe(1);

    await store.decide(created.id, approve(hash, 3));
    await expect(store.submitForReview(created.id, pdfBytes('third'), at(4), await store.letter(created.id))).rejects.toBeInstanceOf(DraftStateError);
    expect((await store.get(created.id))?.status).toBe('approved');
    db.close();
  });

  it('accepts a returned letter again with a new PDF, dropping the old decision', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const first = await store.submitForReview(created.id, pdfBytes('first'), at(1), await store.letter(created.id));
    await store.decide(created.id, returnWith(first, 2));
    const second = await store.submitForReview(created.id, pdfBytes('second'), at(3), await store.letter(created.id));

    expect(second).not.toBe(first);
    const draft = await store.get(created.id);
    expect(draft).toMatchObject({ status: 'in-review', review: { pdfSha256: second, submittedAt: at(3).getTime() } });
    expect(draft?.review?.decision).toBeUndefined();
    db.close();
  });

  it('refuses a draft that does not exist', async () => {
    const { db, store } = setup();
    await expect(store.submitForReview('missing', pdfBytes('x'), at(0), await store.letter('missing'))).rejects.toBeInstanceOf(DraftStateError);
    expect(await db.documents.count()).toBe(0);
    db.close();
  });
});

describe('reviewDocument', () => {
  it('is undefined before submission', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    expect(await store.reviewDocument(created.id)).toBeUndefined();
    db.close();
  });

  it('returns the frozen PDF and its hash', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const pdf = pdfBytes('frozen');
    const hash = await store.submitForReview(created.id, pdf, at(1), await store.letter(created.id));
    expect(await store.reviewDocument(created.id)).toEqual({ bytes: pdf, sha256: hash });
    db.close();
  });

  it('refuses bytes that no longer match the hash, or a missing document', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('frozen'), at(1), await store.letter(created.id));

    await db.documents.update([created.id, hash], { bytes: pdfBytes('tampered') });
    expect(await store.reviewDocument(created.id)).toBeUndefined();
    await db.documents.delete([created.id, hash]);
    expect(await store.reviewDocument(created.id)).toBeUndefined();
    db.close();
  });
});

describe('decide', () => {
  it('approves the PDF that was submitted', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('x'), at(1), await store.letter(created.id));
    const decision = approve(hash, 60);
    await store.decide(created.id, decision);

    const draft = await store.get(created.id);
    expect(draft).toMatchObject({ status: 'approved', updatedAt: decision.at, lastSnapshotAt: decision.at });
    expect(draft?.review).toMatchObject({ pdfSha256: hash, submittedAt: at(1).getTime(), decision });
    expect(DraftRecordSchema.parse(draft)).toEqual(draft);
    const [snapshot] = await store.history(created.id);
    expect(snapshot).toMatchObject({ reason: 'approved', status: 'approved', at: decision.at, review: draft?.review, letter: ownTemplate('service', { year: 2026 }) });
    expect((await store.list()).unreadable).toEqual([]);
    db.close();
  });

  it('refuses an approval of a different PDF and changes nothing', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await store.submitForReview(created.id, pdfBytes('submitted'), at(1), await store.letter(created.id));
    const before = await store.get(created.id);

    await expect(store.decide(created.id, approve(sha256(pdfBytes('something else')), 2))).rejects.toBeInstanceOf(DraftStateError);
    expect(await store.get(created.id)).toEqual(before);
    expect((await store.history(created.id)).map((s) => s.reason)).toEqual(['submitted', 'created']);
    db.close();
  });

  it('refuses an approval when the frozen PDF has been damaged since it was shown', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('submitted'), at(1), await store.letter(created.id));
    await db.documents.update([created.id, hash], { bytes: pdfBytes('damaged') });
    await expect(store.decide(created.id, approve(hash, 2))).rejects.toBeInstanceOf(DraftStateError);
    expect((await store.get(created.id))?.status).toBe('in-review');
    db.close();
  });

  it('returns a letter with comments', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('x'), at(1), await store.letter(created.id));
    await store.decide(created.id, returnWith(hash, 2, '请补充监督电话。'));

    const draft = await store.get(created.id);
    expect(draft?.status).toBe('returned');
    expect(draft?.review?.decision).toEqual({ kind: 'returned', by: '陈晓梅', at: at(2).getTime(), pdfSha256: hash, comments: '请补充监督电话。' });
    expect((await store.history(created.id))[0]).toMatchObject({ reason: 'returned', status: 'returned', review: draft?.review });
    db.close();
  });

  it('refuses a letter that is not in review', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await expect(store.decide(created.id, approve(sha256(pdfBytes('x')), 1))).rejects.toBeInstanceOf(DraftStateError);

    const hash = await store.submitForReview(created.id, pdfBytes('x'), at(2), await store.letter(created.id));
    await store.decide(created.id, approve(hash, 3));
    await expect(store.decide(created.id, returnWith(hash, 4))).rejects.toBeInstanceOf(DraftStateError);
    expect((await store.get(created.id))?.status).toBe('approved');
    await expect(store.decide('missing', approve(hash, 5))).rejects.toBeInstanceOf(DraftStateError);
    db.close();
  });
});

describe('submitEachForReview', () => {
  it('freezes several letters with their own PDFs in one go, and leaves out the one edited since it was rendered', async () => {
    const { db, store } = setup();
    const drafts = [await store.createFromTemplate('service', at(0), OWN_PROFILE), await store.createFromTemplate('duty', at(0), OWN_PROFILE)];
    const rendered = await Promise.all(drafts.map(async (d, i) => ({ id: d.id, pdf: pdfBytes(`letter ${i}`), renderedFrom: await store.letter(d.id) })));
    await store.updateLetter(drafts[1]!.id, halfWritten(), at(1));

    const refused = await store.submitEachForReview(rendered, at(2));
    expect([...refused.keys()]).toEqual([drafts[1]!.id]);
    expect((await store.get(drafts[0]!.id))?.review).toMatchObject({ pdfSha256: sha256(rendered[0]!.pdf), submittedAt: at(2).getTime() });
    expect((await store.reviewDocument(drafts[0]!.id))?.bytes).toEqual(rendered[0]!.pdf);
    expect((await store.get(drafts[1]!.id))?.status).toBe('draft');
    db.close();
  });
});

describe('decideEach', () => {
  it('approves several letters in one go, each bound to its own PDF, and answers the one that no longer fits with why', async () => {
    const { db, store } = setup();
    const ids: string[] = [];
    const hashes: string[] = [];
    for (const key of ['service', 'duty', 'service'] as const) {
      const created = await store.createFromTemplate(key, at(0), OWN_PROFILE);
      ids.push(created.id);
      hashes.push(await store.submitForReview(created.id, pdfBytes(`letter ${ids.length}`), at(1), await store.letter(created.id)));
    }
    // The second letter was reopened after the list was shown: its approval must not land.
    await store.reopen(ids[1]!, at(2));
    const before = await store.get(ids[1]!);

    const refused = await store.decideEach(ids.map((id, i) => ({ id, decision: approve(hashes[i]!, 3) })));
    expect([...refused.keys()]).toEqual([ids[1]]);
    expect(refused.get(ids[1]!)).toMatch(/[\u4e00-\u9fff]/);
    expect((await store.get(ids[0]!))?.review).toMatchObject({ pdfSha256: hashes[0], decision: approve(hashes[0]!, 3) });
    expect((await store.get(ids[2]!))?.review).toMatchObject({ pdfSha256: hashes[2], decision: approve(hashes[2]!, 3) });
    expect(await store.get(ids[1]!)).toEqual(before);
    // A hash that is another letter's is refused, as one approval is.
    const again = await store.createFromTemplate('service', at(4), OWN_PROFILE);
    await store.submitForReview(again.id, pdfBytes('again'), at(5), await store.letter(again.id));
    expect([...(await store.decideEach([{ id: again.id, decision: approve(hashes[0]!, 6) }])).keys()]).toEqual([again.id]);
    expect((await store.get(again.id))?.status).toBe('in-review');
    db.close();
  });
});

describe('reopen', () => {
  it('makes an approved letter editable again, keeping the approval in a reopened snapshot', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('x'), at(1), await store.letter(created.id));
    await store.decide(created.id, approve(hash, 2));
    const approved = await store.get(created.id);

    await store.reopen(created.id, at(3));
    const draft = await store.get(created.id);
    expect(draft).toMatchObject({ status: 'draft', updatedAt: at(3).getTime(), lastSnapshotAt: at(3).getTime() });
    expect(draft).not.toHaveProperty('review');
    const [snapshot] = await store.history(created.id);
    expect(snapshot).toMatchObject({ reason: 'reopened', status: 'approved', at: at(3).getTime(), review: approved?.review });
    expect(snapshot?.review?.decision?.kind).toBe('approved');

    await store.updateLetter(created.id, { ...ownTemplate('service', { year: 2026 }), closing: '改过的结束语。' }, at(4));
    expect((await store.letter(created.id)) as Record<string, unknown>).toMatchObject({ closing: '改过的结束语。' });
    // The approval does not carry over: the changed letter must be submitted again.
    const again = await store.submitForReview(created.id, pdfBytes('changed'), at(5), await store.letter(created.id));
    expect((await store.get(created.id))?.review).toEqual({ snapshotId: expect.any(String), pdfSha256: again, submittedAt: at(5).getTime() });
    db.close();
  });

  it('withdraws a letter from review', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const hash = await store.submitForReview(created.id, pdfBytes('x'), at(1), await store.letter(created.id));
    await store.reopen(created.id, at(2));
    expect((await store.get(created.id))?.status).toBe('draft');
    await expect(store.decide(created.id, approve(hash, 3))).rejects.toBeInstanceOf(DraftStateError);
    db.close();
  });
});

describe('attachments', () => {
  /** A draft approved on its first submission, ready for its signed copy. */
  async function approved(store: ReturnType<typeof setup>['store'], key: Parameters<ReturnType<typeof setup>['store']['createFromTemplate']>[0], minute: number) {
    const draft = await store.createFromTemplate(key, at(minute), OWN_PROFILE);
    const hash = await store.submitForReview(draft.id, pdfBytes(`letter ${draft.id}`), at(minute), await store.letter(draft.id));
    await store.decide(draft.id, approve(hash, minute));
    return { id: draft.id, hash };
  }

  it('adds, lists in the order added (each new one last), counts the current signed copies and removes', async () => {
    const { db, store } = setup();
    const a = await approved(store, 'service', 0);
    const b = await approved(store, 'duty', 0);
    const page2 = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 2]);
    const page1 = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1]);

    const second = await store.addAttachment(a.id, { name: '第2页.png', type: 'image/png', bytes: page2 }, at(2));
    const first = await store.addAttachment(a.id, { name: '第1页.png', type: 'image/png', bytes: page1 }, at(1));
    const signed = await store.addAttachment(b.id, { name: 'signed.pdf', type: 'application/pdf', bytes: pdfBytes('signed') }, at(3));

    // Each new copy goes after those already there, whatever its clock says; the clerk reorders them.
    expect(first).toEqual({ id: first.id, draftId: a.id, name: '第1页.png', type: 'image/png', size: 5, sha256: sha256(page1), bytes: page1, addedAt: at(1).getTime(), approvalSha256: a.hash, position: 1 });
    expect(await store.attachments(a.id)).toEqual([second, first]);
    expect(await store.attachments(b.id)).toEqual([signed]);
    expect(await store.signedCopyCounts()).toEqual(new Map([[a.id, 2], [b.id, 1]]));

    await store.removeAttachment(first.id, at(4));
    expect((await store.get(a.id))?.updatedAt).toBe(at(4).getTime());
    expect(await store.attachments(a.id)).toEqual([second]);
    expect(await store.signedCopyCounts()).toEqual(new Map([[a.id, 1], [b.id, 1]]));
    await store.removeAttachment(second.id, at(5));
    expect(await store.signedCopyCounts()).toEqual(new Map([[b.id, 1]]));
    db.close();
  });

  it('takes a signed copy only for an approved letter', async () => {
    const { db, store } = setup();
    const draft = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await expect(store.addAttachment(draft.id, { name: 'x.png', type: 'image/png', bytes: new Uint8Array([1]) }, at(1))).rejects.toThrow('批准后才能上传签字盖章件');
    await store.submitForReview(draft.id, pdfBytes('frozen'), at(1), await store.letter(draft.id));
    await expect(store.addAttachment(draft.id, { name: 'x.png', type: 'image/png', bytes: new Uint8Array([1]) }, at(2))).rejects.toBeInstanceOf(DraftStateError);
    expect(await store.attachments(draft.id)).toEqual([]);
    db.close();
  });

  it('stops counting a signed copy once the letter is reopened, and keeps it listed', async () => {
    const { db, store } = setup();
    const a = await approved(store, 'service', 0);
    await store.addAttachment(a.id, { name: 'signed.pdf', type: 'application/pdf', bytes: pdfBytes('signed') }, at(1));
    await store.reopen(a.id, at(2));
    expect(await store.signedCopyCounts()).toEqual(new Map());
    expect(await store.attachments(a.id)).toHaveLength(1);
    db.close();
  });

  it('keeps attachment bytes across a restart', async () => {
    const { db, open, newId, store } = setup();
    const created = await approved(store, 'service', 0);
    const bytes = pdfBytes('scanned');
    const added = await store.addAttachment(created.id, { name: 'scan.pdf', type: 'application/pdf', bytes }, at(1));
    db.close();

    const reopened = open();
    const [found] = await createDraftStore(reopened, newId).attachments(created.id);
    expect(found).toEqual(added);
    expect(found?.bytes).toBeInstanceOf(Uint8Array);
    expect(sha256(found!.bytes)).toBe(added.sha256);
    reopened.close();
  });

  it('packs the approved letter, its PDF and the signed copies in order, with an id and time fixed at the first packing', async () => {
    const { db, store } = setup();
    const a = await approved(store, 'service', 0);
    await expect(store.submissionInput(a.id, at(1))).rejects.toThrow('还没有上传签章件');
    await store.addAttachment(a.id, { name: '第1页.png', type: 'image/png', bytes: PNG }, at(1));
    await store.addAttachment(a.id, { name: '签署版.pdf', type: 'application/pdf', bytes: pdfBytes('signed') }, at(2));

    const first = await store.submissionInput(a.id, at(3));
    expect(first.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.createdAt).toEqual(at(3));
    expect(first.supersedes).toBeUndefined();
    expect(first.letter).toEqual(await store.letter(a.id));
    expect(sha256(first.pdf)).toBe(a.hash);
    expect(first.signed.map((s) => s.name)).toEqual(['第1页.png', '签署版.pdf']);
    expect((await store.get(a.id))?.submissions).toEqual([{ submissionId: first.submissionId, approvalSha256: a.hash, packedAt: at(3).getTime() }]);

    const again = await store.submissionInput(a.id, at(9));
    expect(buildPackage(again)).toEqual(buildPackage(first));
    expect(verifyPackage(buildPackage(first)).ok).toBe(true);
    db.close();
  });

  it('keeps the packed signed copies as they are: adding or removing one is refused with a message', async () => {
    const { db, store } = setup();
    const a = await approved(store, 'service', 0);
    const page = await store.addAttachment(a.id, { name: '第1页.png', type: 'image/png', bytes: PNG }, at(1));
    await store.submissionInput(a.id, at(2));
    await expect(store.addAttachment(a.id, { name: '第2页.png', type: 'image/png', bytes: PNG }, at(3))).rejects.toThrow('已打包报送');
    await expect(store.removeAttachment(page.id, at(3))).rejects.toBeInstanceOf(DraftStateError);
    expect(await store.attachments(a.id)).toEqual([page]);
    db.close();
  });

  it('gives a corrected letter a new submission that supersedes the one before', async () => {
    const { db, store } = setup();
    const a = await approved(store, 'service', 0);
    await store.addAttachment(a.id, { name: '第1页.png', type: 'image/png', bytes: PNG }, at(1));
    const first = await store.submissionInput(a.id, at(2));

    await store.reopen(a.id, at(3));
    const letter = { ...(await store.letter(a.id) as Record<string, unknown>), title: '更正后的承诺书' };
    await store.updateLetter(a.id, letter, at(4));
    const hash = await store.submitForReview(a.id, pdfBytes('corrected'), at(5), await store.letter(a.id));
    await store.decide(a.id, approve(hash, 6));
    // The old approval's copy does not count for the new one, and is no longer locked.
    await expect(store.submissionInput(a.id, at(7))).rejects.toBeInstanceOf(DraftStateError);
    await store.addAttachment(a.id, { name: '更正版.png', type: 'image/png', bytes: PNG }, at(7));
    const second = await store.submissionInput(a.id, at(8));
    expect(second.submissionId).not.toBe(first.submissionId);
    expect(second.supersedes).toBe(first.submissionId);
    expect(second.signed.map((s) => s.name)).toEqual(['更正版.png']);
    expect((await store.get(a.id))?.submissions?.map((s) => s.submissionId)).toEqual([first.submissionId, second.submissionId]);
    db.close();
  });

  it('refuses an attachment for a draft that does not exist', async () => {
    const { db, store } = setup();
    await expect(store.addAttachment('missing', { name: 'x.png', type: 'image/png', bytes: new Uint8Array([1]) }, at(0))).rejects.toBeInstanceOf(DraftStateError);
    expect(await store.signedCopyCounts()).toEqual(new Map());
    db.close();
  });
});

describe('submitForReview, racing an edit', () => {
  it('freezes nothing when the stored letter changed while the PDF was made', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    const rendered = await store.letter(created.id);
    await store.updateLetter(created.id, { ...(rendered as object), statement: '生成 PDF 时又改了一句。' }, at(1));
    await expect(store.submitForReview(created.id, pdfBytes('stale'), at(2), rendered)).rejects.toThrow('生成 PDF 期间内容有变化');
    expect((await store.get(created.id))?.status).toBe('draft');
    db.close();
  });
});

describe('saveLetterUrgently', () => {
  it('writes the letter, summary and time in one committed transaction', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await db.open();
    const letter = { ...((await store.letter(created.id)) as object), statement: '关窗前最后输入的正文。' };
    expect(store.saveLetterUrgently(created, letter, at(1))).toBe(true);
    // A fresh read through Dexie sees the write once it is committed.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.letter(created.id)).toEqual(letter);
    expect((await store.get(created.id))?.updatedAt).toBe(at(1).getTime());
    db.close();
  });

  it('refuses a letter under review: only an explicit reopen changes it', async () => {
    const { db, store } = setup();
    const created = await store.createFromTemplate('service', at(0), OWN_PROFILE);
    await store.submitForReview(created.id, new TextEncoder().encode('%PDF-1.7 frozen'), at(1), await store.letter(created.id));
    const frozen = (await store.get(created.id))!;
    expect(store.saveLetterUrgently(frozen, { statement: 'x' }, at(2))).toBe(false);
    expect(await store.letter(created.id)).not.toEqual({ statement: 'x' });
    db.close();
  });
});

describe('the unit profile and the next year', () => {
  const PROFILE = { unitName: '青山县白鹭乡人民政府', creditCode: '11239921003582149J', unitType: '乡镇人民政府', principalName: '周文静', principalTitle: '乡长', phone: '0458-6127788', email: 'blx@qingshan.gov.cn', updatedAt: 0 };

  it('creates unit and personal letters with the profile in place of the sample unit', async () => {
    const { db, store } = setup();
    const unit = await store.createFromTemplate('key-task', at(0), PROFILE);
    const person = await store.createFromTemplate('person', at(1), PROFILE);
    expect(await store.letter(unit.id)).toMatchObject({ unit: { name: PROFILE.unitName }, principal: { name: '周文静', title: '乡长' }, supervision: { phone: PROFILE.phone, email: PROFILE.email } });
    expect(await store.letter(person.id)).toMatchObject({ unit: { name: PROFILE.unitName, creditCode: PROFILE.creditCode }, supervision: { email: PROFILE.email } });
    expect(unit.summary.name).toBe(PROFILE.unitName);
    db.close();
  });

  it('copies a letter to the next year as a new draft, leaving the original as it was', async () => {
    const { db, store } = setup();
    const original = await store.createFromTemplate('contract', at(0), OWN_PROFILE);
    const copy = await store.copyToNextYear(original.id, at(1));
    expect(copy.id).not.toBe(original.id);
    expect(copy.summary.year).toBe(2027);
    expect(copy.summary.warningCount).toBeGreaterThan(0);
    expect(await store.letter(copy.id)).toMatchObject({ year: 2027, date: '2027-04-20' });
    expect(await store.letter(original.id)).toEqual(ownTemplate('contract', { year: 2026 }));
    expect((await store.history(copy.id)).map((s) => s.reason)).toEqual(['created']);
    db.close();
  });
});

describe('one letter per unit and year', () => {
  async function packed(store: ReturnType<typeof setup>['store'], minute: number, options?: { supersedes?: string }, year = 2026) {
    const draft = await store.createFromTemplate('service', at(minute), OWN_PROFILE);
    await store.updateLetter(draft.id, { ...(await store.letter(draft.id) as Record<string, unknown>), year }, at(minute));
    const hash = await store.submitForReview(draft.id, pdfBytes(`letter ${draft.id}`), at(minute), await store.letter(draft.id));
    await store.decide(draft.id, approve(hash, minute));
    await store.addAttachment(draft.id, { name: '第1页.png', type: 'image/png', bytes: PNG }, at(minute));
    return { id: draft.id, input: await store.submissionInput(draft.id, at(minute + 1), options) };
  }

  it('finds the other letter of the same unit and year that was packed, but not the letter itself', async () => {
    const { db, store } = setup();
    const first = await packed(store, 0);
    const nextYear = await packed(store, 3, {}, 2027);
    const second = await store.createFromTemplate('service', at(5), OWN_PROFILE);

    const context = await store.sameUnitContext(second.id);
    expect(context.unit).toEqual({ creditCode: OWN_UNIT.creditCode, year: 2026 });
    expect(context.own).toEqual(new Set());
    expect(context.packed.map((p) => [p.submissionId, p.year])).toEqual([
      [first.input.submissionId, 2026],
      [nextYear.input.submissionId, 2027],
    ]);
    expect(context.packed[0]?.title).toContain('2026');
    expect((await store.sameUnitContext(first.id)).own).toEqual(new Set([first.input.submissionId]));
    db.close();
  });

  it('leaves the staff’s personal letters out of the unit’s letters: they name the unit, but each is a person’s own', async () => {
    const { db, store } = setup();
    const person = await store.createFromTemplate('person', at(0), OWN_PROFILE);
    await store.updateLetter(person.id, ownLetter('person'), at(0));
    const hash = await store.submitForReview(person.id, pdfBytes(`letter ${person.id}`), at(1), await store.letter(person.id));
    await store.decide(person.id, approve(hash, 1));
    await store.addAttachment(person.id, { name: '第1页.png', type: 'image/png', bytes: PNG }, at(1));
    await store.submissionInput(person.id, at(2));
    const unitLetter = await packed(store, 3);

    const second = await store.createFromTemplate('service', at(5), OWN_PROFILE);
    expect((await store.sameUnitContext(second.id)).packed.map((p) => p.submissionId)).toEqual([unitLetter.input.submissionId]);
    db.close();
  });

  it('packs a second letter as a correction of the one named', async () => {
    const { db, store } = setup();
    const first = await packed(store, 0);
    const second = await packed(store, 5, { supersedes: first.input.submissionId });
    expect(second.input.supersedes).toBe(first.input.submissionId);
    expect(verifyPackage(buildPackage(second.input))).toMatchObject({ ok: true });
    // Fixed at the first packing: asking again gives the same package.
    expect(buildPackage(await store.submissionInput(second.id, at(20)))).toEqual(buildPackage(second.input));
    db.close();
  });
});
