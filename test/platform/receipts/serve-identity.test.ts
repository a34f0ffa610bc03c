import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLATFORM_DOCUMENT_PATH, PlatformDocumentSchema } from '../../../core/protocol/platform-document';
import { TRIAL_IDENTITY } from '../../../platform/identity/identity-file';
import { exitOfPlatform, servePlatform, stopPlatformProcesses } from '../../support/platform-command';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-serve-identity-'));
});
afterEach(async () => {
  await stopPlatformProcesses();
  await rm(dataDir, { recursive: true, force: true });
});

describe('serve and the platform’s identity', () => {
  it('refuses to start without an identity, exit 2, saying how to set one', async () => {
    const { code, stderr } = await exitOfPlatform(['serve', '--port', '0', '--data', dataDir]);
    expect(code).toBe(2);
    expect(stderr).toContain('尚未设置平台身份');
    expect(stderr).toContain('identity set');
  }, 30_000);

  it('runs an --open trial under the invented trial identity, and says so', async () => {
    const { url, stderr } = await servePlatform(['serve', '--open', '--port', '0', '--data', dataDir]);
    const document = PlatformDocumentSchema.parse(await (await fetch(`${url}${PLATFORM_DOCUMENT_PATH}`)).json());
    expect(document.platform).toEqual(TRIAL_IDENTITY);
    await expect.poll(stderr).toContain('回执仅供试用');
  }, 30_000);
});
