import { readFile, rm } from 'node:fs/promises';
import { writeFileDurably } from './durable-file';

/**
 * Where the main process keeps the platform's access token. The page never reads it back: the
 * bridge only says whether one is set. How well it is protected depends on the host.
 */
export interface TokenVault {
  /** `os-encryption`: encrypted with the system's key store (Electron safeStorage); `file-permissions`: a file only this user can read. */
  readonly protection: 'os-encryption' | 'file-permissions';
  read(): Promise<string | undefined>;
  /** `undefined` removes the token. */
  write(token: string | undefined): Promise<void>;
}

/** Encrypts and decrypts a token; Electron's safeStorage fits this shape. */
export interface TokenCipher {
  encrypt(token: string): Uint8Array;
  decrypt(bytes: Uint8Array): string;
}

/**
 * A token in one file, readable by this user only, optionally encrypted by `cipher`. The browser
 * host has no system key store, so there it is plain text under mode 0600 in the data folder.
 */
export function fileTokenVault(path: string, cipher?: TokenCipher): TokenVault {
  return {
    protection: cipher ? 'os-encryption' : 'file-permissions',
    async read() {
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (bytes === undefined || bytes.byteLength === 0) return undefined;
      return cipher ? cipher.decrypt(new Uint8Array(bytes)) : bytes.toString('utf8');
    },
    async write(token) {
      if (token === undefined) {
        await rm(path, { force: true });
        return;
      }
      await writeFileDurably(path, cipher ? cipher.encrypt(token) : token, 0o600);
    },
  };
}
