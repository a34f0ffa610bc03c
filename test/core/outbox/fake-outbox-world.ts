import type { OutboxEntry, PackageRef } from '../../../core/outbox/outbox-entry';
import type { OutboxStorage, OutboxTimers } from '../../../core/outbox/create-outbox';
import type { PlatformClient, UploadOptions } from '../../../core/outbox/platform-client';
import type { Receipt } from '../../../core/protocol/reference-protocol';

// Invented data and test doubles for the outbox: a clock with timers that only move when told,
// an in-memory store and a platform whose answers each test scripts.

export const T0 = Date.UTC(2026, 5, 1, 1, 0, 0);

export function pkg(n: number, size = 10_000): PackageRef {
  return {
    submissionId: `6f1c2d3e-0000-4000-8000-${n.toString().padStart(12, '0')}`,
    sha256: (n.toString(16).padStart(2, '0') + 'ab').repeat(16),
    size,
  };
}

/** Lets promise chains and the callbacks they schedule run to rest. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class FakeTime implements OutboxTimers {
  now = T0;
  /** Milliseconds the next timer to fire comes early by the clock; reset once it has fired. */
  earlyBy = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  readonly clock = { now: () => this.now };

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** How far off each pending timer is. */
  pendingDelays(): number[] {
    return [...this.pending.values()].map((t) => t.at - this.now);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Moves the clock forward, firing due timers in time order and letting each one's work settle. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.pending.delete(due[0]);
      // The next timer may see the clock short of its time, as Node's timers sometimes do.
      this.now = Math.max(this.now, due[1].at - this.earlyBy);
      this.earlyBy = 0;
      due[1].callback();
      await settle();
    }
    this.now = target;
    await settle();
  }
}

export class MemoryStorage implements OutboxStorage {
  readonly saved = new Map<string, OutboxEntry>();
  failOn?: (entry: OutboxEntry) => boolean;

  constructor(private readonly log: string[]) {}

  async load(): Promise<readonly OutboxEntry[]> {
    return [...this.saved.values()].map((entry) => structuredClone(entry));
  }

  async save(entry: OutboxEntry): Promise<void> {
    if (this.failOn?.(entry)) throw new Error('disk full');
    this.log.push(`save ${short(entry.package.submissionId)} ${entry.state.status}`);
    this.saved.set(entry.package.submissionId, structuredClone(entry));
  }
}

/** One scripted attempt: deliver, fail with an error after some bytes, or hang like a killed connection. */
export type Attempt = { readonly deliver: true; readonly from?: number; readonly receipt?: Partial<Receipt> } | { readonly fail: Error; readonly after?: number } | { readonly hang: number };

export class FakePlatform implements PlatformClient {
  online = true;
  readonly calls: { pkg: PackageRef; options: UploadOptions; storedStatus: string | undefined }[] = [];
  private readonly scripts = new Map<string, Attempt[]>();
  private inFlight = 0;
  maxInFlight = 0;

  constructor(
    private readonly log: string[],
    private readonly time: FakeTime,
    private readonly storage: MemoryStorage,
  ) {}

  script(pkgRef: PackageRef, ...attempts: Attempt[]): void {
    this.scripts.set(pkgRef.submissionId, attempts);
  }

  async probe(): Promise<boolean> {
    this.log.push(`probe ${this.online ? 'ok' : 'down'}`);
    return this.online;
  }

  async upload(pkgRef: PackageRef, options: UploadOptions): Promise<Receipt> {
    const id = pkgRef.submissionId;
    this.log.push(`upload ${short(id)}${options.resumeUrl ? ` resume ${options.resumeOffset}` : ''}`);
    this.calls.push({ pkg: pkgRef, options, storedStatus: this.storage.saved.get(id)?.state.status });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const attempt = this.scripts.get(id)?.shift() ?? { deliver: true };
      await Promise.resolve();
      options.onUploadUrl(options.resumeUrl ?? `https://platform.invalid/files/${pkgRef.sha256.slice(0, 12)}`);
      if ('hang' in attempt) {
        options.onProgress(attempt.hang);
        return await new Promise<Receipt>(() => undefined);
      }
      if ('fail' in attempt) {
        if (attempt.after !== undefined) options.onProgress(attempt.after);
        throw attempt.fail;
      }
      options.onProgress(Math.floor(pkgRef.size / 2));
      options.onProgress(pkgRef.size);
      return { receiptId: `R-${short(id)}`, submissionId: id, sha256: pkgRef.sha256, receivedAt: new Date(this.time.now).toISOString(), ...attempt.receipt };
    } finally {
      this.inFlight -= 1;
    }
  }
}

export function short(submissionId: string): string {
  return submissionId.slice(-3);
}
