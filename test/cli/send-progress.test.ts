import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackage } from '../../core/package/build-package';
import { buildProgressPackage } from '../../core/progress/build-progress-package';
import { newProgressReport } from '../../core/progress/new-progress';
import { parsePeriod } from '../../core/progress/progress-period';
import { ReceiptSchema } from '../../core/protocol/reference-protocol';
import { validateLetter } from '../../core/letter/validate-letter';
import { ID, packageInput, PDF } from '../support/package-fixtures';
import { startTestPlatform, TOKEN } from '../support/submission-fixtures';
import { runCli } from './run-cli';

const REPORT_ID = '3c9d1e2f-4a5b-4c6d-8e7f-90a1b2c3d4e5';

let server: Awaited<ReturnType<typeof startTestPlatform>>;
let dir: string;
beforeEach(async () => {
  server = await startTestPlatform();
  dir = await mkdtemp(join(tmpdir(), 'pledge-send-progress-'));
});
afterEach(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A quarter's report of the fixtures' letter, packed. */
function progressPackage(): Uint8Array {
  const validation = validateLetter(packageInput().letter, { allowSampleContent: true });
  if (!validation.ok) throw new Error('the fixture letter is not valid');
  const report = newProgressReport(validation.letter, ID, parsePeriod('2026-Q2')!);
  return buildProgressPackage({ report, pdf: PDF, evidence: [], submissionId: REPORT_ID, createdAt: new Date('2026-07-03T02:00:00Z') });
}

const send = async (file: string) => runCli(['send', file, '--endpoint', server.platform.url, '--token', TOKEN, '--state', join(dir, `${Math.random()}.json`)], new Date());

describe('pledge send with a progress package', () => {
  it('delivers the report of a delivered letter exactly once, with a receipt of its own and no 承诺编码', async () => {
    const letter = join(dir, 'letter.zip');
    await writeFile(letter, buildPackage(packageInput()));
    expect((await send(letter)).code).toBe(0);
    const file = join(dir, 'progress.zip');
    await writeFile(file, progressPackage());
    const first = await send(file);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const receipt = ReceiptSchema.parse(JSON.parse(first.stdout));
    expect(receipt.submissionId).toBe(REPORT_ID);
    expect(receipt.commitmentCode).toBeUndefined();
    expect(receipt.signature).toBeDefined();
    const again = await send(file);
    expect(ReceiptSchema.parse(JSON.parse(again.stdout)).receiptId).toBe(receipt.receiptId);
  });

  it('is refused by the platform when it has not received the letter', async () => {
    const file = join(dir, 'progress.zip');
    await writeFile(file, progressPackage());
    const result = await send(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('不在平台已收到的承诺书中');
  });
});
