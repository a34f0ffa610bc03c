import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBridgeHandlers, PRINT_COPY_MAX_AGE_MS, removeOldPrintCopies, type HostOptions } from '../../host/create-host';
import { errorLogPath } from '../../host/diagnostics/error-log';
import { createOutboxService } from '../../host/outbox/outbox-service';
import { fileTokenVault } from '../../host/outbox/token-vault';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-host-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The host with a real (not started) outbox in the test folder: these tests do not call it. */
function createTestHost(options: Omit<HostOptions, 'vault'>) {
  const outbox = createOutboxService({ dataDir: dir, vault: fileTokenVault(join(dir, 'token')), chooseSavePath: options.chooseSavePath });
  return createBridgeHandlers(options, outbox);
}

const info = { name: 'Pledge Desk', version: '1.0.0', shell: 'electron' as const, platform: 'linux', dataDir: '' };

describe('files.openPdf', () => {
  it('hands the written PDF to the system viewer where the shell has one', async () => {
    const openPath = vi.fn(async () => undefined);
    const services = createTestHost({ info, chooseSavePath: async () => null, tempDir: join(dir, 'tmp'), openPath });
    const result = await services['files.openPdf']({ suggestedName: '承诺书', base64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(result.opened).toBe(true);
    expect(openPath).toHaveBeenCalledWith(result.path);
    expect(result.path.endsWith('承诺书.pdf')).toBe(true);
    expect(await readFile(result.path, 'utf8')).toBe('%PDF-1.7');
  });

  it('reports a viewer that fails to open as an error, not as opened', async () => {
    const services = createTestHost({ info, chooseSavePath: async () => null, tempDir: dir, openPath: async () => Promise.reject(new Error('no application for PDF')) });
    await expect(services['files.openPdf']({ suggestedName: 'x', base64: '' })).rejects.toThrow('no application for PDF');
  });
});

describe('files.saveFile', () => {
  it('does not write when the person cancels the dialog', async () => {
    const services = createTestHost({ info, chooseSavePath: async () => null, tempDir: dir });
    expect(await services['files.saveFile']({ kind: 'backup', suggestedName: 'b', base64: '' })).toEqual({ saved: false });
  });
});

describe.skipIf(process.platform === 'win32')('files this user only can read', () => {
  const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

  it('saves a file 0600 in a new folder 0700, also over an older copy that others could read', async () => {
    const target = join(dir, 'exports', '承诺书.pdf');
    const services = createTestHost({ info, chooseSavePath: async () => target, tempDir: dir });
    await services['files.saveFile']({ kind: 'pdf', suggestedName: '承诺书', base64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(await modeOf(target)).toBe(0o600);
    expect(await modeOf(join(dir, 'exports'))).toBe(0o700);
    await chmod(target, 0o644);
    await services['files.saveFile']({ kind: 'pdf', suggestedName: '承诺书', base64: Buffer.from('%PDF-1.7 again').toString('base64') });
    expect(await modeOf(target)).toBe(0o600);
  });

  it('writes a print copy 0600 in folders 0700', async () => {
    const services = createTestHost({ info, chooseSavePath: async () => null, tempDir: join(dir, 'print') });
    const { path } = await services['files.openPdf']({ suggestedName: '承诺书', base64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(await modeOf(path)).toBe(0o600);
    expect(await modeOf(dirname(path))).toBe(0o700);
    expect(await modeOf(join(dir, 'print'))).toBe(0o700);
  });

  it('keeps the error log 0600 in a logs folder 0700', async () => {
    const services = createTestHost({ info: { ...info, dataDir: dir }, chooseSavePath: async () => null, tempDir: dir });
    await services['diagnostics.reportError']({ message: '草稿读取失败', source: 'test' });
    expect(await modeOf(errorLogPath(dir))).toBe(0o600);
    expect(await modeOf(join(dir, 'logs'))).toBe(0o700);
  });
});

describe('removeOldPrintCopies', () => {
  it('removes only our own print folders older than a day', async () => {
    const now = new Date('2026-04-21T08:00:00Z');
    const old = new Date(now.getTime() - PRINT_COPY_MAX_AGE_MS - 1000);
    for (const name of ['pledge-print-old', 'pledge-print-new', 'someone-else']) await mkdir(join(dir, name));
    await utimes(join(dir, 'pledge-print-old'), old, old);
    await utimes(join(dir, 'someone-else'), old, old);
    await utimes(join(dir, 'pledge-print-new'), now, now);
    expect(await removeOldPrintCopies(dir, now)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['pledge-print-new', 'someone-else']);
  });

  it('does nothing when the folder does not exist yet', async () => {
    expect(await removeOldPrintCopies(join(dir, 'missing'))).toBe(0);
  });
});
