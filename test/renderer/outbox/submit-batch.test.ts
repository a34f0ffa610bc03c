import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { AddPackageRequest } from '../../../core/bridge/desktop-api';
import type { OutboxItem } from '../../../core/outbox/outbox-item';
import { verifyPackage } from '../../../core/package/verify-package';
import type { StaffMember } from '../../../core/staff/staff-member';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createBatchStore } from '../../../renderer/store/batch-store';
import { createDraftStore } from '../../../renderer/store/draft-store';
import { describeBatchSubmit, describeBatchSubmitProgress, submitBatch } from '../../../renderer/outbox/submit-batch';
import { submitDraft } from '../../../renderer/outbox/submit-draft';
import { ownLetter } from '../../support/letter-fixtures';
import { PNG } from '../../support/package-fixtures';

/** The host's outbox as the page sees it: each package verified, one entry per submission id, the same bytes again a duplicate. */
const host = vi.hoisted(() => ({ adds: [] as AddPackageRequest[], kept: new Map<string, { sha: string; origin: AddPackageRequest['origin'] }>() }));

vi.mock('../../../renderer/bridge/desktop', () => ({
  desktop: {
    async call(name: string, request: AddPackageRequest) {
      if (name === 'outbox.get') {
        const items: OutboxItem[] = [...host.kept].map(([submissionId, { sha }]) => ({ entry: { package: { submissionId, sha256: sha, size: 1 }, seq: 0, enqueuedAt: 0, state: { status: 'queued', attempt: 0 } } }));
        return { items, connection: { state: 'not-configured' } };
      }
      if (name !== 'outbox.add') throw new Error(`unexpected call ${name}`);
      host.adds.push(request);
      const verified = verifyPackage(new Uint8Array(Buffer.from(request.base64, 'base64')));
      if (!verified.ok) return { ok: false, message: verified.reason };
      const id = verified.manifest.submissionId;
      const sha = request.base64;
      const known = host.kept.get(id);
      if (known && known.sha !== sha) return { ok: false, message: 'other bytes' };
      host.kept.set(id, { sha, origin: request.origin });
      return { ok: true, submissionId: id, duplicate: known !== undefined };
    },
  },
}));

const NOW = new Date('2026-04-01T01:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function setup() {
  let counter = 0;
  const ids = () => `id-${String(++counter).padStart(5, '0')}`;
  const db = new PledgeDatabase('pledge-desk-submit-batch', { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, batches: createBatchStore(db, ids), drafts: createDraftStore(db, ids) };
}

function letters(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const member: StaffMember = { row: i + 2, name: `职员${i + 1}`, position: '科员', department: '综合办', postType: 'window' };
    const letter = ownLetter('person');
    return { member, letter: { ...letter, person: { ...(letter.kind === 'person' ? letter.person : {}), name: member.name } } };
  });
}

