import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktopServices } from '../../../electron/services/desktop-services';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-services-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const info = { name: 'Pledge Desk', version: '1.0.0', shell: 'electron' as const, platform: 'linux', dataDir: '' };

describe('files.openPdf', () => {
  it('hands the written PDF to the system viewer where the shell has one', async () => {
    const openPath = vi.fn(async () => undefined);
    const services = createDesktopServices({ info, chooseSavePath: async () => null, tempDir: join(dir, 'tmp'), openPath });
    const result = await services['files.openPdf']({ suggestedName: '承诺书', base64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(result.opened).toBe(true);
    expect(openPath).toHaveBeenCalledWith(result.path);
    expect(result.path.endsWith('承诺书.pdf')).toBe(true);
    expect(await readFile(result.path, 'utf8')).toBe('%PDF-1.7');
  });

  it('reports a viewer that fails to open as an error, not as opened', async () => {
    const services = createDesktopServices({ info, chooseSavePath: async () => null, tempDir: dir, openPath: async () => Promise.reject(new Error('no application for PDF')) });
    await expect(services['files.openPdf']({ suggestedName: 'x', base64: '' })).rejects.toThrow('no application for PDF');
  });
});

describe('files.saveFile', () => {
  it('does not write when the person cancels the dialog', async () => {
    const services = createDesktopServices({ info, chooseSavePath: async () => null, tempDir: dir });
    expect(await services['files.saveFile']({ kind: 'backup', suggestedName: 'b', base64: '' })).toEqual({ saved: false });
  });
});
