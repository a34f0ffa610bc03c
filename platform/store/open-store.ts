import { join } from 'node:path';
import type { PlatformStore } from './platform-store';
import { openSqliteStore } from './sqlite-store';
import { openPostgresStore, shownDatabase } from './postgres-store';
import { t } from '../i18n/translate';
import { DatabaseRefusal } from './database-refusal';

/**
 * Where a platform keeps its records: always a data folder (package files, uploads, the signing
 * key), and either the SQLite file in it or a PostgreSQL database named by `database`
 * (`postgres://…`), which several instances sharing the folder can use at once.
 */
export interface StoreLocation {
  readonly dataDir: string;
  readonly database?: string;
}

export function openStore(location: StoreLocation | string, now?: () => Date): Promise<PlatformStore> {
  const { dataDir, database } = typeof location === 'string' ? { dataDir: location, database: undefined } : location;
  const packagesDir = join(dataDir, 'packages');
  if (database === undefined) return openSqliteStore(dataDir, packagesDir, now);
  if (/^postgres(ql)?:\/\//i.test(database)) return openPostgresStore(database, { dataDir, ...(now ? { now } : {}) });
  throw new DatabaseRefusal(t('platform.storage.unsupportedDatabase', { url: shownDatabase(database) }));
}

/** Opens, uses and closes a store: for the commands that run once (token, roster). */
export async function withStore<T>(location: StoreLocation | string, use: (store: PlatformStore) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
