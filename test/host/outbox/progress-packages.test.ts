import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxSnapshot } from '../../../core/outbox/outbox-item';
import { buildPackage } from '../../../core/package/build-package';
import { buildProgressPackage } from '../../../core/progress/build-progress-package';
import { newProgressReport } from '../../../core/progress/new-progress';
import { parsePeriod } from '../../../core/progress/progress-period';
import { letterFromTemplate } from '../../../core/letter/templates';
import type { Letter } from '../../../core/letter/letter-schema';
import { ROUTES } from '../../../core/protocol/reference-protocol';
import { createOutboxService, type OutboxService } from '../../../host/outbox/outbox-service';
import { fileTokenVault } from '../../../host/outbox/token-vault';
import { ID, packageInput, PNG } from '../../support/package-fixtures';
import { startTestPlatform, TOKEN } from '../../support/submission-fixtures';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { until } from './fault-fixtures';

/*
 * A progress report of a delivered letter goes through the app's outbox as the letter did: verified
 * by its own rules before it is queued, uploaded once, its own receipt from the real platform.
 */

const LETTER = letterFromTemplate('service', { year: 2026 }) as Letter;
const LETTER_PACKAGE = buildPackage(packageInput());
const REPORT_ID = '5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c';
const REPORT_PDF = new TextEncoder().encode('%PDF-1.7\n% the progress report rendered\n');

function progressPackage(letterSubmissionId = ID): Uint8Array {
  const base = newProgressReport(LETTER, letterSubmissionId, parsePeriod('2026-Q2')!);
  const report = { ...base, items: base.items.map((item, i) => (i === 0 ? { ...item, status: '推进中' as const, note: '2026-05-03：已完成招标' } : item)) };
  return buildProgressPackage({ report, pdf: REPORT_PDF, evidence: [{ name: '现场照片.png', bytes: PNG, item: 1, public: true }], submissionId: REPORT_ID, createdAt: new Date('2026-07-03T02:00:00Z') });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const FAST = { retry: { baseMs: 20, capMs: 100 }, probeRetry: { baseMs: 20, capMs: 100 } };
const stateOf = (snapshot: OutboxSnapshot, id: string) => snapshot.items.find((item) => item.entry.package.submissionId === id)?.entry.state;
const detailsOf = (snapshot: OutboxSnapshot, id: string) => snapshot.items.find((item) => item.entry.package.submissionId === id)?.details;

let dir: string;
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let proxy: FaultProxy;
const services: OutboxService[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-outbox-progress-'));
  platform = await startTestPlatform();
  // Every request on its way to the platform is logged: "exactly once" is counted, not assumed.
  proxy = await startFaultProxy({ target: platform.platform.url });
});
afterEach(async () => {
  for (const service of services.splice(0)) service.stop();
  await proxy.close();
  await platform.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

async function service(): Promise<OutboxService> {
  const created = createOutboxService({ dataDir: dir, vault: fileTokenVault(join(dir, 'sync', 'token')), chooseSavePath: async (name) => join(dir, 'exports', name), ...FAST });
  services.push(created);
  await created.start();
  return created;
}

async function deliveredLetter(): Promise<OutboxService> {
  const sync = await service();
  await sync.handlers['outbox.saveConnection']({ endpoint: proxy.url, token: { set: TOKEN } });
  expect(await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(LETTER_PACKAGE) })).toEqual({ ok: true, submissionId: ID, duplicate: false });
  await until(sync, (s) => stateOf(s, ID)?.status === 'delivered');
  return sync;
}

const uploadsCreated = () => proxy.log.filter((exchange) => exchange.method === 'POST' && exchange.path.startsWith(ROUTES.uploads)).length;

