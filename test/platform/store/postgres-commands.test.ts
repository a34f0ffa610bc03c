import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackage } from '../../../core/package/build-package';
import { ReceiptSchema } from '../../../core/protocol/reference-protocol';
import { saveIdentity } from '../../../platform/identity/identity-file';
import { openPostgresStore } from '../../../platform/store/postgres-store';
import { OFFICE } from '../../support/office';
import { ID, packageInput } from '../../support/package-fixtures';
import { upload } from '../../support/platform-requests';
import { deadEndpoint } from '../../support/submission-fixtures';
import { createTestDatabase } from '../../support/postgres-server';
import { runPlatform, servePlatform, stopPlatformProcesses } from '../../support/platform-command';
import { REFORM_BUREAU, SERVICE_CENTRE } from './store-engines';

/** `--database postgres://…` on every command that opens the store: serve, token and roster. */

let dataDir: string;
let database: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-postgres-cli-'));
  database = await createTestDatabase();
  await saveIdentity(dataDir, OFFICE);
});

afterEach(async () => {
  await stopPlatformProcesses();
  await rm(dataDir, { recursive: true, force: true });
});

async function inDatabase<T>(use: (store: Awaited<ReturnType<typeof openPostgresStore>>) => Promise<T>): Promise<T> {
  const store = await openPostgresStore(database);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

describe('the platform’s commands on PostgreSQL', () => {
  it('issue and list tokens, import the roster and serve from the database, never the data folder’s SQLite file', async () => {
    const issued = await runPlatform(['token', 'issue', '--data', dataDir, '--database', database, '--unit', SERVICE_CENTRE.code, '--name', SERVICE_CENTRE.name]);
    expect(issued.code).toBe(0);
    const token = /pledge_[\w-]{43}/.exec(issued.stdout)![0];
    const listed = await runPlatform(['token', 'list', '--data', dataDir, '--database', database]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(SERVICE_CENTRE.code);

    const roster = join(dataDir, 'roster.csv');
    await writeFile(roster, `单位名称,统一社会信用代码,所属区县,单位类型\n${SERVICE_CENTRE.name},${SERVICE_CENTRE.code},青山县,事业单位\n${REFORM_BUREAU.name},${REFORM_BUREAU.code},青山县,机关\n`);
    expect((await runPlatform(['roster', 'import', roster, '--data', dataDir, '--database', database])).code).toBe(0);
    expect((await inDatabase((store) => store.roster.list())).map((unit) => unit.creditCode)).toEqual([REFORM_BUREAU.code, SERVICE_CENTRE.code]);

    const { url } = await servePlatform(['serve', '--data', dataDir, '--database', database, '--port', '0']);
    const response = await upload(url, buildPackage(packageInput()), { submissionId: ID, token });
    expect(response.status).toBe(200);
    const receipt = ReceiptSchema.parse(await response.json());

    expect((await inDatabase((store) => store.submissions.find(ID)))?.receiptId).toBe(receipt.receiptId);
    expect(await readdir(dataDir)).not.toContain('index.sqlite');
  }, 120_000);

  it('refuse a database that is not PostgreSQL, or cannot be reached, in Chinese: no password, no stack trace, exit 2', async () => {
    const address = new URL(await deadEndpoint());
    const cases = [
      { args: ['token', 'list', '--data', dataDir, '--database', 'mysql://pledge:secret@127.0.0.1/pledge'], says: '--database 只接受 PostgreSQL 的连接地址' },
      { args: ['token', 'issue', '--data', dataDir, '--database', `postgres://pledge:secret@${address.host}/pledge`, '--operator'], says: `无法打开数据库 postgres://pledge@${address.host}/pledge` },
      { args: ['serve', '--data', dataDir, '--database', `postgres://pledge:secret@${address.host}/pledge`, '--port', '0'], says: '无法打开数据库' },
    ];
    for (const { args, says } of cases) {
      const refused = await runPlatform(args);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(says);
      expect(refused.stderr).not.toContain('secret');
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
