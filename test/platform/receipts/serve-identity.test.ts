import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLATFORM_DOCUMENT_PATH, PlatformDocumentSchema } from '../../../core/protocol/platform-document';
import { TRIAL_IDENTITY } from '../../../platform/identity/identity-file';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const entry = [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'platform/serve-platform.ts')];
let dataDir: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-serve-identity-'));
});
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  child = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('serve and the platform’s identity', () => {
  it('refuses to start without an identity, exit 2, saying how to set one', async () => {
    const started = spawn(process.execPath, [...entry, 'serve', '--port', '0', '--data', dataDir], { cwd: root });
    let stderr = '';
    started.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = (await once(started, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr).toContain('尚未设置平台身份');
    expect(stderr).toContain('identity set');
  }, 30_000);

  it('runs an --open trial under the invented trial identity, and says so', async () => {
    child = spawn(process.execPath, [...entry, 'serve', '--open', '--port', '0', '--data', dataDir], { cwd: root });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    let output = '';
    let url: string | undefined;
    for await (const chunk of child.stdout!) {
      output += String(chunk);
      url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url) break;
    }
    const document = PlatformDocumentSchema.parse(await (await fetch(`${url}${PLATFORM_DOCUMENT_PATH}`)).json());
    expect(document.platform).toEqual(TRIAL_IDENTITY);
    await expect.poll(() => stderr).toContain('回执仅供试用');
  }, 30_000);
});
