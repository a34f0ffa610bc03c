import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../core/i18n/translate';

let emptyDist: string;
beforeAll(async () => {
  emptyDist = await mkdtemp(join(tmpdir(), 'pledge-no-electron-'));
});
afterAll(async () => {
  await rm(emptyDist, { recursive: true, force: true });
});

/** `npm start`'s launcher, run the way npm runs it. */
async function launch(env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/launch.mjs'], { env, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('npm start without the Electron binary', () => {
  it('prints only the Chinese hint and fails', async () => {
    // An empty dist folder stands for an ELECTRON_SKIP_BINARY_DOWNLOAD install on any machine,
    // including one where the binary happens to be installed.
    const result = await launch({ ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist });
    expect(result.stderr).toBe(`${t('launch.no-electron')}\n`);
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
  });
});
