import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlatformStore, RosterUnit } from '../../../platform/store/platform-store';
import { newSubmission, PREFIX, REFORM_BUREAU, SERVICE_CENTRE, STORE_ENGINES, type StoreBackend } from './store-engines';

/** One contract, both engines: what the platform may rely on whichever database it runs on. */
describe.each(STORE_ENGINES)('PlatformStore on $name', (engine) => {
  let backend: StoreBackend;
  let store: PlatformStore;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-04-21T02:00:00.000Z');
    backend = await engine.backend();
    store = await backend.open(() => clock);
  });
  afterEach(() => backend.dispose());

  describe('recording submissions', () => {
    it('records a new submission with the next 20-digit 承诺编码, persisting it once, and finds it again', async () => {
      const persist = vi.fn();
      const entry = newSubmission({ kind: 'person', personName: '李明', supersedes: undefined });
      const outcome = await store.submissions.record({ entry, commitmentPrefix: PREFIX, persist });

      expect(persist).toHaveBeenCalledTimes(1);
      expect(outcome.fresh).toBe(true);
      expect(outcome.submission).toEqual({ ...entry, commitmentCode: `${PREFIX}000001` });
      expect(outcome.submission.commitmentCode).toMatch(/^\d{20}$/);
      expect(await store.submissions.find(entry.submissionId)).toEqual(outcome.submission);
      expect(await store.submissions.find('no-such-id')).toBeUndefined();
    });

    it('answers a known id with what is stored, without persisting or drawing a serial', async () => {
      const entry = newSubmission();
      const first = await store.submissions.record({ entry, commitmentPrefix: PREFIX, persist: () => undefined });
      const persist = vi.fn();
      const again = await store.submissions.record({ entry: { ...entry, receiptId: 'other-receipt', sha256: 'b'.repeat(64) }, commitmentPrefix: PREFIX, persist });

      expect(persist).not.toHaveBeenCalled();
      expect(again).toEqual({ fresh: false, submission: first.submission });
      const next = await store.submissions.record({ entry: newSubmission(), commitmentPrefix: PREFIX, persist: () => undefined });
      expect(next.submission.commitmentCode).toBe(`${PREFIX}000002`);
    });

    it('counts serials per prefix (office and date)', async () => {
      const codes: string[] = [];
      for (const prefix of [PREFIX, PREFIX, '23990120260421', PREFIX, '23990120260421']) {
        codes.push((await store.submissions.record({ entry: newSubmission(), commitmentPrefix: prefix, persist: () => undefined })).submission.commitmentCode!);
      }
      expect(codes).toEqual([`${PREFIX}000001`, `${PREFIX}000002`, '23990120260421000001', `${PREFIX}000003`, '23990120260421000002']);
    });

    it('keeps nothing when persisting fails: no row, and the serial is drawn again', async () => {
      const entry = newSubmission();
      await expect(
        store.submissions.record({
          entry,
          commitmentPrefix: PREFIX,
          persist: () => {
            throw new Error('disk full');
          },
        }),
      ).rejects.toThrow('disk full');
      expect(await store.submissions.find(entry.submissionId)).toBeUndefined();
      const retried = await store.submissions.record({ entry, commitmentPrefix: PREFIX, persist: () => undefined });
      expect(retried.fresh).toBe(true);
      expect(retried.submission.commitmentCode).toBe(`${PREFIX}000001`);
    });

    it('links a correction with its original when the original came first', async () => {
      const original = newSubmission({ receivedAt: '2026-04-21T02:00:00.000Z' });
      const correction = newSubmission({ receivedAt: '2026-04-22T02:00:00.000Z', supersedes: original.submissionId });
      await store.submissions.record({ entry: original, commitmentPrefix: PREFIX, persist: () => undefined });
      const recorded = await store.submissions.record({ entry: correction, commitmentPrefix: PREFIX, persist: () => undefined });

      expect(recorded.submission.supersedes).toBe(original.submissionId);
      expect(recorded.submission.supersededBy).toBeUndefined();
      expect((await store.submissions.find(original.submissionId))?.supersededBy).toBe(correction.submissionId);
    });

    it('links a correction stored before its original when the original arrives', async () => {
      const original = newSubmission({ receivedAt: '2026-04-21T02:00:00.000Z' });
      const correction = newSubmission({ receivedAt: '2026-04-20T02:00:00.000Z', supersedes: original.submissionId });
      await store.submissions.record({ entry: correction, commitmentPrefix: PREFIX, persist: () => undefined });
      const recorded = await store.submissions.record({ entry: original, commitmentPrefix: PREFIX, persist: () => undefined });

      expect(recorded.submission.supersededBy).toBe(correction.submissionId);
      expect((await store.submissions.find(correction.submissionId))?.supersedes).toBe(original.submissionId);
    });

    it('does not link another unit’s correction', async () => {
      const original = newSubmission();
      const foreign = newSubmission({ creditCode: REFORM_BUREAU.code, unitName: REFORM_BUREAU.name, supersedes: original.submissionId });
      await store.submissions.record({ entry: foreign, commitmentPrefix: PREFIX, persist: () => undefined });
      expect((await store.submissions.record({ entry: original, commitmentPrefix: PREFIX, persist: () => undefined })).submission.supersededBy).toBeUndefined();
    });
  });

  describe('listing and publishing', () => {
    const record = (overrides: Parameters<typeof newSubmission>[0]) => store.submissions.record({ entry: newSubmission(overrides), commitmentPrefix: PREFIX, persist: () => undefined });

    it('lists oldest first (received time, then id), by unit, by year or both', async () => {
      await record({ submissionId: 'c', receivedAt: '2026-04-22T00:00:00.000Z' });
      await record({ submissionId: 'b', receivedAt: '2026-04-21T00:00:00.000Z' });
      await record({ submissionId: 'a', receivedAt: '2026-04-22T00:00:00.000Z' });
      await record({ submissionId: 'B', receivedAt: '2026-04-22T00:00:00.000Z' });
      await record({ submissionId: 'old', receivedAt: '2025-04-01T00:00:00.000Z', year: 2025 });
      await record({ submissionId: 'other', receivedAt: '2026-04-20T00:00:00.000Z', creditCode: REFORM_BUREAU.code, unitName: REFORM_BUREAU.name });

      const ids = async (filter?: Parameters<PlatformStore['submissions']['list']>[0]) => (await store.submissions.list(filter)).map((s) => s.submissionId);
      // Byte order, as SQLite compares: 'B' before 'a', whatever the database's collation.
      expect(await ids()).toEqual(['old', 'other', 'b', 'B', 'a', 'c']);
      expect(await ids({ creditCode: SERVICE_CENTRE.code })).toEqual(['old', 'b', 'B', 'a', 'c']);
      expect(await ids({ year: 2025 })).toEqual(['old']);
      expect(await ids({ creditCode: REFORM_BUREAU.code, year: 2026 })).toEqual(['other']);
      expect(await ids({ creditCode: REFORM_BUREAU.code, year: 2025 })).toEqual([]);
    });

    it('publishes and withdraws a submission; an unknown one is refused', async () => {
      const { submission } = await record({});
      expect(await store.submissions.setPublished(submission.submissionId, '2026-04-23T01:00:00.000Z')).toBe(true);
      expect((await store.submissions.find(submission.submissionId))?.publishedAt).toBe('2026-04-23T01:00:00.000Z');
      expect(await store.submissions.setPublished(submission.submissionId, null)).toBe(true);
      expect(await store.submissions.find(submission.submissionId)).toEqual(submission);
      expect(await store.submissions.setPublished('no-such-id', '2026-04-23T01:00:00.000Z')).toBe(false);
    });
  });

  describe('credentials', () => {
    it('issues, lists (never the token), authenticates and revokes', async () => {
      const unit = await store.credentials.issue({ unit: SERVICE_CENTRE.code, name: SERVICE_CENTRE.name }, 'fixed-test-token');
      clock = new Date('2026-04-21T03:00:00.000Z');
      const operator = await store.credentials.issue({ operator: true });
      expect(unit.token).toBe('fixed-test-token');
      expect(operator.token).toMatch(/^pledge_[\w-]{43}$/);
      expect(operator.id).not.toBe(unit.id);

      expect(await store.credentials.authenticate('fixed-test-token')).toEqual({ kind: 'unit', id: unit.id, unitCode: SERVICE_CENTRE.code, name: SERVICE_CENTRE.name });
      expect(await store.credentials.authenticate(operator.token)).toEqual({ kind: 'operator', id: operator.id });
      expect(await store.credentials.authenticate('not-a-token')).toBeUndefined();

      clock = new Date('2026-04-22T00:00:00.000Z');
      expect(await store.credentials.revoke(unit.id)).toBe(true);
      expect(await store.credentials.revoke(unit.id)).toBe(false);
      expect(await store.credentials.revoke(9999)).toBe(false);
      expect(await store.credentials.authenticate('fixed-test-token')).toBeUndefined();
      const listed = await store.credentials.list();
      expect(listed).toEqual([
        { id: unit.id, kind: 'unit', unitCode: SERVICE_CENTRE.code, name: SERVICE_CENTRE.name, createdAt: '2026-04-21T02:00:00.000Z', revokedAt: '2026-04-22T00:00:00.000Z' },
        { id: operator.id, kind: 'operator', createdAt: '2026-04-21T03:00:00.000Z' },
      ]);
      expect(JSON.stringify(listed)).not.toContain(operator.token);
    });
  });

  describe('sessions', () => {
    it('knows a live session’s caller until it expires or is closed', async () => {
      const { id } = await store.credentials.issue({ operator: true, name: '市信用办' });
      const session = await store.sessions.open(id, new Date('2026-04-21T10:00:00.000Z'));
      const other = await store.sessions.open(id, new Date('2026-04-21T12:00:00.000Z'));
      expect(session).not.toBe(other);

      expect(await store.sessions.caller(session, new Date('2026-04-21T09:59:59.999Z'))).toEqual({ kind: 'operator', id, name: '市信用办' });
      expect(await store.sessions.caller(session, new Date('2026-04-21T10:00:00.000Z'))).toBeUndefined();
      expect(await store.sessions.caller('not-a-session', new Date('2026-04-21T09:00:00.000Z'))).toBeUndefined();
      await store.sessions.close(other);
      expect(await store.sessions.caller(other, new Date('2026-04-21T09:00:00.000Z'))).toBeUndefined();
    });

    it('ends every session of a revoked credential', async () => {
      const { id } = await store.credentials.issue({ operator: true });
      const session = await store.sessions.open(id, new Date('2026-04-21T10:00:00.000Z'));
      await store.credentials.revoke(id);
      expect(await store.sessions.caller(session, new Date('2026-04-21T09:00:00.000Z'))).toBeUndefined();
    });
  });

  describe('the roster', () => {
    const unit = (creditCode: string, name: string, district: string, type = '机关'): RosterUnit => ({ creditCode, name, district, type });

    it('adds new units, updates known ones, and lists by district then name', async () => {
      expect(await store.roster.upsert([unit(SERVICE_CENTRE.code, SERVICE_CENTRE.name, '青山县', '事业单位'), unit(REFORM_BUREAU.code, REFORM_BUREAU.name, '青山县')])).toEqual({ added: 2, updated: 0 });
      expect(await store.roster.upsert([unit(REFORM_BUREAU.code, '青山县发展和改革委员会', '青山县'), unit('91230100MA1B2C3D8M', 'Acme', '东湖区', '企业')])).toEqual({ added: 1, updated: 1 });

      expect(await store.roster.list()).toEqual([
        unit('91230100MA1B2C3D8M', 'Acme', '东湖区', '企业'),
        unit(REFORM_BUREAU.code, '青山县发展和改革委员会', '青山县'),
        unit(SERVICE_CENTRE.code, SERVICE_CENTRE.name, '青山县', '事业单位'),
      ]);
      expect(await store.roster.upsert([])).toEqual({ added: 0, updated: 0 });
    });
  });
});
