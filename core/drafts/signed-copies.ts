import { accepted, refused, type DraftRefusal, type Outcome } from './draft-refusal';
import {
  currentSubmission,
  inPackageOrder,
  isCurrentSignedCopy,
  type AttachmentRecord,
  type DocumentRecord,
  type DraftRecord,
  type Rotation,
  type SubmissionRecord,
} from './draft-record';
import { isIntactDocument } from './workflow';

/**
 * The signed copies of an approval and what may be packed. A copy belongs to the approval it was
 * signed from, so only an approved letter takes one. Once that approval is packed, its copies, their
 * order and their turns stay as packed: the package can always be made again, byte for byte.
 */

/** A place in the package's order to write; only the places that differ are listed. */
export interface PositionChange {
  readonly id: string;
  readonly position: number;
}

/** The copy as received; the rule binds it to the approval and gives it the last place. */
export type NewSignedCopy = Omit<AttachmentRecord, 'approvalSha256' | 'position'>;

/** Adds a signed copy at the end of the order, renumbering the draft's copies so the places run 0…n. */
export function addSignedCopy(
  draft: DraftRecord,
  existing: readonly AttachmentRecord[],
  copy: NewSignedCopy,
): Outcome<{ attachment: AttachmentRecord; positions: readonly PositionChange[] }> {
  if (draft.status !== 'approved' || !draft.review) return refused({ code: 'not-approved' });
  if (currentSubmission(draft)) return refused({ code: 'signed-locked' });
  const order = inPackageOrder(existing);
  return accepted({ attachment: { ...copy, approvalSha256: draft.review.pdfSha256, position: order.length }, positions: renumbered(order) });
}

/**
 * Whether an attachment may be removed, moved or turned: not when it is a copy of the packed
 * approval. `draft` is absent for a copy whose draft is gone, which nothing protects any more.
 */
export function signedCopyChangeRefusal(draft: DraftRecord | undefined, attachment: AttachmentRecord): DraftRefusal | undefined {
  return draft && currentSubmission(draft) && isCurrentSignedCopy(draft, attachment) ? { code: 'signed-locked' } : undefined;
}

/** Moves one copy a place up (-1) or down (1) among the draft's copies; at either end nothing moves. */
export function moveSignedCopy(attachments: readonly AttachmentRecord[], id: string, by: -1 | 1): readonly PositionChange[] {
  const order = inPackageOrder(attachments);
  const from = order.findIndex((a) => a.id === id);
  const to = from + by;
  if (to < 0 || to >= order.length) return [];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return renumbered(order);
}

/** A quarter turn clockwise, applied when packed. A digitally signed PDF is never turned: that would break its signature. */
export function turnSignedCopy(attachment: AttachmentRecord): Outcome<{ rotation: Rotation }> {
  if (attachment.pdfContent?.signature) return refused({ code: 'signed-pdf-rotation', name: attachment.name });
  return accepted({ rotation: (((attachment.rotation ?? 0) + 90) % 360) as Rotation });
}

export interface Packing {
  /** All of the draft's attachments; only the current approval's copies are packed. */
  readonly attachments: readonly AttachmentRecord[];
  /** The stored PDF under the approval's hash. */
  readonly document: DocumentRecord | undefined;
  /** Used only by the first packing of this approval; the platform requires a UUID. */
  readonly submissionId: string;
  readonly at: number;
  /** A submission of another letter of this unit and year that the first packing corrects; by default the letter's own previous one. */
  readonly supersedes?: string;
}

export interface Packed {
  readonly submission: SubmissionRecord;
  /** The current approval's copies, in the package's order. */
  readonly signed: readonly AttachmentRecord[];
  readonly document: DocumentRecord;
  /** The draft to write, set only by the first packing of this approval, which fixes the submission's id, time and what it corrects. */
  readonly draft?: DraftRecord;
}

/**
 * What goes into the package of the current approval. The first packing fixes the submission, so
 * every later one gives the same package and the platform sees one submission.
 */
export function pack(draft: DraftRecord, packing: Packing): Outcome<Packed> {
  if (draft.status !== 'approved' || !draft.review) return refused({ code: 'not-approved' });
  const { review } = draft;
  const signed = inPackageOrder(packing.attachments).filter((a) => isCurrentSignedCopy(draft, a));
  if (signed.length === 0) return refused({ code: 'no-signed-copy' });
  const { document } = packing;
  if (!isIntactDocument(document, review.pdfSha256)) return refused({ code: 'pdf-damaged' });
  const packed = currentSubmission(draft);
  if (packed) return accepted({ submission: packed, signed, document });
  const supersedes = packing.supersedes ?? draft.submissions?.at(-1)?.submissionId;
  const submission: SubmissionRecord = { submissionId: packing.submissionId, approvalSha256: review.pdfSha256, packedAt: packing.at, ...(supersedes ? { supersedes } : {}) };
  return accepted({ submission, signed, document, draft: { ...draft, submissions: [...(draft.submissions ?? []), submission], updatedAt: packing.at } });
}

/** Places 0…n-1 in the given order, listing only those that differ from what is stored. */
function renumbered(order: readonly AttachmentRecord[]): PositionChange[] {
  return order.flatMap((a, position) => (a.position === position ? [] : [{ id: a.id, position }]));
}
