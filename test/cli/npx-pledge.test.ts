import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('npx pledge', () => {
  it('is the cli workspace’s bin, linked by npm ci into node_modules/.bin', async () => {
    expect(await realpath(join(root, 'node_modules/.bin/pledge'))).toBe(await realpath(join(root, 'cli/pledge.mjs')));
  });

  it('runs the command line from the repository root, as the README says', async () => {
    // No arguments: the usage in Chinese and exit 2.
    const failure = await promisify(execFile)('npx', ['pledge'], { cwd: root }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failure ? failure.code : 0).toBe(2);
    expect('stdout' in failure ? failure.stdout : '').toContain('用法：pledge');
  }, 60_000);
});
