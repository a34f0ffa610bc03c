import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackage } from '../../../core/package/build-package';
import { ReceiptSchema } from '../../../core/sync/reference-protocol';
import { sendCommand, type SendTuning } from '../../../electron/cli/commands/send-command';
import { UploadStateSchema } from '../../../electron/sync/upload-state-file';
import { ID, packageInput, tamper } from '../../core/package/package-fixtures';
import { startCuttingProxy, type CuttingProxy } from '../sync/cutting-proxy';
import { bigPackage, deadEndpoint, startTestPlatform, TOKEN } from '../sync/sync-fixtures';
import { runCli } from './run-cli';

const PACKAGE = bigPackage(120 * 1024);
const TUNING: SendTuning = { retry: { baseMs: 1, capMs: 5 }, chunkBytes: 16 * 1024, env: {} };

let server: Awaited<ReturnType<typeof startTestPlatform>>;
let dir: string;
let proxy: CuttingProxy | undefined;

beforeEach(async () => {
  server = await startTestPlatform();
  dir = await mkdtemp(join(tmpdir(), 'pledge-send-'));
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

async function packageFile(bytes: Uint8Array = PACKAGE, name = 'package.zip'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

async function send(args: string[], tuning: SendTuning = TUNING) {
  let stdout = '';
  let stderr = '';
  const code = await sendCommand(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } }, tuning);
  return { code, stdout, stderr };
}

describe('pledge send', () => {
  it('delivers a package, prints the receipt as JSON and removes its state file', async () => {
    const file = await packageFile();
    const result = await runCli(['send', file, '--endpoint', server.platform.url, '--token', TOKEN], new Date());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(ReceiptSchema.parse(JSON.parse(result.stdout))).toMatchObject({ submissionId: ID });
    expect(existsSync(`${file}.upload.json`)).toBe(false);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('takes the token from PLEDGE_TOKEN, and without any token exits 1 with the platform’s reason', async () => {
    const file = await packageFile();
    const refused = await send([file, '--endpoint', server.platform.url]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('访问令牌');
    const sent = await send([file, '--endpoint', server.platform.url], { ...TUNING, env: { PLEDGE_TOKEN: TOKEN } });
    expect(sent.code).toBe(0);
  });

  it('exits 1 without sending when the package fails the local check', async () => {
    const file = await packageFile(
      tamper((files) => {
        files['letter.pdf'] = new TextEncoder().encode('%PDF-1.7\n% changed after signing\n%%EOF\n');
      }),
    );
    const result = await send([file, '--endpoint', server.platform.url, '--token', TOKEN]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('未通过本地校验');
    expect(result.stderr).toContain('letter.pdf');
    expect(await server.storedPackages()).toEqual([]);
  });

  it('exits 1 with the platform’s reason when it refuses the package (other bytes under an accepted id)', async () => {
    expect((await send([await packageFile(), '--endpoint', server.platform.url, '--token', TOKEN])).code).toBe(0);
    const other = await packageFile(buildPackage(packageInput({ createdAt: new Date('2026-04-22T01:30:00.000Z') })), 'other.zip');
    const result = await send([other, '--endpoint', server.platform.url, '--token', TOKEN]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`报送平台拒收了 ${other}`);
    expect(result.stderr).toContain(ID);
    expect(result.stdout).toBe('');
  });

  it('exits 3 when nothing listens at the endpoint after the retries', async () => {
    const endpoint = await deadEndpoint();
    const result = await runCli(['send', await packageFile(), '--endpoint', endpoint, '--retries', '2'], new Date());
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('第 1 次报送未成功');
    expect(result.stderr).toContain('尝试 2 次后仍未能送达');
    expect(result.stderr).toContain('ECONNREFUSED');
  });

  it('resumes on a re-run after the first run was cut off, from the saved upload URL and offset', async () => {
    const file = await packageFile();
    proxy = await startCuttingProxy({ target: server.platform.url, cutAt: [Math.floor(PACKAGE.byteLength / 2)] });
    const args = [file, '--endpoint', proxy.url, '--token', TOKEN, '--state', join(dir, 'state.json')];

    const cut = await send([...args, '--retries', '1']);
    expect(cut.code).toBe(3);
    const state = UploadStateSchema.parse(JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')));
    expect(state.offset).toBeGreaterThan(0);

    const resumed = await send(args);
    expect(resumed.code).toBe(0);
    expect(ReceiptSchema.parse(JSON.parse(resumed.stdout)).submissionId).toBe(ID);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
    expect(proxy.bytesUp).toBeLessThanOrEqual(1.1 * PACKAGE.byteLength + 20 * 400);
  });

  it('refuses bad arguments with exit 2 and lists send in the usage', async () => {
    const file = await packageFile();
    expect((await runCli(['send', file], new Date())).code).toBe(2);
    expect((await runCli(['send', file, '--endpoint', 'ftp://x'], new Date())).code).toBe(2);
    expect((await runCli(['send', file, '--endpoint', server.platform.url, '--retries', '0'], new Date())).code).toBe(2);
    expect((await runCli(['send', '--endpoint', server.platform.url], new Date())).code).toBe(2);
    expect((await runCli(['send', join(dir, 'missing.zip'), '--endpoint', server.platform.url], new Date())).code).toBe(2);
    expect((await runCli(['help'], new Date())).stdout).toContain('PLEDGE_TOKEN');
  });
});
