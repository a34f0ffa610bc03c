import { readFile, rm } from 'node:fs/promises';
import { writeFileDurably } from '../../node/files/durable-file';

/**
 * Where the host keeps the platform's access token. The page never reads it back: the
 * bridge only says whether one is set. How well it is protected depends on the host.
 */
/**
 * How the token is kept: `os-encryption`, encrypted with the system's key store (Electron
 * safeStorage); `basic-text`, encrypted by safeStorage with Chromium's built-in key because Linux
 * has no keyring (not protected by the system); `file-permissions`, a file only this user can read.
 */
export type TokenProtection = 'os-encryption' | 'basic-text' | 'file-permissions';

export interface TokenVault {
  readonly protection: TokenProtection;
  read(): Promise<string | undefined>;
  /** `undefined` removes the token. */
  write(token: string | undefined): Promise<void>;
}

/** Encrypts and decrypts a token; Electron's asynchronous safeStorage API fits this shape. */
export interface TokenCipher {
  encrypt(token: string): Promise<Uint8Array>;
  /** `reEncrypt`: the key store rotated its key; the token should be written again. */
  decrypt(bytes: Uint8Array): Promise<{ token: string; reEncrypt: boolean }>;
}

/**
 * A token in one file, readable by this user only, optionally encrypted by `cipher`. The browser
 * host has no system key store, so there it is plain text under mode 0600 in the data folder.
 */
export function fileTokenVault(path: string, cipher?: TokenCipher, protection: TokenProtection = cipher ? 'os-encryption' : 'file-permissions'): TokenVault {
  const kind = cipher ? 'os' : 'plain';
  const vault: TokenVault = {
    protection,
    async read() {
      const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      const stored = text === undefined ? undefined : HEADER.exec(text);
      // Written under another protection (the key store came or went since): unreadable here, so not set; the person enters it again.
      if (!stored || stored[1] !== kind) return undefined;
      const payload = stored[2]!;
      if (!cipher) return payload;
      const { token, reEncrypt } = await cipher.decrypt(new Uint8Array(Buffer.from(payload, 'base64')));
      if (reEncrypt) await vault.write(token);
      return token;
    },
    async write(token) {
      if (token === undefined) {
        await rm(path, { force: true });
        return;
      }
      const payload = cipher ? Buffer.from(await cipher.encrypt(token)).toString('base64') : token;
      await writeFileDurably(path, `pledge-token/1 ${kind}\n${payload}`);
    },
  };
  return vault;
}

/** The file says how its token was kept, so a token encrypted by the key store is never read back as plain text. */
const HEADER = /^pledge-token\/1 (os|plain)\n(\S+)$/;

/** How to protect the token, found out when first needed (it may ask the system's key store). */
export type ProtectionSource = () => Promise<{ readonly cipher?: TokenCipher; readonly protection: TokenProtection }>;

/**
 * A {@link fileTokenVault} whose cipher is set up on first use rather than at start: asking the
 * system's key store can bring up a keychain prompt or fail, and neither may hold up the window
 * or stop the app. A key store that fails counts as none (`file-permissions`), reported.
 * `protection` is known once a read or write has settled; the outbox reads the token at start.
 */
export function deferredTokenVault(path: string, source: ProtectionSource, onError: (error: unknown) => void): TokenVault {
  let vault: Promise<TokenVault> | undefined;
  let settled: TokenVault | undefined;
  const ready = () =>
    (vault ??= source()
      .catch((error: unknown): Awaited<ReturnType<ProtectionSource>> => {
        onError(error);
        return { protection: 'file-permissions' };
      })
      .then(({ cipher, protection }) => (settled = fileTokenVault(path, cipher, protection))));
  return {
    get protection() {
      return settled?.protection ?? 'file-permissions';
    },
    read: async () => (await ready()).read(),
    write: async (token) => (await ready()).write(token),
  };
}
