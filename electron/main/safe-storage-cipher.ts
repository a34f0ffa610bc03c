import type { SafeStorage } from 'electron';
import type { TokenCipher, TokenProtection } from '../../host/outbox/token-vault';

/** The asynchronous safeStorage API (Electron 45+); the synchronous one is deprecated and leaves in 46. */
export type AsyncSafeStorage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

/**
 * The token cipher of the desktop app: Electron's safeStorage (DPAPI on Windows, the Keychain on
 * macOS, the Secret Service or KWallet on Linux), through its asynchronous API.
 *
 * On Linux without a keyring (many UOS and Kylin installs), safeStorage falls back to
 * `basic_text`, a key built into Chromium: the token is still encrypted, but by a key anyone can
 * know, so the settings screen says it is not protected by the system keyring. Where no
 * encryption is available at all, there is no cipher and the vault keeps a file only this user
 * can read.
 */
export async function safeStorageCipher(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform): Promise<{ cipher?: TokenCipher; protection: TokenProtection }> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return { protection: 'file-permissions' };
  const cipher: TokenCipher = {
    encrypt: async (token) => new Uint8Array(await safeStorage.encryptStringAsync(token)),
    decrypt: async (bytes) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(bytes));
      return { token: result, reEncrypt: shouldReEncrypt };
    },
  };
  const weak = platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return { cipher, protection: weak ? 'basic-text' : 'os-encryption' };
}
