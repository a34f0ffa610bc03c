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
  const kind = cipher ? 'os' : 'plain';
  return {
    protection: cipher ? 'os-encryption' : 'file-permissions',
    async read() {
      const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      const stored = text === undefined ? undefined : HEADER.exec(text);
      // Written under another protection (the key store came or went since): unreadable here, so not set; the person enters it again.
      if (!stored || stored[1] !== kind) return undefined;
      const payload = stored[2]!;
      return cipher ? cipher.decrypt(new Uint8Array(Buffer.from(payload, 'base64'))) : payload;
    },
    async write(token) {
      if (token === undefined) {
        await rm(path, { force: true });
        return;
      }
      const payload = cipher ? Buffer.from(cipher.encrypt(token)).toString('base64') : token;
      await writeFileDurably(path, `pledge-token/1 ${kind}\n${payload}`, 0o600);
    },
  };
}

/** The file says how its token was kept, so a token encrypted by the key store is never read back as plain text. */
const HEADER = /^pledge-token\/1 (os|plain)\n(\S+)$/;
