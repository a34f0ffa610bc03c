import { describe, expect, it } from 'vitest';
import { createOutbox, type Outbox } from '../../../core/outbox/create-outbox';
import type { OutboxEntry, PackageRef } from '../../../core/outbox/outbox-entry';
import { NetworkError, PlatformRejection, UploadTimeoutError } from '../../../core/outbox/platform-client';
import type { RetryPolicy } from '../../../core/outbox/retry-delay';
import { FakePlatform, FakeTime, MemoryStorage, pkg, settle, short, T0, type Attempt } from './fake-outbox-world';

interface World {
  log: string[];
  time: FakeTime;
  storage: MemoryStorage;
  platform: FakePlatform;
  outbox: Outbox;
  seen: OutboxEntry[][];
  errors: unknown[];
  entry(p: PackageRef): OutboxEntry;
}

async function world(options: { random?: number | (() => number); retry?: RetryPolicy; storage?: MemoryStorage; log?: string[]; time?: FakeTime } = {}): Promise<World> {
  const log = options.log ?? [];
  const time = options.time ?? new FakeTime();
  const storage = options.storage ?? new MemoryStorage(log);
  const platform = new FakePlatform(log, time, storage);
  const errors: unknown[] = [];
  const outbox = createOutbox({
    clock: time.clock,
    timers: time,
    random: typeof options.random === 'function' ? options.random : () => (options.random as number | undefined) ?? 0.5,
    network: platform,
    storage,
    retry: options.retry ?? { baseMs: 1_000, capMs: 8_000 },
    probeRetry: { baseMs: 4_000, capMs: 30_000 },
    onError: (error) => errors.push(error),
  });
  const seen: OutboxEntry[][] = [];
  outbox.subscribe((entries) => seen.push([...entries]));
  await outbox.start();
  await settle();
  const entry = (p: PackageRef) => {
    const found = outbox.list().find((e) => e.package.submissionId === p.submissionId);
    if (!found) throw new Error(`no entry ${p.submissionId}`);
    return found;
  };
  return { log, time, storage, platform, outbox, seen, errors, entry };
}

const statusesOf = (w: World, p: PackageRef) =>
  w.seen.map((entries) => entries.find((e) => e.package.submissionId === p.submissionId)?.state.status).filter((s, i, all) => s && s !== all[i - 1]);

async function enqueue(w: World, ...packages: PackageRef[]): Promise<void> {
  for (const p of packages) await w.outbox.enqueue(p);
  await settle();
}

