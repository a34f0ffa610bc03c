import { checkAttachment } from '../../core/attachments/check-attachment';
import { pdfCopyContent } from '../../core/attachments/pdf-copy-content';
import { isCurrentSignedCopy, type AttachmentRecord, type DraftRecord } from '../../core/drafts/draft-record';
import type { DraftStore } from './draft-store';

export type AddSignedCopyResult = { readonly ok: true; readonly attachment: AttachmentRecord } | { readonly ok: false; readonly message: string };

/**
 * Checks a file as the signed copy of the draft's current approval (against the copies already
 * counted for it and the approved PDF itself), notes what a PDF holds, and keeps it: the one path
 * for a file uploaded in 签章件 and a PDF signed in 审核.
 */
export async function addSignedCopy(store: DraftStore, draft: DraftRecord, name: string, bytes: Uint8Array, now: Date): Promise<AddSignedCopyResult> {
  const attached = (await store.attachments(draft.id)).filter((a) => isCurrentSignedCopy(draft, a)).reduce((sum, a) => sum + a.size, 0);
  const check = checkAttachment(name, bytes, attached, draft.review?.pdfSha256);
  if (!check.ok) return check;
  const pdfContent = check.type === 'application/pdf' ? await pdfCopyContent(bytes) : undefined;
  const attachment = await store.addAttachment(draft.id, { name, type: check.type, bytes, ...(pdfContent ? { pdfContent } : {}) }, now);
  return { ok: true, attachment };
}