describe('a progress package in the app’s outbox', () => {
  it('is verified, queued once, delivered with the platform’s own receipt, and shown as the letter’s report', async () => {
    const sync = await deliveredLetter();
    const before = uploadsCreated();
    const bytes = progressPackage();
    expect(await sync.handlers['outbox.add']({ origin: { kind: 'progress', reportId: 'r1' }, base64: base64(bytes) })).toEqual({ ok: true, submissionId: REPORT_ID, duplicate: false });
    const delivered = await until(sync, (s) => stateOf(s, REPORT_ID)?.status === 'delivered');
    const state = stateOf(delivered, REPORT_ID);
    expect(state).toMatchObject({ status: 'delivered', receipt: { submissionId: REPORT_ID } });
    const letterReceipt = stateOf(delivered, ID);
    if (state?.status !== 'delivered' || letterReceipt?.status !== 'delivered') throw new Error('both delivered');
    expect(state.receipt.receiptId).not.toBe(letterReceipt.receipt.receiptId);
    expect(detailsOf(delivered, REPORT_ID)).toMatchObject({
      unitName: LETTER.unit.name,
      creditCode: LETTER.unit.creditCode,
      year: 2026,
      origin: { kind: 'progress', reportId: 'r1' },
      progress: { letterSubmissionId: ID, period: '2026-Q2' },
    });
    expect(detailsOf(delivered, ID)).not.toHaveProperty('progress');
    expect(await readdir(join(platform.dataDir, 'packages', 'progress'))).toEqual([`${REPORT_ID}.zip`]);
    expect(uploadsCreated() - before).toBe(1);

    // The same bytes again (the clerk pressed 报送 twice, or packed again): no second submission, no second upload.
    expect(await sync.handlers['outbox.add']({ origin: { kind: 'progress', reportId: 'r1' }, base64: base64(bytes) })).toEqual({ ok: true, submissionId: REPORT_ID, duplicate: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sync.snapshot().items).toHaveLength(2);
    expect(stateOf(sync.snapshot(), REPORT_ID)).toEqual(state);
    expect(uploadsCreated() - before).toBe(1);
  });

  it('keeps what it is across a restart, and still takes the same bytes as a duplicate', async () => {
    const first = await deliveredLetter();
    await first.handlers['outbox.add']({ origin: { kind: 'progress', reportId: 'r1' }, base64: base64(progressPackage()) });
    await until(first, (s) => stateOf(s, REPORT_ID)?.status === 'delivered');
    first.stop();
    const second = await service();
    expect(detailsOf(second.snapshot(), REPORT_ID)).toMatchObject({ progress: { letterSubmissionId: ID, period: '2026-Q2' }, origin: { kind: 'progress', reportId: 'r1' } });
    expect(stateOf(second.snapshot(), REPORT_ID)?.status).toBe('delivered');
    expect(await second.handlers['outbox.add']({ origin: { kind: 'import', fileName: 'progress.zip' }, base64: base64(progressPackage()) })).toEqual({ ok: true, submissionId: REPORT_ID, duplicate: true });
  });

  it('shows the platform’s refusal of a report of a letter it never received, and never calls it delivered', async () => {
    const sync = await deliveredLetter();
    const stranger = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    expect((await sync.handlers['outbox.add']({ origin: { kind: 'progress', reportId: 'r2' }, base64: base64(progressPackage(stranger)) })).ok).toBe(true);
    const refused = await until(sync, (s) => stateOf(s, REPORT_ID)?.status === 'rejected');
    expect(stateOf(refused, REPORT_ID)).toMatchObject({ status: 'rejected', code: 'invalid-package', message: expect.stringContaining(stranger) });
  });

  it('refuses in Chinese what is no package, a damaged report, and a package of the other kind than its origin says, queueing none', async () => {
    const sync = await service();
    const junk = await sync.handlers['outbox.add']({ origin: { kind: 'progress', reportId: 'r1' }, base64: base64(new TextEncoder().encode('not a zip at all')) });
    expect(junk).toMatchObject({ ok: false, message: expect.stringMatching(/^报送包未通过校验：/) });

    // The report's first status changed after packing: its hash no longer matches the manifest.
    const good = progressPackage();
    const files = unzipSync(good);
    files['progress.json'] = new TextEncoder().encode(new TextDecoder().decode(files['progress.json']).replace('推进中', '已兑现'));
    const damaged = zipSync(files);
    const refused = await sync.handlers['outbox.add']({ origin: { kind: 'progress', reportId: 'r1' }, base64: base64(damaged) });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^报送包未通过校验：.*[\u4e00-\u9fff]/) });

    expect(await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(good) })).toEqual({ ok: false, message: '这是进展报告的报送包，不是承诺书的报送包，未加入发送队列。' });
    expect(await sync.handlers['outbox.add']({ origin: { kind: 'progress', reportId: 'r1' }, base64: base64(LETTER_PACKAGE) })).toEqual({ ok: false, message: '这不是进展报告的报送包，未加入发送队列。' });
    expect(sync.snapshot().items).toEqual([]);
  });

  it('exports the report’s package under a name saying it is a report of its period', async () => {
    const sync = await service();
    await sync.handlers['outbox.add']({ origin: { kind: 'progress', reportId: 'r1' }, base64: base64(progressPackage()) });
    const saved = await sync.handlers['outbox.exportPackage']({ submissionId: REPORT_ID });
    expect(saved.path).toContain('进展报告报送包');
    expect(saved.path).toContain('2026-Q2');
  });
});
