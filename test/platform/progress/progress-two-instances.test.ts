import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackage } from '../../../core/package/build-package';
import { ROUTES } from '../../../core/protocol/reference-protocol';
import { issueToken } from '../../../platform/credentials';
import { startPlatform, type Platform } from '../../../platform/platform-server';
import { ID, packageInput } from '../../support/package-fixtures';
import { auth, expectRefusal, upload } from '../../support/platform-requests';
import { createTestDatabase } from '../../support/postgres-server';
import { OFFICE, TOKEN, UNIT } from '../../support/submission-fixtures';
import { progressPackage, progressReport, PROGRESS_ID, SERVICE_LETTER } from './progress-fixtures';

/** Two platform instances on one PostgreSQL database and one data folder: a report is accepted once, whichever gets it. */
const LETTER = buildPackage(packageInput());
const PROGRESS = progressPackage(progressReport(SERVICE_LETTER, ID));

let dataDir: string;
let a: Platform;
let b: Platform;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-progress-two-'));
  const database = await createTestDatabase();
  await issueToken({ dataDir, database }, { unit: UNIT.code, name: UNIT.name }, TOKEN);
  const start = () => startPlatform({ dataDir, database, port: 0, identity: OFFICE });
  [a, b] = await Promise.all([start(), start()]);
  expect((await upload(a.url, LETTER, { submissionId: ID, token: TOKEN })).status).toBe(200);
});

afterEach(async () => {
  await Promise.all([a.close(), b.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

describe('progress reports on two platform instances', () => {
  it('gives one report sent to both at once one receipt and one stored file, and answers it from both', async () => {
    const answers = await Promise.all([a, b, a, b].map((platform) => upload(platform.url, PROGRESS, { submissionId: PROGRESS_ID, token: TOKEN })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const bodies = new Set(await Promise.all(answers.map((answer) => answer.text())));
    expect(bodies.size).toBe(1);
    expect(await readdir(join(dataDir, 'packages', 'progress'))).toEqual([`${PROGRESS_ID}.zip`]);
    for (const platform of [a, b]) expect(await (await fetch(new URL(ROUTES.receipt(PROGRESS_ID), platform.url), { headers: auth(TOKEN) })).text()).toBe([...bodies][0]);

    const other = progressPackage(progressReport(SERVICE_LETTER, ID, (report) => ({ ...report, period: '2026-Q3' })));
    await expectRefusal(await upload(b.url, other, { submissionId: PROGRESS_ID, token: TOKEN }), 409, 'conflict');
    const listed = (await (await fetch(new URL(ROUTES.submissions, b.url), { headers: auth(TOKEN) })).json()) as { submissions: { submissionId: string }[] };
    expect(listed.submissions.map((submission) => submission.submissionId)).toEqual([ID]);
  });
});
