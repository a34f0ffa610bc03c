import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATION_ENGINES, type MigrationEngine } from '../store/migration-engines';
import { newSubmission, PREFIX } from '../store/store-engines';

/**
 * A database as the previous version left it (every migration before 0004-progress-reports,
 * which are today's: shipped migrations never change), with a letter in it: opening it with
 * today's store adds the table, keeps the letter as it was, and takes reports of it.
 */
const PROGRESS_MIGRATION = '0004-progress-reports';


describe.each(MIGRATION_ENGINES)('the progress migration on $name', (engine) => {
  let dataDir: string;
  let database: Awaited<ReturnType<MigrationEngine['setup']>>;
  const letter = newSubmission();

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pledge-progress-upgrade-'));
    await mkdir(join(dataDir, 'packages'));
    database = await engine.setup(dataDir);
    const store = await database.open();
    try {
      await store.submissions.record({ entry: letter, commitmentPrefix: PREFIX, persist: () => undefined });
    } finally {
      await store.close();
    }
    // Back to the previous version's schema: the table and the migration's entry gone.
    await database.exec('DROP TABLE progress_reports');
    await database.exec(`DELETE FROM schema_migrations WHERE name = '${PROGRESS_MIGRATION}'`);
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('adds the table once, keeps the letters as they were, and takes a report of a letter received before', async () => {
    const store = await database.open();
    try {
      const before = await store.submissions.find(letter.submissionId);
      expect(before).toMatchObject({ submissionId: letter.submissionId, commitmentCode: `${PREFIX}000001` });
      expect(await store.progress.listForLetter(letter.submissionId)).toEqual([]);
      const report = {
        receiptId: 'receipt-progress',
        submissionId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
        letterSubmissionId: letter.submissionId,
        sha256: 'd'.repeat(64),
        receivedAt: '2026-07-03T02:00:00.000Z',
        unitName: letter.unitName,
        creditCode: letter.creditCode,
        year: 2026,
        period: '2026',
        size: 1024,
        items: [{ number: 1, status: '已兑现' as const }],
      };
      expect((await store.progress.record({ entry: report, persist: () => undefined })).fresh).toBe(true);
      expect(await store.progress.listForLetter(letter.submissionId)).toEqual([report]);
      expect(await store.submissions.list()).toEqual([before]);
    } finally {
      await store.close();
    }
    const again = await database.open();
    await again.close();
    expect(await database.exec('SELECT name FROM schema_migrations ORDER BY name')).toEqual([...engine.migrations]);
    expect(engine.migrations.at(-1)).toBe(PROGRESS_MIGRATION);
  });
});
