import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { unzipSync } from 'fflate';
import { PNG as PngReader } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { AttachmentRecordSchema } from '../../../core/drafts/draft-record';
import { buildPackage } from '../../../core/package/build-package';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createDraftStore, DraftStateError } from '../../../renderer/store/draft-store';

const BASE = Date.UTC(2026, 2, 1, 2, 0, 0);
const at = (minutes: number) => new Date(BASE + minutes * 60_000);
const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);

/** A 2×4 scan (taller than wide) whose pixels carry its number, so the package shows which is which. */
function scan(n: number): Uint8Array {
  const png = new PngReader({ width: 2, height: 4 });
  png.data.fill(n);
  return new Uint8Array(PngReader.sync.write(png));
}

/** The unit's own details, so nothing of the template's sample unit is left to stop the review. */
const PROFILE = { unitName: '白鹭乡人民政府', creditCode: '12239921401258766P', unitType: '乡镇人民政府', principalName: '周文静', principalTitle: '乡长', phone: '0458-6127788', email: 'blx@bailu.gov.cn', updatedAt: 0 };

async function approvedDraft() {
  let counter = 0;
  const db = new PledgeDatabase(`order-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const store = createDraftStore(db, () => `id-${String(++counter).padStart(4, '0')}`);
  const draft = await store.createFromTemplate('service', at(0), PROFILE);
  const hash = await store.submitForReview(draft.id, pdfBytes('approved'), at(0), await store.letter(draft.id));
  await store.decide(draft.id, { kind: 'approved', by: '周文静', at: at(0).getTime(), pdfSha256: hash });
  return { db, store, id: draft.id };
}

/** The signed copies in a built package, in entry order, as pngjs reads them. */
function packedScans(zip: Uint8Array): { name: string; width: number; height: number; value: number }[] {
  return Object.entries(unzipSync(zip))
    .filter(([name]) => name.startsWith('signed/'))
    .map(([name, bytes]) => {
      const png = PngReader.sync.read(Buffer.from(bytes));
      return { name, width: png.width, height: png.height, value: png.data[0]! };
    });
}

describe('the order and turn of signed copies', () => {
  it('packs the copies in the order they were arranged, each turned as it was turned', async () => {
    const { db, store, id } = await approvedDraft();
    const first = await store.addAttachment(id, { name: '第1页.png', type: 'image/png', bytes: scan(10) }, at(1));
    const second = await store.addAttachment(id, { name: '第2页.png', type: 'image/png', bytes: scan(20) }, at(2));
    await store.moveAttachment(second.id, -1, at(3));
    await store.rotateAttachment(first.id, at(4));
    expect((await store.attachments(id)).map((a) => [a.name, a.position, a.rotation])).toEqual([
      ['第2页.png', 0, undefined],
      ['第1页.png', 1, 90],
    ]);

    const zip = buildPackage(await store.submissionInput(id, at(5)));
    expect(packedScans(zip)).toEqual([
      { name: 'signed/1.png', width: 2, height: 4, value: 20 },
      { name: 'signed/2.png', width: 4, height: 2, value: 10 },
    ]);
    // Packing again gives the same bytes: the platform sees one submission.
    expect(buildPackage(await store.submissionInput(id, at(9)))).toEqual(zip);
    db.close();
  });

  it('goes round in quarter turns, and moving past either end changes nothing', async () => {
    const { db, store, id } = await approvedDraft();
    const page = await store.addAttachment(id, { name: '第1页.png', type: 'image/png', bytes: scan(1) }, at(1));
    for (let i = 0; i < 3; i++) await store.rotateAttachment(page.id, at(2));
    expect((await store.attachments(id))[0]?.rotation).toBe(270);
    await store.rotateAttachment(page.id, at(3));
    expect((await store.attachments(id))[0]?.rotation).toBe(0);
    await store.moveAttachment(page.id, -1, at(4));
    await store.moveAttachment(page.id, 1, at(4));
    expect((await store.attachments(id)).map((a) => a.position)).toEqual([0]);
    db.close();
  });

  it('puts a new copy after copies stored before positions existed, which keep the order they were added in', async () => {
    const { db, store, id } = await approvedDraft();
    const old = await store.addAttachment(id, { name: '旧1.png', type: 'image/png', bytes: scan(1) }, at(1));
    const older = await store.addAttachment(id, { name: '旧2.png', type: 'image/png', bytes: scan(2) }, at(2));
    // As an earlier version stored them: no position at all.
    for (const a of [old, older]) await db.attachments.where('id').equals(a.id).modify((record) => void delete (record as { position?: number }).position);
    await store.addAttachment(id, { name: '新.png', type: 'image/png', bytes: scan(3) }, at(3));
    expect((await store.attachments(id)).map((a) => [a.name, a.position])).toEqual([
      ['旧1.png', 0],
      ['旧2.png', 1],
      ['新.png', 2],
    ]);
    db.close();
  });

  it('refuses to reorder or turn copies once they are packed, and to turn a digitally signed PDF', async () => {
    const { db, store, id } = await approvedDraft();
    const signed = await store.addAttachment(id, { name: '签署件.pdf', type: 'application/pdf', bytes: pdfBytes('signed'), pdfContent: { signature: true, images: false } }, at(1));
    await expect(store.rotateAttachment(signed.id, at(2))).rejects.toThrow('带有数字签名');
    const page = await store.addAttachment(id, { name: '第1页.png', type: 'image/png', bytes: scan(1) }, at(2));
    await store.submissionInput(id, at(3));
    await expect(store.moveAttachment(page.id, -1, at(4))).rejects.toBeInstanceOf(DraftStateError);
    await expect(store.rotateAttachment(page.id, at(4))).rejects.toThrow('已打包报送');
    expect((await store.attachments(id)).map((a) => [a.name, a.position, a.rotation])).toEqual([
      ['签署件.pdf', 0, undefined],
      ['第1页.png', 1, undefined],
    ]);
    db.close();
  });

  it('reads attachment records written before order, turn and PDF content were kept', () => {
    const old = { id: 'a', draftId: 'd', name: 'scan.png', type: 'image/png', size: 1, sha256: 'a'.repeat(64), bytes: new Uint8Array([1]), addedAt: 1, approvalSha256: 'b'.repeat(64) };
    expect(AttachmentRecordSchema.parse(old)).toEqual(old);
    expect(AttachmentRecordSchema.safeParse({ ...old, rotation: 45 }).success).toBe(false);
  });
});
