import type { SafeStorage } from 'electron';
import type { TokenCipher } from '../sync/token-vault';

/**
 * The token cipher of the desktop app: Electron's safeStorage (DPAPI on Windows, the Keychain on
 * macOS, the Secret Service or KWallet on Linux). Where no key store is available, or Linux falls
 * back to its fixed `basic_text` key, there is nothing to gain, and the vault keeps the token as a
 * file only this user can read, which the settings screen then says.
 */
export function safeStorageCipher(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>, platform: NodeJS.Platform): TokenCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    encrypt: (token) => new Uint8Array(safeStorage.encryptString(token)),
    decrypt: (bytes) => safeStorage.decryptString(Buffer.from(bytes)),
  };
}
