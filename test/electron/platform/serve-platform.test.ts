import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Starts the `npm run platform` entry and waits for the line that names its URL. */
async function startCli(args: string[]): Promise<string> {
  child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/platform/serve-platform.ts'), ...args], { cwd: root });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
    if (url) return url[0];
  }
  throw new Error(`The platform exited without printing its URL: ${output}`);
}

describe('npm run platform', () => {
  it('serves on loopback with a token and the data folder it was given', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pledge-platform-cli-'));
    const url = await startCli(['--port', '0', '--data', dataDir, '--token', 'cli-token']);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/submissions`)).status).toBe(401);
    expect((await fetch(`${url}/submissions`, { headers: { Authorization: 'Bearer cli-token' } })).status).toBe(200);
    expect((await readdir(dataDir)).sort()).toEqual(expect.arrayContaining(['index.sqlite', 'packages', 'uploads']));
  }, 20_000);

  it('exits 2 with the usage when --data is missing', async () => {
    child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/platform/serve-platform.ts'), '--port', '0'], { cwd: root });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('--data <dir>');
  }, 20_000);
});