describe('createOutbox', () => {
  it('takes a submission from queued through sending to delivered, with its receipt', async () => {
    const w = await world();
    const a = pkg(1);
    await enqueue(w, a);
    const entry = w.entry(a);
    expect(entry.state).toEqual({ status: 'delivered', receipt: expect.objectContaining({ receiptId: 'R-001', submissionId: a.submissionId, sha256: a.sha256 }) });
    expect(entry.resume).toBeUndefined();
    expect(statusesOf(w, a)).toEqual(['queued', 'sending', 'delivered']);
    expect(w.storage.saved.get(a.submissionId)?.state.status).toBe('delivered');
  });

  it('saves the sending state before the upload starts', async () => {
    const w = await world();
    const a = pkg(1);
    await enqueue(w, a);
    expect(w.log.slice(0, 4)).toEqual(['save 001 queued', 'probe ok', 'save 001 sending', 'upload 001']);
    expect(w.platform.calls[0]?.storedStatus).toBe('sending');
  });

  it('waits while the probe fails and starts by itself once it answers', async () => {
    const w = await world();
    w.platform.online = false;
    const a = pkg(1);
    await enqueue(w, a);
    expect(w.entry(a).state.status).toBe('queued');
    await w.time.advance(2_000); // probe backoff: 0.5 · 4 s
    await w.time.advance(4_000); // then 0.5 · 8 s
    expect(w.log.filter((l) => l.startsWith('probe'))).toEqual(['probe down', 'probe down', 'probe down']);
    expect(w.platform.calls).toHaveLength(0);
    w.platform.online = true;
    await w.time.advance(8_000);
    expect(w.entry(a).state.status).toBe('delivered');
    // Waiting for a connection is not a failed attempt.
    expect(statusesOf(w, a)).toEqual(['queued', 'sending', 'delivered']);
  });

  it('probes at once on kick() instead of waiting out the probe backoff, and still sends only when the probe answers', async () => {
    const w = await world();
    w.platform.online = false;
    const a = pkg(1);
    await enqueue(w, a);
    await w.time.advance(2_000);
    w.outbox.kick();
    await settle();
    // A hint alone sends nothing: the probe still decides.
    expect(w.platform.calls).toHaveLength(0);
    expect(w.log.filter((l) => l.startsWith('probe'))).toHaveLength(3);
    w.platform.online = true;
    w.outbox.kick();
    await settle();
    expect(w.entry(a).state.status).toBe('delivered');
    expect(w.time.now).toBe(T0 + 2_000);
  });

  it('keeps probing after a failed probe whose backoff drew 0 ms', async () => {
    const draws = [0];
    const w = await world({ random: () => draws.shift() ?? 0.5 });
    w.platform.online = false;
    const a = pkg(1);
    await enqueue(w, a);
    await w.time.advance(0);
    expect(w.log.filter((l) => l.startsWith('probe'))).toEqual(['probe down', 'probe down']);
    w.platform.online = true;
    await w.time.advance(4_000);
    expect(w.entry(a).state.status).toBe('delivered');
  });

  it('sends a retry whose timer fired before the clock reached the retry time', async () => {
    const w = await world();
    const a = pkg(1);
    w.platform.script(a, { fail: new PlatformRejection('server-error', '平台繁忙') });
    await enqueue(w, a);
    const retryAt = (w.entry(a).state as { retryAt: number }).retryAt;
    expect(w.entry(a).state.status).toBe('waiting');
    // The timer fires 2 ms early by the outbox's clock, as Node's timers can.
    w.time.earlyBy = 2;
    await w.time.advance(retryAt - w.time.now);
    await w.time.advance(10);
    expect(w.entry(a).state.status).toBe('delivered');
  });

  it('does not take a receipt for other bytes or another submission: the attempt fails and is retried', async () => {
    const w = await world();
    const a = pkg(1);
    w.platform.script(a, { deliver: true, receipt: { sha256: 'f'.repeat(64) } }, { deliver: true, receipt: { submissionId: pkg(2).submissionId } });
    await enqueue(w, a);
    expect(w.entry(a).state).toMatchObject({ status: 'waiting', lastError: { kind: 'platform', code: 'server-error', message: expect.stringContaining('回执与本报送包不符') } });
    await w.time.advance(10_000);
    await w.time.advance(10_000);
    expect(w.entry(a).state).toMatchObject({ status: 'delivered', receipt: { submissionId: a.submissionId, sha256: a.sha256 } });
  });

  it('caps a retry timer at the policy maximum even when the clock was set back', async () => {
    const w = await world();
    const a = pkg(1);
    w.platform.script(a, { fail: new PlatformRejection('server-error', '平台繁忙') });
    await enqueue(w, a);
    // The clock goes back a month: the retry is now weeks away by the clock, yet the timer waits at most the cap.
    w.time.now -= 30 * 24 * 3_600_000;
    w.outbox.stop();
    await w.outbox.start();
    await settle();
    expect(w.time.pendingDelays().every((ms) => ms <= 8_000)).toBe(true);
  });

  it('retries a 503 with growing delays up to the cap, then delivers', async () => {
    const w = await world({ random: 0.999, retry: { baseMs: 1_000, capMs: 8_000 } });
    const a = pkg(1);
    const busy = (): Attempt => ({ fail: new PlatformRejection('server-error', '平台繁忙，请稍后再试') });
    w.platform.script(a, busy(), busy(), busy(), busy(), busy(), busy());
    const delays: number[] = [];
    w.outbox.subscribe((entries) => {
      const s = entries.find((e) => e.package.submissionId === a.submissionId)?.state;
      if (s?.status === 'waiting' && delays.length < s.attempt) delays.push(s.retryAt - w.time.now);
    });
    await enqueue(w, a);
    for (let i = 0; i < 6; i += 1) {
      const s = w.entry(a).state;
      expect(s).toMatchObject({ status: 'waiting', attempt: i + 1, lastError: { kind: 'platform', code: 'server-error' } });
      if (s.status === 'waiting') await w.time.advance(s.retryAt - w.time.now);
    }
    expect(delays).toEqual([999, 1_998, 3_996, 7_992, 7_992, 7_992]);
    expect(w.entry(a).state.status).toBe('delivered');
    expect(w.platform.calls).toHaveLength(7);
  });

  it('"send now" skips the wait', async () => {
    const w = await world({ random: 0.999, retry: { baseMs: 60_000, capMs: 600_000 } });
    const a = pkg(1);
    w.platform.script(a, { fail: new UploadTimeoutError() });
    await enqueue(w, a);
    expect(w.entry(a).state).toMatchObject({ status: 'waiting', attempt: 1, lastError: { kind: 'timeout' } });
    expect(w.time.pendingCount).toBe(1);
    await w.outbox.sendNow(a.submissionId);
    await settle();
    expect(w.entry(a).state.status).toBe('delivered');
    expect(w.time.now).toBe(T0);
    expect(w.time.pendingCount).toBe(0);
  });

  it('"send now" pressed while a failed probe is being recorded leaves a proper backoff (the count it resets is never 0 for the delay)', async () => {
    // Each depth lands the press at another point of the pump's own awaits.
    for (let depth = 0; depth < 8; depth += 1) {
      const w = await world();
      const a = pkg(1);
      w.platform.online = false;
      await enqueue(w, a);
      const probe = w.platform.probe.bind(w.platform);
      let pressed = false;
      w.platform.probe = async () => {
        const answer = await probe();
        if (pressed) return answer;
        pressed = true;
        void (async () => {
          for (let i = 0; i < depth; i += 1) await Promise.resolve();
          await w.outbox.sendNow(a.submissionId);
        })();
        return answer;
      };
      w.outbox.kick();
      await settle();
      expect({ depth, status: w.entry(a).state.status }).toEqual({ depth, status: 'queued' });
      expect(w.time.pendingCount).toBeGreaterThan(0);
      w.outbox.stop();
    }
  });

  it('rejects an invalid package, shows the platform reason and never retries it by itself', async () => {
    const w = await world();
    const a = pkg(1);
    w.platform.script(a, { fail: new PlatformRejection('invalid-package', '承诺书文件的哈希值与清单不符') });
    await enqueue(w, a);
    expect(w.entry(a).state).toEqual({ status: 'rejected', code: 'invalid-package', message: '承诺书文件的哈希值与清单不符' });
    await w.time.advance(3_600_000);
    await w.outbox.sendNow(a.submissionId);
    await settle();
    expect(w.platform.calls).toHaveLength(1);
    expect(w.entry(a).state.status).toBe('rejected');

    const corrected = { ...a, sha256: 'cd'.repeat(32) };
    await w.outbox.resend(corrected);
    await settle();
    expect(w.entry(a).state).toMatchObject({ status: 'delivered', receipt: { sha256: corrected.sha256 } });
  });

  it('rejects a conflict as final', async () => {
    const w = await world();
    const a = pkg(1);
    w.platform.script(a, { fail: new PlatformRejection('conflict', '该提交编号已收到内容不同的材料') });
    await enqueue(w, a);
    await w.time.advance(3_600_000);
    expect(w.entry(a).state).toEqual({ status: 'rejected', code: 'conflict', message: '该提交编号已收到内容不同的材料' });
    expect(w.platform.calls).toHaveLength(1);
  });

  it('resumes after a cut at the saved upload URL and offset', async () => {
    const w = await world();
    const a = pkg(1);
    w.platform.script(a, { fail: new NetworkError('connection reset'), after: 5_000 });
    await enqueue(w, a);
    expect(w.entry(a)).toMatchObject({ state: { status: 'waiting', attempt: 1 }, resume: { sha256: a.sha256, offset: 5_000 } });
    await w.time.advance(1_000);
    expect(w.entry(a).state.status).toBe('delivered');
    expect(w.platform.calls[1]?.options).toMatchObject({ resumeUrl: `https://platform.invalid/files/${a.sha256.slice(0, 12)}`, resumeOffset: 5_000 });
  });

  it('resumes an upload interrupted by an app restart, from the persisted URL and offset', async () => {
    const log: string[] = [];
    const time = new FakeTime();
    const first = await world({ log, time });
    const a = pkg(1);
    const b = pkg(2);
    first.platform.script(a, { hang: 4_000 });
    await enqueue(first, a, b);
    expect(first.storage.saved.get(a.submissionId)).toMatchObject({ state: { status: 'sending', sent: 4_000 }, resume: { offset: 4_000 } });
    first.outbox.stop();

    log.length = 0;
    const second = await world({ log, time, storage: first.storage });
    await settle();
    expect(log.slice(0, 4)).toEqual(['save 001 queued', 'probe ok', 'save 001 sending', 'upload 001 resume 4000']);
    expect(second.platform.calls[0]?.options.resumeUrl).toBe(`https://platform.invalid/files/${a.sha256.slice(0, 12)}`);
    expect(second.entry(a).state.status).toBe('delivered');
    expect(second.entry(b).state.status).toBe('delivered');
  });

  it('sends nothing when the sending state cannot be saved', async () => {
    const w = await world();
    w.storage.failOn = (entry) => entry.state.status === 'sending';
    const a = pkg(1);
    await enqueue(w, a);
    expect(w.platform.calls).toHaveLength(0);
    expect(w.entry(a).state.status).toBe('queued');
    expect(w.errors).toHaveLength(1);
  });

  it('applies a receipt again when saving it failed, instead of staying in sending', async () => {
    const w = await world();
    let failures = 1;
    w.storage.failOn = (entry) => entry.state.status === 'delivered' && failures-- > 0;
    const a = pkg(1);
    await enqueue(w, a);
    expect(w.entry(a).state.status).toBe('sending');
    await w.time.advance(60_000);
    expect(w.entry(a).state.status).toBe('delivered');
    expect(w.storage.saved.get(a.submissionId)?.state.status).toBe('delivered');
    expect(w.platform.calls).toHaveLength(1);
  });

  it('keeps the queue moving when saving the start of a send failed', async () => {
    const w = await world();
    let failures = 1;
    w.storage.failOn = (entry) => entry.state.status === 'sending' && failures-- > 0;
    const a = pkg(1);
    await enqueue(w, a);
    expect(w.platform.calls).toHaveLength(0);
    await w.time.advance(60_000);
    expect(w.entry(a).state.status).toBe('delivered');
  });

  it('tells the caller when a submission could not be queued, and keeps nothing half-queued', async () => {
    const w = await world();
    w.storage.failOn = (entry) => entry.state.status === 'queued';
    await expect(w.outbox.enqueue(pkg(1))).rejects.toThrow('disk full');
    expect(w.outbox.list()).toEqual([]);
    expect(w.platform.calls).toHaveLength(0);
  });

  it('sends one at a time in the order submissions were queued', async () => {
    const w = await world();
    const packages = [5, 3, 9, 1, 7].map((n) => pkg(n));
    await enqueue(w, ...packages);
    expect(w.platform.calls.map((c) => short(c.pkg.submissionId))).toEqual(['005', '003', '009', '001', '007']);
    expect(w.platform.maxInFlight).toBe(1);
  });

  it('drains 50 submissions to delivered despite timeouts and cuts along the way', async () => {
    const w = await world();
    const packages = Array.from({ length: 50 }, (_, i) => pkg(i + 1, 50_000));
    packages.forEach((p, i) => {
      if (i % 7 === 0) w.platform.script(p, { fail: new UploadTimeoutError() });
      if (i % 11 === 0) w.platform.script(p, { fail: new NetworkError(), after: 25_000 });
    });
    await enqueue(w, ...packages);
    await w.time.advance(60_000);
    expect(w.outbox.list().map((e) => e.state.status)).toEqual(Array(50).fill('delivered'));
    expect(new Set(w.outbox.list().map((e) => (e.state.status === 'delivered' ? e.state.receipt.receiptId : ''))).size).toBe(50);
    expect(w.platform.maxInFlight).toBe(1);
    // Each cut upload went on from where it stopped.
    expect(w.platform.calls.filter((c) => c.options.resumeOffset === 25_000)).toHaveLength(5);
  });
});
