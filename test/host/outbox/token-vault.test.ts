import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferredTokenVault, fileTokenVault, type TokenCipher } from '../../../host/outbox/token-vault';

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

describe('deferredTokenVault', () => {
  it('asks the key store only when the token is first needed, and once', async () => {
    let asked = 0;
    const vault = deferredTokenVault(join(dir, 'token'), async () => {
      asked += 1;
      return { cipher, protection: 'basic-text' };
    }, () => undefined);
    expect(asked).toBe(0);
    await vault.write('secret-token-42');
    expect(await vault.read()).toBe('secret-token-42');
    expect(asked).toBe(1);
    expect(vault.protection).toBe('basic-text');
    expect(await readFile(join(dir, 'token'), 'utf8')).not.toContain('secret-token-42');
  });

  it('falls back to a user-only file, and reports, when the key store fails', async () => {
    const errors: unknown[] = [];
    const vault = deferredTokenVault(join(dir, 'token'), async () => Promise.reject(new Error('keyring locked')), (error) => errors.push(error));
    await vault.write('plain-token');
    expect(await vault.read()).toBe('plain-token');
    expect(vault.protection).toBe('file-permissions');
    expect(errors).toHaveLength(1);
  });
});
