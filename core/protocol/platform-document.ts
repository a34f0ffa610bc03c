import { z } from 'zod';
import { PROTOCOL_VERSION } from './reference-protocol';
import { ReceiptKeySchema } from './receipt-signature';
import { ReceivingOfficeSchema } from './receiving-office';

/**
 * `GET /.well-known/pledge-platform.json`, no credential: who the platform is and the key its
 * receipts are signed with. The app fetches it on first contact and pins the key; `pledge receipt
 * verify --platform` reads it from a file or this address.
 */
export const PLATFORM_DOCUMENT_PATH = '/.well-known/pledge-platform.json';

export const PlatformDocumentSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  platform: ReceivingOfficeSchema,
  receiptKey: ReceiptKeySchema,
});
export type PlatformDocument = z.infer<typeof PlatformDocumentSchema>;

/** Where a platform at `endpoint` (an address as parseEndpoint gives it, maybe with a path) publishes its document: under its path, as its routes are. */
export function platformDocumentUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}${PLATFORM_DOCUMENT_PATH}`;
}

/** Largest well-known document read: a few hundred bytes in practice. */
export const MAX_PLATFORM_DOCUMENT_BYTES = 16 * 1024;
