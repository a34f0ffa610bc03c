import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { link, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReceiptKey } from '../../core/protocol/receipt-signature';
import { syncFolder } from '../../node/files/durable-file';
import { makePrivateFolder, PRIVATE_FILE_MODE } from '../../node/files/private-files';
import { receiptKeyOf } from '../../node/receipts/receipt-signature';
import { t } from '../i18n/translate';

/** The platform's Ed25519 receipt key, PKCS#8 PEM, this user's only. */
export const RECEIPT_KEY_FILE = 'receipt-key.pem';

export interface ReceiptSigningKey {
  readonly privateKey: KeyObject;
  /** What the well-known document publishes. */
  readonly key: ReceiptKey;
}

const opened = new Map<string, Promise<ReceiptSigningKey>>();

/**
 * The data folder's receipt key, made on first need. Two instances starting together on one
 * folder end with one key: each writes a whole key file under a name of its own and hard-links it
 * to the one name, which only the first link gets; the other reads the winner's. So no instance
 * ever reads half a key, and none replaces a key receipts were already signed with.
 */
export function openReceiptKey(dataDir: string): Promise<ReceiptSigningKey> {
  const file = join(dataDir, RECEIPT_KEY_FILE);
  let found = opened.get(file);
  if (!found) {
    found = readOrCreateReceiptKey(dataDir);
    // A failure (an unreadable file the operator then mends) is tried again next time.
    found.catch(() => opened.delete(file));
    opened.set(file, found);
  }
  return found;
}

/** {@link openReceiptKey} without keeping it: each call reads the file, or races to make it. */
export async function readOrCreateReceiptKey(dataDir: string): Promise<ReceiptSigningKey> {
  const file = join(dataDir, RECEIPT_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  const folder = join(file, '..');
  await makePrivateFolder(folder);
  const own = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const handle = await open(own, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(pem);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(own, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } finally {
    await rm(own, { force: true });
  }
  await syncFolder(folder);
  const kept = await readKeyFile(file);
  if (!kept) throw new Error(t('platform.receipts.keyUnreadable', { file }));
  return kept;
}

async function readKeyFile(file: string): Promise<ReceiptSigningKey | undefined> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error(t('platform.receipts.keyUnreadable', { file }));
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(t('platform.receipts.keyUnreadable', { file }));
  return { privateKey, key: receiptKeyOf(privateKey) };
}
