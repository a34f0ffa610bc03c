import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePrivateFolder, tightenDataFolder } from '../../../node/files/private-files';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-private-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('the data folder is this user’s only', () => {
  it('tightens a data folder left open by an earlier version: folders 0700, files 0600, the app’s own folders all the way down', async () => {
    const data = join(dir, 'data');
    for (const folder of ['', 'sync', 'outbox/0d6f3b8e-0c4f-4b7e-9a57-1d0e5b2f6c11', 'exports', 'print/pledge-print-x', 'logs']) await mkdir(join(data, folder), { recursive: true, mode: 0o755 });
    const files = ['sync/settings.json', 'sync/token', 'outbox/0d6f3b8e-0c4f-4b7e-9a57-1d0e5b2f6c11/package.zip', 'exports/承诺书.pdf', 'print/pledge-print-x/承诺书.pdf', 'logs/renderer-errors.log', 'window-state.json'];
    for (const file of files) await writeFile(join(data, file), 'x', { mode: 0o644 });
    await chmod(data, 0o755);

    await tightenDataFolder(data, (error) => expect.unreachable(String(error)));

    expect(await modeOf(data)).toBe(0o700);
    for (const folder of ['sync', 'outbox', 'outbox/0d6f3b8e-0c4f-4b7e-9a57-1d0e5b2f6c11', 'exports', 'print', 'print/pledge-print-x', 'logs']) {
      expect({ folder, mode: await modeOf(join(data, folder)) }).toEqual({ folder, mode: 0o700 });
    }
    for (const file of files) expect({ file, mode: await modeOf(join(data, file)) }).toEqual({ file, mode: 0o600 });
  });

  it('never follows a link out of the data folder, and leaves what is not its own alone', async () => {
    const data = join(dir, 'data');
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(join(data, 'exports'), { recursive: true });
    await mkdir(elsewhere, { mode: 0o755 });
    await writeFile(join(elsewhere, 'shared.txt'), 'x', { mode: 0o644 });
    await chmod(elsewhere, 0o755);
    await symlink(elsewhere, join(data, 'exports', 'link'));
    await mkdir(join(data, 'Chromium-Cache'), { mode: 0o755 });
    await chmod(join(data, 'Chromium-Cache'), 0o755);
    await tightenDataFolder(data, (error) => expect.unreachable(String(error)));
    expect(await modeOf(elsewhere)).toBe(0o755);
    expect(await modeOf(join(elsewhere, 'shared.txt'))).toBe(0o644);
    // Shut in by the data folder's own 0700; its contents are the engine's to manage.
    expect(await modeOf(join(data, 'Chromium-Cache'))).toBe(0o755);
  });

  it('does nothing to a data folder that does not exist yet', async () => {
    await expect(tightenDataFolder(join(dir, 'missing'), (error) => expect.unreachable(String(error)))).resolves.toBeUndefined();
  });

  it('creates private folders, parents included, but never changes a folder that already exists (the system temp folder)', async () => {
    await makePrivateFolder(join(dir, 'a', 'b'));
    expect(await modeOf(join(dir, 'a'))).toBe(0o700);
    expect(await modeOf(join(dir, 'a', 'b'))).toBe(0o700);
    await chmod(dir, 0o755);
    await makePrivateFolder(dir);
    expect(await modeOf(dir)).toBe(0o755);
  });
});