describe('submitBatch', () => {
  it('queues each approved, signed letter once, as its own submission marked with the batch; a second run queues nothing again', async () => {
    host.adds.length = 0;
    host.kept.clear();
    const { db, batches, drafts } = setup();
    const batch = await batches.create({ title: '2026 年度公职人员承诺', year: 2026, sourceName: '人员名单.xlsx', letters: letters(5), refused: [] }, NOW);
    const [a, b, c, approvedOnly] = batch.members;
    for (const member of [a!, b!, c!, approvedOnly!]) {
      const pdf = new TextEncoder().encode(`%PDF-1.7\n${member.draftId}\n%%EOF`);
      const hash = await drafts.submitForReview(member.draftId, pdf, at(1), await drafts.letter(member.draftId));
      await drafts.decide(member.draftId, { kind: 'approved', by: member.name, at: at(2).getTime(), pdfSha256: hash });
      if (member !== approvedOnly) await drafts.addAttachment(member.draftId, { name: '签章页.png', type: 'image/png', bytes: PNG }, at(3));
    }

    const progress: string[] = [];
    const first = await submitBatch(drafts, batch, at(4), (p) => progress.push(describeBatchSubmitProgress(p)));
    expect(first.added.map((m) => m.name)).toEqual(['职员1', '职员2', '职员3']);
    expect(first.notReady.map((m) => m.name)).toEqual(['职员4', '职员5']);
    expect(first.failed).toEqual([]);
    expect(progress).toHaveLength(5);
    expect(progress.at(-1)).toBe('正在打包并加入发送队列：第 5 份，共 5 份…');
    expect(describeBatchSubmit(first)).toBe('新加入发送队列 3 份；尚未批准或没有签章件 2 份，未报送。');
    // Three submissions, three ids, each from its own draft and marked with the batch.
    expect(host.kept.size).toBe(3);
    expect(host.adds.map((add) => add.origin)).toEqual([a, b, c].map((m) => ({ kind: 'app', draftId: m!.draftId, batch: { id: batch.id, title: batch.title } })));
    for (const m of [a, b, c]) expect((await drafts.get(m!.draftId))?.submissions).toHaveLength(1);

    const second = await submitBatch(drafts, batch, at(5));
    expect(second.already.map((m) => m.name)).toEqual(['职员1', '职员2', '职员3']);
    expect(second.added).toEqual([]);
    expect(host.adds).toHaveLength(3);

    // A package made but lost from the outbox (its data folder moved) goes again with the same id and bytes.
    const lost = (await drafts.get(b!.draftId))!.submissions![0]!.submissionId;
    const bytesBefore = host.kept.get(lost)!.sha;
    host.kept.delete(lost);
    const third = await submitBatch(drafts, batch, at(6));
    expect(third.added.map((m) => m.name)).toEqual(['职员2']);
    expect(host.kept.get(lost)?.sha).toBe(bytesBefore);
    expect(host.kept.size).toBe(3);
    db.close();
  });

  it('a batch letter sent alone from its editor joins its batch in the outbox; a unit letter joins none', async () => {
    host.adds.length = 0;
    host.kept.clear();
    const { db, batches, drafts } = setup();
    const batch = await batches.create({ title: '2026 年度公职人员承诺（单独报送）', year: 2026, sourceName: '人员名单.xlsx', letters: letters(1), refused: [] }, NOW);
    const own = await drafts.createFromTemplate('service', NOW);
    await drafts.updateLetter(own.id, ownLetter('service'), NOW);
    for (const [draftId, by] of [[batch.members[0]!.draftId, '职员1'], [own.id, '周文静']] as const) {
      const hash = await drafts.submitForReview(draftId, new TextEncoder().encode(`%PDF-1.7\n${draftId}\n%%EOF`), at(1), await drafts.letter(draftId));
      await drafts.decide(draftId, { kind: 'approved', by, at: at(2).getTime(), pdfSha256: hash, delegated: true });
      await drafts.addAttachment(draftId, { name: '签章页.png', type: 'image/png', bytes: PNG }, at(3));
      expect((await submitDraft(drafts, draftId, at(4))).ok).toBe(true);
    }
    expect(host.adds.map((add) => add.origin)).toEqual([
      { kind: 'app', draftId: batch.members[0]!.draftId, batch: { id: batch.id, title: batch.title } },
      { kind: 'app', draftId: own.id },
    ]);
    db.close();
  });

  it('names each member that could not be queued, with the outbox’s reason', async () => {
    const member = { memberId: 'm1', row: 3, name: '王某某', position: '科员', department: '综合办', postType: 'other' as const, draftId: 'd1' };
    expect(describeBatchSubmit({ added: [], already: [member], notReady: [], failed: [{ member, reason: '报送包未通过校验' }] })).toBe(
      '此前已在发送队列中 1 份（未重复加入）；未能加入 1 份。王某某：报送包未通过校验',
    );
    expect(describeBatchSubmit({ added: [], already: [], notReady: [], failed: [] })).toBe('本批没有可报送的承诺书。');
  });
});
