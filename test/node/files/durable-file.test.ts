import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveDurablySync, syncFile, writeFileDurably, writeFileDurablySync } from '../../../node/files/durable-file';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writers = [
  ['writeFileDurably', writeFileDurably],
  ['writeFileDurablySync', async (path: string, data: Uint8Array | string) => writeFileDurablySync(path, data)],
] as const;

describe.each(writers)('%s', (_name, write) => {
  it('writes the whole file into missing folders and replaces an older copy, leaving no temporary file behind', async () => {
    const file = join(dir, 'a', 'b', 'settings.json');
    await write(file, 'old');
    await write(file, new TextEncoder().encode('新的内容'));
    expect(await readFile(file, 'utf8')).toBe('新的内容');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['settings.json']);
  });

  it.skipIf(process.platform === 'win32')('makes the file 0600 and new folders 0700, also over an older copy others could read', async () => {
    const file = join(dir, 'new', 'token');
    await mkdir(join(dir, 'new'), { mode: 0o700 });
    await writeFile(file, 'open', { mode: 0o644 });
    await write(file, 'closed');
    expect(await modeOf(file)).toBe(0o600);
    await write(join(dir, 'made', 'file'), 'x');
    expect(await modeOf(join(dir, 'made'))).toBe(0o700);
  });

  it('leaves the old content and no temporary file when the target cannot be replaced', async () => {
    const target = join(dir, 'occupied');
    await mkdir(join(target, 'inside'), { recursive: true });
    await expect(write(target, 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['occupied']);
    expect(await readdir(target)).toEqual(['inside']);
  });
});

describe('moving a flushed file into place', () => {
  it('renames the file over its target in another folder', async () => {
    const from = join(dir, 'upload');
    await mkdir(join(dir, 'packages'));
    await writeFile(from, 'zip');
    await syncFile(from);
    moveDurablySync(from, join(dir, 'packages', 'p.zip'));
    expect(await readFile(join(dir, 'packages', 'p.zip'), 'utf8')).toBe('zip');
    expect((await readdir(dir)).sort()).toEqual(['packages']);
  });
});
