import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { t } from '../../core/i18n/translate';
import { buildPackage } from '../../core/package/build-package';
import { ReceiptSchema } from '../../core/protocol/reference-protocol';
import { sendCommand, type SendTuning } from '../../cli/commands/send-command';
import { issueToken } from '../../platform/credentials';
import { UploadStateSchema } from '../../host/outbox/upload-state-file';
import { ID, packageInput, tamper } from '../support/package-fixtures';
import { startCuttingProxy, type CuttingProxy } from '../support/cutting-proxy';
import { bigPackage, deadEndpoint, startTestPlatform, TOKEN } from '../support/submission-fixtures';
import { startForwarder, type LoopbackServer } from '../support/loopback-server';
import { runCli } from './run-cli';

const PACKAGE = bigPackage(120 * 1024);
let TUNING: SendTuning;

let server: Awaited<ReturnType<typeof startTestPlatform>>;
let dir: string;
let proxy: CuttingProxy | undefined;
let forwarder: LoopbackServer | undefined;
let media: ReadOnlyFolder | undefined;

beforeEach(async () => {
  server = await startTestPlatform();
  dir = await mkdtemp(join(tmpdir(), 'pledge-send-'));
  // Progress goes to the user's cache folder: the test's own, never the real one.
  TUNING = { retry: { baseMs: 1, capMs: 5 }, chunkBytes: 16 * 1024, env: { XDG_CACHE_HOME: join(dir, 'cache') } };
  vi.stubEnv('XDG_CACHE_HOME', join(dir, 'cache'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await media?.release();
  media = undefined;
  await forwarder?.close();
  forwarder = undefined;
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
    expect(await readdir(join(dir, 'cache', 'pledge-desk', 'uploads'))).toEqual([]);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('takes the token from PLEDGE_TOKEN, and without any token exits 1 saying how to give one', async () => {
    const file = await packageFile();
    const refused = await send([file, '--endpoint', server.platform.url]);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `${t('cli.token-missing', { file })}\n` });
    expect(refused.stderr).toContain('请用 --token 或 PLEDGE_TOKEN 提供');
    const sent = await send([file, '--endpoint', server.platform.url], { ...TUNING, env: { PLEDGE_TOKEN: TOKEN } });
    expect(sent.code).toBe(0);
  });

  it('names --token and PLEDGE_TOKEN, not the app’s settings, when the platform refuses the token', async () => {
    const file = await packageFile();
    const wrong = await send([file, '--endpoint', server.platform.url, '--token', 'not-the-token']);
    expect(wrong).toEqual({ code: 1, stdout: '', stderr: `${t('cli.token-refused', { file })}\n` });
    expect(wrong.stderr).not.toContain('设置');
    await issueToken(server.dataDir, { unit: '11239921003582149J', name: '青山县临江镇人民政府' }, 'other-unit-token');
    const otherUnit = await send([file, '--endpoint', server.platform.url, '--token', 'other-unit-token']);
    expect(otherUnit.code).toBe(1);
    expect(otherUnit.stderr).toMatch(/^报送平台拒收了 .*122399214012770352.*请核对用 --token 或 PLEDGE_TOKEN 提供的是否为本单位的访问令牌。\n$/);
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

  it('sends from a read-only folder: a cut first run keeps its progress in the user cache by the package’s SHA-256, and a second run resumes the same upload (one POST in all)', async () => {
    media = await readOnlyFolder(PACKAGE);
    console.log(`read-only folder simulated by ${media.how}`);
    proxy = await startCuttingProxy({ target: server.platform.url, cutAt: [Math.floor(PACKAGE.byteLength / 2)] });
    forwarder = await startForwarder(proxy.url);
    const args = [media.file, '--endpoint', forwarder.url, '--token', TOKEN];

    const cut = await send([...args, '--retries', '1']);
    expect(cut.code).toBe(3);
    expect(cut.stderr).toContain('稍后重新运行同一命令即可续传');
    expect(cut.stderr).not.toContain('进度只保存在内存中');
    const saved = UploadStateSchema.parse(JSON.parse(await readFile(join(dir, 'cache', 'pledge-desk', 'uploads', `${sha256Hex(PACKAGE)}.json`), 'utf8')));
    expect(saved.offset).toBeGreaterThan(0);

    const resumed = await send(args);
    expect(resumed).toMatchObject({ code: 0, stderr: '' });
    expect(ReceiptSchema.parse(JSON.parse(resumed.stdout)).submissionId).toBe(ID);
    expect(forwarder.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(await readdir(media.folder)).toEqual(['package.zip']);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('falls back to the system’s temporary folder when the cache folder cannot be made, and resumes from there', async () => {
    await writeFile(join(dir, 'not-a-folder'), 'x');
    const tuning = { ...TUNING, env: { XDG_CACHE_HOME: join(dir, 'not-a-folder', 'cache') } };
    const fallback = join(tmpdir(), `pledge-desk-${process.getuid?.() ?? 'user'}`, 'uploads', `${sha256Hex(PACKAGE)}.json`);
    proxy = await startCuttingProxy({ target: server.platform.url, cutAt: [Math.floor(PACKAGE.byteLength / 2)] });
    forwarder = await startForwarder(proxy.url);
    const args = [await packageFile(), '--endpoint', forwarder.url, '--token', TOKEN];
    expect((await send([...args, '--retries', '1'], tuning)).code).toBe(3);
    expect(UploadStateSchema.parse(JSON.parse(await readFile(fallback, 'utf8'))).offset).toBeGreaterThan(0);
    expect(await send(args, tuning)).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(fallback)).toBe(false);
    expect(forwarder.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('says once that progress stays in memory when nowhere can be written, and still resumes within the run (one POST)', async () => {
    // A path whose parent is a regular file: no user, root included, can create it.
    await writeFile(join(dir, 'not-a-folder'), 'x');
    proxy = await startCuttingProxy({ target: server.platform.url, cutAt: [Math.floor(PACKAGE.byteLength / 2)] });
    forwarder = await startForwarder(proxy.url);
    const result = await send([await packageFile(), '--endpoint', forwarder.url, '--token', TOKEN, '--state', join(dir, 'not-a-folder', 'state.json'), '--retries', '3']);
    expect(result.code).toBe(0);
    expect(result.stderr.split('进度只保存在内存中')).toHaveLength(2);
    expect(result.stderr).toContain(join(dir, 'not-a-folder', 'state.json'));
    expect(result.stderr).toContain('第 1 次报送未成功');
    expect(forwarder.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('tells the truth when it gives up with progress only in memory: a later run starts over', async () => {
    await writeFile(join(dir, 'not-a-folder'), 'x');
    proxy = await startCuttingProxy({ target: server.platform.url, cutAt: [Math.floor(PACKAGE.byteLength / 2)] });
    const result = await send([await packageFile(), '--endpoint', proxy.url, '--token', TOKEN, '--state', join(dir, 'not-a-folder', 'state.json'), '--retries', '1']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('重新运行将从头上传');
    expect(result.stderr).not.toContain('即可续传');
  });
});

interface ReadOnlyFolder {
  readonly folder: string;
  readonly file: string;
  /** What made it read-only, for the log: tests run as root here, and root ignores permissions. */
  readonly how: string;
  release(): Promise<void>;
}

/**
 * A folder holding `package.zip` that this process cannot write to, as a USB stick or a share
 * mounted read-only would be. Without root, permissions 0555 do it. Root ignores them, so then
 * the folder is bind-mounted read-only (writes fail with EROFS, as on read-only media); where
 * mounting is not allowed either, the folder's own name for the progress file is taken by a
 * folder, which fails the old beside-the-package write just the same but is not read-only.
 */
async function readOnlyFolder(bytes: Uint8Array): Promise<ReadOnlyFolder> {
  const source = join(dir, 'media-source');
  await mkdir(source);
  await writeFile(join(source, 'package.zip'), bytes);
  await chmod(source, 0o555);
  if (!(await canWrite(source))) return { folder: source, file: join(source, 'package.zip'), how: 'permissions 0555', release: () => chmod(source, 0o755) };
  await chmod(source, 0o755);
  const folder = join(dir, 'media');
  await mkdir(folder);
  const run = promisify(execFile);
  const mounted = await run('mount', ['--bind', '-o', 'ro', source, folder]).then(
    () => true,
    () => false,
  );
  if (mounted && !(await canWrite(folder))) {
    return { folder, file: join(folder, 'package.zip'), how: 'a read-only bind mount (EROFS)', release: () => run('umount', [folder]).then(() => undefined) };
  }
  if (mounted) await run('umount', [folder]);
  await mkdir(join(source, 'package.zip.upload.json'));
  return { folder: source, file: join(source, 'package.zip'), how: 'a folder in the place of the progress file (root, and mounting not allowed)', release: () => rm(join(source, 'package.zip.upload.json'), { recursive: true }) };
}

async function canWrite(folder: string): Promise<boolean> {
  try {
    await writeFile(join(folder, '.probe'), '');
    await rm(join(folder, '.probe'));
    return true;
  } catch {
    return false;
  }
}
