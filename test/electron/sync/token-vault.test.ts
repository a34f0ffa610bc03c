import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileTokenVault, type TokenCipher } from '../../../electron/sync/token-vault';

/** A reversible stand-in for the system key store: enough to tell encrypted bytes from plain text. */
const cipher: TokenCipher = {
  encrypt: async (token) => new Uint8Array(Buffer.from(token, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: async (bytes) => ({ token: Buffer.from(bytes.map((b) => b ^ 0x5a)).toString('utf8'), reEncrypt: false }),
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-vault-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileTokenVault', () => {
  it('keeps a token in a file only this user can read, and removes it', async () => {
    const vault = fileTokenVault(join(dir, 'sync', 'token'));
    expect(await vault.read()).toBeUndefined();
    await vault.write('abc.DEF-123');
    expect(await vault.read()).toBe('abc.DEF-123');
    expect((await stat(join(dir, 'sync', 'token'))).mode & 0o777).toBe(0o600);
    await vault.write(undefined);
    expect(await vault.read()).toBeUndefined();
  });

  it('stores only the encrypted form when the system key store is there', async () => {
    const vault = fileTokenVault(join(dir, 'token'), cipher);
    expect(vault.protection).toBe('os-encryption');
    await vault.write('secret-token-42');
    expect(await readFile(join(dir, 'token'), 'utf8')).not.toContain('secret-token-42');
    expect(await vault.read()).toBe('secret-token-42');
  });

  it('never reads a token kept under the other protection: not set, so it is entered again', async () => {
    await fileTokenVault(join(dir, 'token'), cipher).write('secret-token-42');
    expect(await fileTokenVault(join(dir, 'token')).read()).toBeUndefined();
    await fileTokenVault(join(dir, 'token')).write('plain-token');
    expect(await fileTokenVault(join(dir, 'token'), cipher).read()).toBeUndefined();
  });
});
