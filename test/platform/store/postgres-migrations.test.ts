import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATION_NAMES } from '../../../platform/store/postgres/postgres-migrations';
import { openPostgresStore, shownDatabase } from '../../../platform/store/postgres-store';
import { SQLITE_MIGRATION_NAMES } from '../../../platform/store/sqlite/sqlite-migrations';
import { deadEndpoint } from '../../support/submission-fixtures';
import { createTestDatabase } from '../../support/postgres-server';

describe('the PostgreSQL migrations', () => {
  it('run once when several instances open one empty database at the same moment', async () => {
    const database = await createTestDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(database)));
    await Promise.all(stores.map((store) => store.close()));
    const reopened = await openPostgresStore(database);
    await reopened.close();

    const { rows } = await withClient(database, (client) => client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name'));
    expect(rows.map((row) => row.name)).toEqual(POSTGRES_MIGRATION_NAMES);
  });

  it('leave nothing half done when one fails, and say so', async () => {
    const database = await createTestDatabase();
    // A table in the way of the second migration: the first one must be rolled back with it.
    await withClient(database, (client) => client.query('CREATE TABLE roster (x INTEGER)'));
    await expect(openPostgresStore(database)).rejects.toThrow(/表结构升级失败.*relation "roster" already exists/);
    const left = await withClient(database, (client) => client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"));
    expect(left.rows.map((row) => row.name)).toEqual(['roster']);
  });

  it('are named as SQLite’s, so one list tells both engines’ history', () => {
    expect(POSTGRES_MIGRATION_NAMES).toEqual(SQLITE_MIGRATION_NAMES);
  });

  it('refuse a database that cannot be reached in Chinese, naming it without its password', async () => {
    const address = new URL(await deadEndpoint());
    const database = `postgres://pledge:secret-password@${address.host}/pledge`;
    const refusal = await openPostgresStore(database).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(refusal?.message).toContain(`无法打开数据库 postgres://pledge@${address.host}/pledge`);
    expect(refusal?.message).not.toContain('secret-password');
    expect(shownDatabase('postgresql://a@h/db')).toBe('postgresql://a@h/db');
  });
});

async function withClient<T>(database: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
