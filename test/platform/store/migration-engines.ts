import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import type { PlatformStore } from '../../../platform/store/platform-store';
import { openPostgresStore } from '../../../platform/store/postgres-store';
import { POSTGRES_MIGRATION_NAMES } from '../../../platform/store/postgres/postgres-migrations';
import { DATABASE_FILE, openSqliteStore } from '../../../platform/store/sqlite-store';
import { SQLITE_MIGRATION_NAMES } from '../../../platform/store/sqlite/sqlite-migrations';
import { createTestDatabase } from '../../support/postgres-server';

/**
 * The two engines as a migration test needs them: each one's migration names, today's store
 * opened on a fresh database over a data folder, and SQL run on that database directly (to
 * build the database an earlier version left behind).
 */
export interface MigrationEngine {
  readonly name: string;
  readonly migrations: readonly string[];
  /** Opens today's store on the engine's database over `dataDir`, and runs SQL on that database directly. */
  setup(dataDir: string): Promise<{ open(): Promise<PlatformStore>; exec(sql: string): Promise<string[]> }>;
}

export const MIGRATION_ENGINES: readonly MigrationEngine[] = [
  {
    name: 'sqlite',
    migrations: SQLITE_MIGRATION_NAMES,
    setup: async (dataDir) => ({
      open: () => openSqliteStore(dataDir),
      exec: async (sql) => {
        const db = new Database(join(dataDir, DATABASE_FILE));
        try {
          return /^\s*SELECT/i.test(sql) ? db.prepare<[], { name: string }>(sql).all().map((row) => row.name) : (db.exec(sql), []);
        } finally {
          db.close();
        }
      },
    }),
  },
  {
    name: 'postgres',
    migrations: POSTGRES_MIGRATION_NAMES,
    setup: async (dataDir) => {
      const database = await createTestDatabase();
      return {
        open: () => openPostgresStore(database, { dataDir }),
        exec: async (sql) => {
          const client = new pg.Client({ connectionString: database });
          await client.connect();
          try {
            return (await client.query<{ name: string }>(sql)).rows.map((row) => row.name);
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];
