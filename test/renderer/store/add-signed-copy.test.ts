import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENTS_TOTAL_BYTES } from '../../../core/attachments/check-attachment';
import { addSignedCopy } from '../../../renderer/store/add-signed-copy';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createDraftStore } from '../../../renderer/store/draft-store';
import { digitallySignedPdf } from '../../core/attachments/copy-fixtures';
import { PDF, PNG } from '../../support/package-fixtures';

const AT = new Date('2026-04-20T09:00:00+08:00');
const PROFILE = { unitName: '白鹭乡人民政府', creditCode: '12239921401258766P', unitType: '乡镇人民政府', principalName: '周文静', principalTitle: '乡长', phone: '0458-6127788', email: 'blx@bailu.gov.cn', updatedAt: 0 };

/** A letter approved on the package fixtures' PDF, the one its signed copies are signed from. */
async function approved() {
  let counter = 0;
  const db = new PledgeDatabase(`signed-copy-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const store = createDraftStore(db, () => `id-${++counter}`);
  const created = await store.createFromTemplate('service', AT, PROFILE);
  const hash = await store.submitForReview(created.id, PDF, AT, await store.letter(created.id));
  await store.decide(created.id, { kind: 'approved', by: '周文静', at: AT.getTime(), pdfSha256: hash });
  return { store, draft: (await store.get(created.id))! };
}

describe('addSignedCopy, shared by the 签章件 upload and the 审核 tab’s signing', () => {
  it('keeps a digitally signed PDF with what it holds, and a scan without', async () => {
    const { store, draft } = await approved();
    const signed = await addSignedCopy(store, draft, '承诺书（已签章）.pdf', await digitallySignedPdf(), AT);
    expect(signed).toMatchObject({ ok: true, attachment: { name: '承诺书（已签章）.pdf', type: 'application/pdf', pdfContent: { signature: true }, approvalSha256: draft.review?.pdfSha256 } });
    const scan = await addSignedCopy(store, draft, '签章页.png', PNG, AT);
    expect(scan.ok && scan.attachment.pdfContent).toBeUndefined();
    expect((await store.attachments(draft.id)).map((a) => a.name)).toEqual(['承诺书（已签章）.pdf', '签章页.png']);
  });

  it('refuses the approved PDF itself, and a copy past the letter’s total, adding nothing', async () => {
    const { store, draft } = await approved();
    expect(await addSignedCopy(store, draft, '承诺书.pdf', PDF, AT)).toEqual({ ok: false, message: expect.stringContaining('“承诺书.pdf”') });
    // The copies already kept count: the next one over the total is refused.
    const big = new Uint8Array(MAX_ATTACHMENTS_TOTAL_BYTES / 3);
    big.set(PNG);
    for (let i = 0; i < 3; i++) expect((await addSignedCopy(store, draft, `扫描${i}.png`, big, AT)).ok).toBe(true);
    expect(await addSignedCopy(store, draft, '再一页.png', PNG, AT)).toEqual({ ok: false, message: expect.stringContaining('签章件总大小将超过') });
    expect(await store.attachments(draft.id)).toHaveLength(3);
  });
});
