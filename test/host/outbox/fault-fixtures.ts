import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { OutboxEntry, SubmissionState } from '../../../core/outbox/outbox-entry';
import { OutboxSnapshotSchema, type OutboxSnapshot } from '../../../core/outbox/outbox-item';
import { ReceiptSchema, ROUTES, SubmissionListingSchema, type Receipt, type SubmissionListing } from '../../../core/protocol/reference-protocol';
import { issueToken } from '../../../platform/credentials';
import { startPlatform } from '../../../platform/platform-server';
import { issueUnitToken, OFFICE, TOKEN } from '../../support/submission-fixtures';

/**
 * What the fault suite needs around the app's outbox: the platform with a way to look at what it
 * holds, waits for the outbox to reach a state, and the outbox run as a child process.
 */

export interface FaultPlatform {
  readonly url: string;
  /** File names under `<data>/packages`, sorted. */
  storedPackages(): Promise<string[]>;
  storedBytes(submissionId: string): Promise<Uint8Array>;
  /** `GET /submissions`, as an office's supervisor would see it. */
  listing(): Promise<SubmissionListing[]>;
  /** `GET /submissions/:id/receipt`: the signed receipt exactly as the platform issues it. */
  receipt(submissionId: string): Promise<Receipt>;
  stop(): Promise<void>;
}

const ListingSchema = z.object({ submissions: z.array(SubmissionListingSchema) });

/** The real reference platform on loopback with a fresh data folder, on `port` when given (0: any free port). */
export async function startFaultPlatform(port = 0): Promise<FaultPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-fault-platform-'));
  await issueUnitToken(dataDir);
  const operator = (await issueToken(dataDir, { operator: true, name: '市信用办' })).token;
  const platform = await startPlatform({ dataDir, port, identity: OFFICE });
  return {
    url: platform.url,
    storedPackages: async () => (await readdir(join(dataDir, 'packages'))).sort(),
    storedBytes: async (submissionId) => new Uint8Array(await readFile(join(dataDir, 'packages', `${submissionId}.zip`))),
    async listing() {
      const response = await fetch(new URL(ROUTES.submissions, platform.url), { headers: { Authorization: `Bearer ${operator}` } });
      return ListingSchema.parse(await response.json()).submissions;
    },
    async receipt(submissionId) {
      const response = await fetch(new URL(ROUTES.receipt(submissionId), platform.url), { headers: { Authorization: `Bearer ${operator}` } });
      return ReceiptSchema.parse(await response.json());
    },
    async stop() {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const entryOf = (snapshot: OutboxSnapshot, submissionId: string): OutboxEntry | undefined =>
  snapshot.items.find((item) => item.entry.package.submissionId === submissionId)?.entry;

interface Observable {
  snapshot(): OutboxSnapshot;
  subscribe(listener: (snapshot: OutboxSnapshot) => void): () => void;
}

/** Resolves with the first snapshot `done` accepts, checking the current one first. */
export function until(outbox: Observable, done: (snapshot: OutboxSnapshot) => boolean, ms = 10_000): Promise<OutboxSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Timed out after ${ms} ms; last snapshot: ${JSON.stringify(outbox.snapshot())}`));
    }, ms);
    const check = (snapshot: OutboxSnapshot) => {
      if (!done(snapshot)) return;
      clearTimeout(timer);
      stop();
      resolve(snapshot);
    };
    const stop = outbox.subscribe(check);
    check(outbox.snapshot());
  });
}

/** Resolves once `done()` holds, checking every few milliseconds. */
export async function waitFor(done: () => boolean, ms = 10_000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every state one submission goes through from now on, in order, without repeats. */
export function trace(outbox: Observable, submissionId: string): SubmissionState[] {
  const states: SubmissionState[] = [];
  const record = (snapshot: OutboxSnapshot) => {
    const state = entryOf(snapshot, submissionId)?.state;
    if (state && JSON.stringify(state) !== JSON.stringify(states.at(-1))) states.push(state);
  };
  outbox.subscribe(record);
  record(outbox.snapshot());
  return states;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');

/** The outbox in a child process (fault-outbox-process.ts), seen through the snapshots it prints. */
export interface OutboxProcess extends Observable {
  readonly child: ChildProcess;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Ends it at once, as a crash or a pulled plug would; no handler of its own runs. */
  kill(): Promise<void>;
}

export function startOutboxProcess(args: { readonly dataDir: string; readonly endpoint?: string; readonly packageFile?: string }): OutboxProcess {
  const flags = ['--data', args.dataDir, ...(args.endpoint ? ['--endpoint', args.endpoint] : []), ...(args.packageFile ? ['--add', args.packageFile] : [])];
  // `--import tsx` keeps it one process: tsx's own CLI would start a second one that a kill leaves behind.
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'fault-outbox-process.ts'), ...flags], {
    cwd: ROOT,
    env: { ...process.env, PLEDGE_FAULT_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let last: OutboxSnapshot = { items: [], connection: { state: 'unknown' } };
  let stderr = '';
  const listeners = new Set<(snapshot: OutboxSnapshot) => void>();
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    last = OutboxSnapshotSchema.parse(JSON.parse(line));
    for (const listener of listeners) listener(last);
  });
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | NodeJS.Signals);
  return {
    child,
    exited,
    snapshot: () => last,
    stderr: () => stderr,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
