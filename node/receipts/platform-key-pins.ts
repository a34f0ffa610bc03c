import { z } from 'zod';
import { canonicalJson } from '../../core/protocol/canonical-json';
import type { PlatformDocument } from '../../core/protocol/platform-document';
import { ReceiptKeySchema, type ReceiptKey } from '../../core/protocol/receipt-signature';
import type { KeyChange, ReceiptProof } from '../../core/protocol/receipt-proof';
import type { Receipt } from '../../core/protocol/reference-protocol';
import { ReceivingOfficeSchema } from '../../core/protocol/receiving-office';
import { readSavedJson, writeSavedJson } from '../files/saved-json';
import { checkReceipt } from './receipt-signature';

const KnownKeySchema = z.object({ receiptKey: ReceiptKeySchema, office: ReceivingOfficeSchema, at: z.number().int().nonnegative() });

/** Per platform (its address as parseEndpoint spells it): the keys trusted, and one it now shows that is not. */
const PinsSchema = z.object({
  platforms: z.record(z.string(), z.object({ trusted: z.array(KnownKeySchema).min(1), offered: KnownKeySchema.optional() })),
});
type Pins = z.infer<typeof PinsSchema>;

export interface PlatformKeyPins {
  /**
   * What a platform's well-known document says: pinned when the platform is met for the first
   * time, nothing when it shows a trusted key, an offered key (never trusted by itself) otherwise.
   */
  observe(platform: string, document: PlatformDocument, now: number): Promise<void>;
  /** The key change to warn about for this platform, if its document shows an untrusted key. */
  change(platform: string): KeyChange | undefined;
  /** Trusts the key the platform offers, when it is the one the clerk compared; false otherwise. */
  trustOffered(platform: string, keyId: string, now: number): Promise<boolean>;
  /** A receipt checked against every key trusted for any platform (a receipt outlives a change of address). */
  proof(receipt: Receipt): ReceiptProof;
}

/**
 * The platform keys the app has pinned, in one small JSON file next to the connection settings
 * (`<data>/sync/platform-keys.json`). A file that cannot be read counts as nothing pinned, which
 * the next contact pins again: the warning is for a key that changes under a pin, and a lost pin
 * file cannot make a forged receipt pass, since receipts are checked only against pinned keys.
 */
export function openPlatformKeyPins(file: string): PlatformKeyPins {
  let pins: Pins = readSavedJson(file, PinsSchema) ?? { platforms: {} };
  const proofs = new Map<string, ReceiptProof>();
  const save = async (next: Pins) => {
    pins = next;
    proofs.clear();
    await writeSavedJson(file, pins);
  };
  const trustedKeys = (): ReceiptKey[] => Object.values(pins.platforms).flatMap((entry) => entry.trusted.map((known) => known.receiptKey));

  return {
    async observe(platform, document, now) {
      const known = { receiptKey: document.receiptKey, office: document.platform, at: now };
      const entry = pins.platforms[platform];
      if (!entry) return save({ platforms: { ...pins.platforms, [platform]: { trusted: [known] } } });
      if (entry.trusted.some((key) => key.receiptKey.keyId === known.receiptKey.keyId && key.receiptKey.publicKey === known.receiptKey.publicKey)) {
        if (entry.offered) await save({ platforms: { ...pins.platforms, [platform]: { trusted: entry.trusted } } });
        return;
      }
      if (entry.offered?.receiptKey.publicKey === known.receiptKey.publicKey) return;
      await save({ platforms: { ...pins.platforms, [platform]: { ...entry, offered: known } } });
    },
    change(platform) {
      const entry = pins.platforms[platform];
      if (!entry?.offered) return undefined;
      return { office: entry.offered.office.name, pinnedKeyId: entry.trusted.at(-1)!.receiptKey.keyId, newKeyId: entry.offered.receiptKey.keyId };
    },
    async trustOffered(platform, keyId, now) {
      const entry = pins.platforms[platform];
      if (!entry?.offered || entry.offered.receiptKey.keyId !== keyId) return false;
      await save({ platforms: { ...pins.platforms, [platform]: { trusted: [...entry.trusted, { ...entry.offered, at: now }] } } });
      return true;
    },
    proof(receipt) {
      if (receipt.signature === undefined) return 'unsigned';
      // The whole receipt is the key: a changed copy under the same signature must be checked afresh.
      const cacheKey = canonicalJson(receipt);
      const cached = proofs.get(cacheKey);
      if (cached) return cached;
      const key = trustedKeys().find((candidate) => candidate.keyId === receipt.signature!.keyId);
      const check = key ? checkReceipt(receipt, key) : undefined;
      const proof: ReceiptProof = check === undefined || check.result === 'other-key' ? 'untrusted-key' : check.result === 'verified' ? 'verified' : check.result === 'unsigned' ? 'unsigned' : 'forged';
      proofs.set(cacheKey, proof);
      return proof;
    },
  };
}
