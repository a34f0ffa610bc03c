import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../../../platform/store/postgres-store';
import type { NewSubmission, PlatformStore } from '../../../platform/store/platform-store';
import { openSqliteStore } from '../../../platform/store/sqlite-store';
import { createTestDatabase } from '../../support/postgres-server';

/**
 * The two engines behind PlatformStore, for `describe.each`: each `backend()` is a fresh, empty
 * database (a data folder's SQLite file, or a PostgreSQL database of the run's server) that any
 * number of store instances can open at once, as several platform instances would.
 */
export interface StoreBackend {
  open(now?: () => Date): Promise<PlatformStore>;
  /** Closes what this backend opened and removes its files. */
  dispose(): Promise<void>;
}

export interface StoreEngine {
  readonly name: 'sqlite' | 'postgres';
  backend(): Promise<StoreBackend>;
}

export const STORE_ENGINES: readonly StoreEngine[] = [
  {
    name: 'sqlite',
    backend: async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'pledge-store-'));
      return tracking((now) => openSqliteStore(dataDir, join(dataDir, 'packages'), now), () => rm(dataDir, { recursive: true, force: true }));
    },
  },
  {
    name: 'postgres',
    backend: async () => {
      const database = await createTestDatabase();
      return tracking((now) => openPostgresStore(database, now ? { now } : {}), async () => undefined);
    },
  },
];

function tracking(open: (now?: () => Date) => Promise<PlatformStore>, remove: () => Promise<unknown>): StoreBackend {
  const opened: PlatformStore[] = [];
  return {
    open: async (now) => {
      const store = await open(now);
      opened.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await remove();
    },
  };
}

/** Invented units (both codes pass GB 32100's check characters). */
export const SERVICE_CENTRE = { code: '122399214012770352', name: '青山县政务服务中心' } as const;
export const REFORM_BUREAU = { code: '112399210035830292', name: '青山县发展和改革局' } as const;

/** The prefix of 承诺编码 for an invented 行政区划代码 and the letter's date. */
export const PREFIX = '239901' + '20260420';

/** A submission about to be recorded, of the service centre, 2026, unless overridden. */
export function newSubmission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    receiptId: randomUUID(),
    submissionId: randomUUID(),
    sha256: 'a'.repeat(64),
    receivedAt: '2026-04-21T02:00:00.000Z',
    unitName: SERVICE_CENTRE.name,
    creditCode: SERVICE_CENTRE.code,
    year: 2026,
    size: 20_480,
    kind: 'unit',
    letterDate: '2026-04-20',
    ...overrides,
  };
}
