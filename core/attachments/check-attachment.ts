import type { AttachmentType } from '../drafts/draft-record';
import { sha256Hex } from '../hash/sha256-hex';
import { megabytes } from '../i18n/format-size';
import { t } from '../i18n/translate';

/** A scan at 300 dpi in colour is a few megabytes a page; this leaves room without clogging a weak link. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** All attachments of one letter together: the submission package has to cross a mobile link. */
export const MAX_ATTACHMENTS_TOTAL_BYTES = 60 * 1024 * 1024;

const SIGNATURES: readonly [AttachmentType, readonly number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
];

export type AttachmentCheck = { readonly ok: true; readonly type: AttachmentType } | { readonly ok: false; readonly message: string };

/**
 * Decides whether a file can be the signed copy, by its content rather than its name: a scan
 * saved as `.jpg` that is really a Word file is refused with a message naming the file. Given the
 * approved PDF's SHA-256, the approved PDF itself is refused too: it carries no signature or seal.
 */
export function checkAttachment(name: string, bytes: Uint8Array, alreadyAttachedBytes: number, approvedPdfSha256?: string): AttachmentCheck {
  const sizeProblem = checkAttachmentSize(name, bytes.byteLength, alreadyAttachedBytes);
  if (sizeProblem) return { ok: false, message: sizeProblem };
  const type = sniffAttachmentType(bytes);
  if (!type) return { ok: false, message: t('attachment.wrong-type', { name }) };
  if (type === 'application/pdf' && approvedPdfSha256 !== undefined && sha256Hex(bytes) === approvedPdfSha256) return { ok: false, message: t('attachment.approved-pdf-itself', { name }) };
  return { ok: true, type };
}

/** The type a file's first bytes say it is, whatever its name or size. @example sniffAttachmentType(strToU8('%PDF-1.7')) // 'application/pdf' */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | undefined {
  return SIGNATURES.find(([, signature]) => signature.every((byte, i) => bytes[i] === byte))?.[0];
}

/** The size rules alone, so a huge file is refused before it is read into memory. Null when the size is fine. */
export function checkAttachmentSize(name: string, size: number, alreadyAttachedBytes: number): string | null {
  if (size === 0) return t('attachment.empty', { name });
  if (size > MAX_ATTACHMENT_BYTES) return t('attachment.too-large', { name, size: megabytes(size), max: megabytes(MAX_ATTACHMENT_BYTES) });
  if (alreadyAttachedBytes + size > MAX_ATTACHMENTS_TOTAL_BYTES) return t('attachment.total-too-large', { name, max: megabytes(MAX_ATTACHMENTS_TOTAL_BYTES) });
  return null;
}
