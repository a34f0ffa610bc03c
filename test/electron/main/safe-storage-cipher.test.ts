import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageCipher, type AsyncSafeStorage } from '../../../electron/main/safe-storage-cipher';
import { fileTokenVault } from '../../../host/outbox/token-vault';

type Backend = ReturnType<AsyncSafeStorage['getSelectedStorageBackend']>;

/** A safeStorage stand-in typed by Electron's own declarations: XOR "encryption", a chosen backend, and a key rotation on demand. */
function fakeSafeStorage(available: boolean, backend: Backend, rotated = { value: false }): AsyncSafeStorage & { encryptions: number } {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x33));
  const storage = {
    encryptions: 0,
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain: string) => {
      storage.encryptions += 1;
      return xor(Buffer.from(plain, 'utf8'));
    },
    decryptStringAsync: async (encrypted: Buffer) => ({ result: xor(encrypted).toString('utf8'), shouldReEncrypt: rotated.value }),
    getSelectedStorageBackend: () => backend,
  };
  return storage;
}

describe('safeStorageCipher', () => {
  it('encrypts with the system key store where there is one', async () => {
    const { cipher, protection } = await safeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    expect(protection).toBe('os-encryption');
    expect(cipher).toBeDefined();
    expect((await safeStorageCipher(fakeSafeStorage(true, 'unknown'), 'win32')).protection).toBe('os-encryption');
  });

  it('says so when Linux has no keyring and safeStorage falls back to its built-in key', async () => {
    const { cipher, protection } = await safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux');
    expect(protection).toBe('basic-text');
    expect(cipher).toBeDefined();
  });

  it('keeps a user-only file where no encryption is available', async () => {
    expect(await safeStorageCipher(fakeSafeStorage(false, 'unknown'), 'linux')).toEqual({ protection: 'file-permissions' });
  });

  it('round-trips a token through the vault, never in plain text, and writes it again after a key rotation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pledge-safe-storage-'));
    try {
      const rotated = { value: false };
      const storage = fakeSafeStorage(true, 'kwallet5', rotated);
      const { cipher, protection } = await safeStorageCipher(storage, 'linux');
      const vault = fileTokenVault(join(dir, 'token'), cipher, protection);
      await vault.write('platform-token-9');
      expect(await readFile(join(dir, 'token'), 'utf8')).not.toContain('platform-token-9');
      expect(await vault.read()).toBe('platform-token-9');
      expect(storage.encryptions).toBe(1);
      rotated.value = true;
      expect(await vault.read()).toBe('platform-token-9');
      expect(storage.encryptions).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
