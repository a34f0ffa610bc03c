import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letterFromTemplate } from '../../core/letter/templates';
import { buildPackage } from '../../core/package/build-package';
import { ErrorBodySchema } from '../../core/protocol/reference-protocol';
import { ID, OTHER_ID, packageInput, renderedPdf } from '../support/package-fixtures';
import { upload } from '../support/platform-requests';
import { OFFICE } from '../support/office';
import { saveIdentity } from '../../platform/identity/identity-file';
import { exitOfPlatform, REPO_ROOT, servePlatform, stopPlatformProcesses } from '../support/platform-command';

const UNIT_CODE = '122399214012770352';
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-platform-cli-'));
  // What `identity set` writes; the command itself is tested with the identity.
  await saveIdentity(dataDir, OFFICE);
});

afterEach(async () => {
  await stopPlatformProcesses();
  await rm(dataDir, { recursive: true, force: true });
});

/** `npm run -s platform -- …` exactly as an operator types it (-s keeps npm's own banner off standard output). */
async function npmPlatform(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '-s', 'platform', '--', ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const submissions = (url: string, token?: string) => fetch(`${url}/submissions`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

describe('npm run platform', () => {
  it('token issue prints the new token alone on standard output, its message in Chinese on standard error, and the served platform takes it', async () => {
    const issued = await npmPlatform(['token', 'issue', '--data', dataDir, '--unit', UNIT_CODE, '--name', '青山县政务服务中心']);
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^pledge_[A-Za-z0-9_-]{43}\n$/);
    expect(issued.stderr).toContain('已签发单位访问令牌');
    const token = issued.stdout.trim();

    const { url } = await servePlatform(['serve', '--port', '0', '--data', dataDir]);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await submissions(url)).status).toBe(401);
    expect((await submissions(url, token)).status).toBe(200);
    expect((await readdir(dataDir)).sort()).toEqual(expect.arrayContaining(['index.sqlite', 'packages', 'uploads']));
  }, 60_000);

  it('serve reads each package’s PDF with pdf.js: a package carrying another letter’s PDF is refused, the letter’s own is received', async () => {
    const token = (await npmPlatform(['token', 'issue', '--data', dataDir, '--unit', UNIT_CODE])).stdout.trim();
    const { url } = await servePlatform(['serve', '--port', '0', '--data', dataDir]);
    const swapped = buildPackage(packageInput({ pdf: await renderedPdf(letterFromTemplate('policy', { year: 2026 })) }));
    const refused = await upload(url, swapped, { submissionId: ID, token });
    expect(refused.status).toBe(422);
    expect(ErrorBodySchema.parse(await refused.json()).error).toMatchObject({ code: 'invalid-package', message: expect.stringContaining('不是这份承诺书的 PDF') });
    const own = await upload(url, buildPackage(packageInput({ submissionId: OTHER_ID })), { submissionId: OTHER_ID, token });
    expect(own.status).toBe(200);
    expect(await readdir(join(dataDir, 'packages'))).toEqual([`${OTHER_ID}.zip`]);
  }, 60_000);

  it('token issue refuses a code that is not a valid 统一社会信用代码, in Chinese, and issues nothing', async () => {
    const refused = await npmPlatform(['token', 'issue', '--data', dataDir, '--unit', '122399214012770353']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('统一社会信用代码“122399214012770353”未通过校验');
    expect(refused.stderr).toContain('第 18 位改为“2”');
    const short = await npmPlatform(['token', 'issue', '--data', dataDir, '--unit', '12345']);
    expect(short.stderr).toContain('统一社会信用代码应为 18 位');
    expect((await npmPlatform(['token', 'list', '--data', dataDir])).stdout.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('token list shows id, kind, unit, name and dates but never a token or its hash; token revoke ends a token while the platform runs', async () => {
    const unit = (await npmPlatform(['token', 'issue', '--data', dataDir, '--unit', ` ${UNIT_CODE.toLowerCase()} `, '--name', '青山县政务服务中心'])).stdout.trim();
    const operator = await npmPlatform(['token', 'issue', '--data', dataDir, '--operator', '--name', '市信用办 王敏']);
    expect(operator.stderr).toContain('已签发市信用办管理访问令牌（编号 2）');
    const { url } = await servePlatform(['--port', '0', '--data', dataDir]);
    expect((await submissions(url, unit)).status).toBe(200);

    const listed = (await npmPlatform(['token', 'list', '--data', dataDir])).stdout;
    const rows = listed.split('\n').filter(Boolean).map((line) => line.split('\t'));
    expect(rows[0]).toEqual(['编号', '类型', '统一社会信用代码', '名称', '签发时间', '吊销时间']);
    expect(rows[1]).toEqual(['1', '单位', UNIT_CODE, '青山县政务服务中心', expect.stringMatching(/^\d{4}-\d\d-\d\dT/), '']);
    expect(rows[2]).toEqual(['2', '市信用办管理', '', '市信用办 王敏', expect.stringMatching(/^\d{4}-\d\d-\d\dT/), '']);
    expect(listed).not.toContain(unit);
    expect(listed).not.toContain(operator.stdout.trim());
    expect(listed).not.toMatch(/[0-9a-f]{64}/);

    const revoked = await npmPlatform(['token', 'revoke', '1', '--data', dataDir]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('已吊销编号为 1 的访问令牌');
    expect((await submissions(url, unit)).status).toBe(401);
    expect((await npmPlatform(['token', 'list', '--data', dataDir])).stdout.split('\n')[1]).toMatch(/\t\d{4}-\d\d-\d\dT[^\t]+$/);
    const again = await npmPlatform(['token', 'revoke', '1', '--data', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('没有编号为 1 的有效访问令牌');
  }, 60_000);

  it('takes no shared --token any more, and exits 2 with the usage when --data is missing', async () => {
    const shared = await exitOfPlatform(['--port', '0', '--data', dataDir, '--token', 'cli-token']);
    expect(shared.code).toBe(2);
    expect(shared.stderr).toContain('用法');
    const missing = await exitOfPlatform(['--port', '0']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--data <目录>');
  }, 30_000);

  it('serves a loopback-only --open trial without tokens, says so loudly, and refuses --open beyond loopback', async () => {
    const beyond = await exitOfPlatform(['--open', '--host', '0.0.0.0', '--port', '0', '--data', dataDir]);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toContain('试用模式（--open）只能绑定本机回环地址');

    const { url, stderr } = await servePlatform(['serve', '--open', '--port', '0', '--data', dataDir]);
    expect((await submissions(url)).status).toBe(200);
    await expect.poll(stderr).toContain('警告：试用模式（--open）不检查访问令牌');
  }, 30_000);
});
