import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimFreePath } from '../../../host/files/claim-free-path';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-claim-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('claimFreePath', () => {
  it('takes the name itself while it is free, creating the folder', async () => {
    const path = await claimFreePath(join(dir, 'exports', '承诺书.pdf'));
    expect(path).toBe(join(dir, 'exports', '承诺书.pdf'));
    expect((await stat(path)).size).toBe(0);
  });

  it('keeps an existing file and takes the next number', async () => {
    await writeFile(join(dir, '承诺书.pdf'), 'approved');
    await writeFile(join(dir, '承诺书 (2).pdf'), 'draft');
    expect(await claimFreePath(join(dir, '承诺书.pdf'))).toBe(join(dir, '承诺书 (3).pdf'));
    expect(await readFile(join(dir, '承诺书.pdf'), 'utf8')).toBe('approved');
    expect(await readFile(join(dir, '承诺书 (2).pdf'), 'utf8')).toBe('draft');
  });

  it('gives twenty saves at once twenty different names', async () => {
    const paths = await Promise.all(Array.from({ length: 20 }, () => claimFreePath(join(dir, '报送回执.json'))));
    expect(new Set(paths).size).toBe(20);
    expect((await readdir(dir)).sort()).toEqual(['报送回执.json', ...Array.from({ length: 19 }, (_, i) => `报送回执 (${i + 2}).json`)].sort());
  });

  it.skipIf(process.platform === 'win32')('claims the file for this user only', async () => {
    const path = await claimFreePath(join(dir, 'a.pdf'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});
