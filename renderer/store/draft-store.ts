import type { PdfCopyContent } from '../../core/attachments/pdf-copy-content';
import { rotateSignedCopy } from '../../core/attachments/rotate-signed-copy';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { letterFromTemplate, type TemplateKey } from '../../core/letter/templates';
import { nextYearLetter } from '../../core/letter/next-year';
import { normalizeCreditCode } from '../../core/letter/credit-code';
import { isRecord } from '../../core/json/is-record';
import type { PackedSubmission } from '../../core/outbox/same-unit-submissions';
import { draftTitle } from '../../core/drafts/draft-title';
import { localIsoDate } from '../shared/local-date';
import { applyProfile } from '../../core/profile/apply-profile';
import type { UnitProfile } from '../../core/profile/unit-profile';
import type { PackageInput } from '../../core/package/build-package';
import {
  DraftRecordSchema,
  inPackageOrder,
  isCurrentSignedCopy,
  type AttachmentRecord,
  type AttachmentType,
  type DraftRecord,
  type QuarantineRecord,
  type ReviewDecision,
  type SnapshotRecord,
} from '../../core/drafts/draft-record';
import { describeIssues } from '../../core/drafts/describe-issues';
import { describeRefusal, type DraftRefusal, type Outcome } from '../../core/drafts/draft-refusal';
import { rawJson } from '../../core/drafts/migrations/v1-to-v2';
import { addSignedCopy, moveSignedCopy, pack, signedCopyChangeRefusal, turnSignedCopy, type PositionChange } from '../../core/drafts/signed-copies';
import * as workflow from '../../core/drafts/workflow';
import type { PledgeDatabase } from './database';

export interface DraftListing {
  /** Newest first, outside the bin. */
  readonly drafts: readonly DraftRecord[];
  readonly bin: readonly DraftRecord[];
  /** Records that could not be read, from the quarantine table or found unreadable now. */
  readonly unreadable: readonly QuarantineRecord[];
}

export interface NewAttachment {
  readonly name: string;
  readonly type: AttachmentType;
  readonly bytes: Uint8Array;
  readonly pdfContent?: PdfCopyContent;
}

/** Thrown when a step does not fit the draft's state, e.g. approving a PDF other than the one submitted; the message is for the user. */
export class DraftStateError extends Error {}

/**
 * Drafts as the UI needs them; Dexie stays behind this interface. Which step fits which state is
 * decided by the pure rules in core/drafts (workflow, signed copies); this reads their inputs and
 * writes what they return, each step in one transaction.
 */
export type DraftStore = ReturnType<typeof createDraftStore>;

export function createDraftStore(db: PledgeDatabase, newId: () => string = () => crypto.randomUUID()) {
  const draftTables = [db.drafts, db.letters, db.snapshots] as const;

  const requireDraft = async (id: string): Promise<DraftRecord> => {
    const draft = await db.drafts.get(id);
    if (!draft) refuse({ code: 'not-found' });
    return draft;
  };

  const letterOf = async (id: string): Promise<unknown> => (await db.letters.get(id))?.letter;

  const snapshotsOf = (change: workflow.DraftChange): SnapshotRecord[] => change.snapshots.map((note) => ({ ...note, id: note.id ?? newId(), draftId: change.draft.id }));

  /** Writes a rule's change; the caller holds the transaction. */
  async function write(change: workflow.DraftChange): Promise<void> {
    for (const snapshot of snapshotsOf(change)) await db.snapshots.add(snapshot);
    await db.drafts.put(change.draft);
  }

  /**
   * `step` on each item in one transaction: one the rules refuse (thrown before it writes
   * anything) is answered with why, in Chinese, by its id, and the others are kept.
   */
  async function eachInOneTransaction<T extends { readonly id: string }>(items: readonly T[], step: (item: T) => Promise<void>): Promise<Map<string, string>> {
    const refused = new Map<string, string>();
    await db.transaction('rw', [...draftTables, db.documents], async () => {
      for (const item of items) {
        try {
          await step(item);
        } catch (error) {
          if (!(error instanceof DraftStateError)) throw error;
          refused.set(item.id, error.message);
        }
      }
    });
    return refused;
  }

  /** Freezes one letter and its PDF for review; the caller holds the transaction. */
  async function submitIn({ id, pdf, renderedFrom }: { readonly id: string; readonly pdf: Uint8Array; readonly renderedFrom: unknown }, pdfSha256: string, at: number): Promise<void> {
    const draft = await requireDraft(id);
    const change = accept(workflow.submitForReview(draft, { letter: await letterOf(id), renderedFrom, pdfSha256, snapshotId: newId(), at }));
    await db.documents.put({ sha256: pdfSha256, draftId: id, bytes: pdf, createdAt: at });
    await write(change);
  }

  /** A decision on one draft; the caller holds the transaction. */
  async function decideIn(id: string, decision: ReviewDecision): Promise<void> {
    const draft = await requireDraft(id);
    // The rule hashes the document synchronously, so the transaction stays open.
    const [letter, document] = await Promise.all([letterOf(id), db.documents.get([id, decision.pdfSha256])]);
    await write(accept(workflow.decide(draft, decision, letter, document)));
  }

  async function insert(letter: unknown, templateKey: string, now: number): Promise<DraftRecord> {
    const created = workflow.newDraft(newId(), templateKey, letter, now);
    await db.transaction('rw', draftTables, async () => {
      await db.drafts.add(created.draft);
      await db.letters.add({ draftId: created.draft.id, letter });
      for (const snapshot of snapshotsOf(created)) await db.snapshots.add(snapshot);
    });
    return created.draft;
  }

  return {
    /** A letter from the template, with the unit's profile in place of the template's sample unit. */
    createFromTemplate: (templateKey: TemplateKey, now: Date, profile?: UnitProfile) =>
      insert(applyProfile(letterFromTemplate(templateKey, { year: now.getFullYear() }), profile), templateKey, now.getTime()),

    /** "复制为下一年度": a new draft of the letter for the following year (see {@link nextYearLetter}). */
    async copyToNextYear(id: string, now: Date): Promise<DraftRecord> {
      const source = await requireDraft(id);
      return insert(nextYearLetter(await letterOf(id), localIsoDate(now)), source.templateKey, now.getTime());
    },

    async duplicate(id: string, now: Date): Promise<DraftRecord> {
      const source = await requireDraft(id);
      return insert(structuredClone(await letterOf(id)), source.templateKey, now.getTime());
    },

    get: (id: string) => db.drafts.get(id),
    letter: letterOf,

    /**
     * Replaces the letter as typed (valid or not). A letter under review or approved is not
     * changed here: it must be reopened first, so an approval never covers text it did not see.
     */
    async updateLetter(id: string, letter: unknown, now: Date): Promise<void> {
      await db.transaction('rw', draftTables, async () => {
        const change = accept(workflow.editLetter(await requireDraft(id), letter, now.getTime()));
        await db.letters.put({ draftId: id, letter });
        await write(change);
      });
    },

    /**
     * The save for a page that is going away (reload, close, navigation): every request is issued
     * at once and committed explicitly, because an unloading page gets no further turns of the event
     * loop for Dexie's read-then-write. `draft` is the record as last read; the letter wins over
     * anything newer in it only for the summary and time, which this very save changes anyway.
     */
    saveLetterUrgently(draft: DraftRecord, letter: unknown, now: Date): boolean {
      const saved = workflow.editLetterWithoutSnapshot(draft, letter, now.getTime());
      if (!saved.ok || !db.isOpen()) return false;
      const tx = db.backendDB().transaction(['letters', 'drafts'], 'readwrite', { durability: 'strict' });
      tx.objectStore('letters').put({ draftId: draft.id, letter });
      tx.objectStore('drafts').put(saved.draft);
      tx.commit();
      return true;
    },

    /** Everything the list needs in one read; records that do not parse are reported, never dropped. */
    async list(): Promise<DraftListing> {
      // The whole table, not the updatedAt index: a damaged record missing from the index would vanish.
      const [rows, quarantined] = await Promise.all([db.drafts.toArray(), db.quarantine.toArray()]);
      const drafts: DraftRecord[] = [];
      const bin: DraftRecord[] = [];
      const unreadable: QuarantineRecord[] = [...quarantined];
      for (const row of rows) {
        const parsed = DraftRecordSchema.safeParse(row);
        if (!parsed.success) unreadable.push({ source: 'drafts', key: String((row as { id?: unknown }).id), raw: rawJson(row), reason: describeIssues(parsed.error), at: Date.now() });
        else (parsed.data.deletedAt === undefined ? drafts : bin).push(parsed.data);
      }
      const newestFirst = (a: DraftRecord, b: DraftRecord) => b.updatedAt - a.updatedAt;
      return { drafts: drafts.sort(newestFirst), bin: bin.sort(newestFirst), unreadable };
    },

    // Both stamp the draft, so a backup made before the change does not look newer on import.
    moveToBin: (id: string, now: Date) => db.drafts.update(id, { deletedAt: now.getTime(), updatedAt: now.getTime() }),
    restoreFromBin: (id: string, now: Date) =>
      db.drafts.where('id').equals(id).modify((draft) => {
        delete (draft as { deletedAt?: number }).deletedAt;
        draft.updatedAt = now.getTime();
      }),

    /** Removes a draft from the bin for good, with its history and attachments. */
    async purge(id: string): Promise<void> {
      await db.transaction('rw', [...draftTables, db.documents, db.attachments], async () => {
        refuseIf(workflow.purgeRefusal(await requireDraft(id)));
        await Promise.all([
          db.drafts.delete(id),
          db.letters.delete(id),
          db.snapshots.where('draftId').equals(id).delete(),
          db.documents.where('draftId').equals(id).delete(),
          db.attachments.where('draftId').equals(id).delete(),
        ]);
      });
    },

    /** Newest first. */
    history: (id: string) => db.snapshots.where('[draftId+at]').between([id, -Infinity], [id, Infinity]).reverse().toArray(),

    /** Puts an old version back; the current one is kept as a snapshot first, so a restore can be undone. */
    async restoreSnapshot(draftId: string, snapshotId: string, now: Date): Promise<void> {
      await db.transaction('rw', draftTables, async () => {
        const [draft, old] = await Promise.all([requireDraft(draftId), db.snapshots.get(snapshotId)]);
        const change = accept(workflow.restoreSnapshot(draft, await letterOf(draftId), old, now.getTime()));
        await db.letters.put({ draftId, letter: change.letter });
        await write(change);
      });
    },

    /**
     * Freezes the letter and the exact PDF made from it, for the principal to read. `renderedFrom`
     * is the letter the PDF was made from; if the stored letter changed meanwhile, nothing is frozen.
     */
    async submitForReview(id: string, pdf: Uint8Array, now: Date, renderedFrom: unknown): Promise<string> {
      const pdfSha256 = sha256Hex(pdf);
      await db.transaction('rw', [...draftTables, db.documents], () => submitIn({ id, pdf, renderedFrom }, pdfSha256, now.getTime()));
      return pdfSha256;
    },

    /** Several letters frozen with their PDFs in one transaction (a batch's review); refused ones answered by draft id, as {@link decideEach}. */
    submitEachForReview: (letters: readonly { readonly id: string; readonly pdf: Uint8Array; readonly renderedFrom: unknown }[], now: Date): Promise<Map<string, string>> =>
      eachInOneTransaction(letters, (letter) => submitIn(letter, sha256Hex(letter.pdf), now.getTime())),

    /** The PDF under review, checked against its hash so what is shown is what was frozen. */
    async reviewDocument(id: string): Promise<{ bytes: Uint8Array; sha256: string } | undefined> {
      const draft = await requireDraft(id);
      if (!draft.review) return undefined;
      const document = await db.documents.get([id, draft.review.pdfSha256]);
      if (!workflow.isIntactDocument(document, draft.review.pdfSha256)) return undefined;
      return { bytes: document.bytes, sha256: document.sha256 };
    },

    /** Records the principal's decision, bound to the hash of the PDF that was read. */
    async decide(id: string, decision: ReviewDecision): Promise<void> {
      await db.transaction('rw', [...draftTables, db.documents], () => decideIn(id, decision));
    },

    /**
     * Several decisions in one transaction (a batch's 批准所选), each bound to its own PDF's hash:
     * one that does not fit its draft any more is answered with why, in Chinese, and the others
     * are kept. Returns the refused ones by draft id.
     */
    decideEach: (decisions: readonly { readonly id: string; readonly decision: ReviewDecision }[]): Promise<Map<string, string>> =>
      eachInOneTransaction(decisions, ({ id, decision }) => decideIn(id, decision)),

    /** Makes a letter under review or approved editable again; it will need a new approval. */
    async reopen(id: string, now: Date): Promise<void> {
      await db.transaction('rw', draftTables, async () => {
        const draft = await requireDraft(id);
        await write(workflow.reopen(draft, await letterOf(id), now.getTime()));
      });
    },

    attachments: async (draftId: string) => inPackageOrder(await db.attachments.where('draftId').equals(draftId).toArray()),
    /** Per draft, the signed copies of its current approval: what the list counts as attached. */
    async signedCopyCounts(): Promise<Map<string, number>> {
      const drafts = new Map((await db.drafts.toArray()).map((d) => [d.id, d]));
      const counts = new Map<string, number>();
      // Keys only: reading the records would load every scan's bytes on each repaint of the list.
      await db.attachments.orderBy('[draftId+approvalSha256]').eachKey((key) => {
        const [draftId, approvalSha256] = key as [string, string];
        const draft = drafts.get(draftId);
        if (draft && isCurrentSignedCopy(draft, { approvalSha256 })) counts.set(draftId, (counts.get(draftId) ?? 0) + 1);
      });
      return counts;
    },

    /**
     * What goes into the package of the current approval: the letter as approved, its PDF and the
     * signed copies in the order the clerk arranged them, each turned as they turned it. The first call fixes the submission id and time
     * (and which earlier submission it corrects), so every later call gives the same package.
     * `supersedes` names a submission of another letter of this unit and year that the first
     * packing corrects; without it, a letter corrects its own previous submission, if any.
     */
    async submissionInput(id: string, now: Date, options: { readonly supersedes?: string } = {}): Promise<PackageInput> {
      let input: PackageInput | undefined;
      let copies: readonly AttachmentRecord[] = [];
      await db.transaction('rw', [db.drafts, db.snapshots, db.letters, db.documents, db.attachments], async () => {
        const draft = await requireDraft(id);
        const [attachments, document] = await Promise.all([
          db.attachments.where('draftId').equals(id).toArray(),
          draft.review ? db.documents.get([id, draft.review.pdfSha256]) : undefined,
        ]);
        // The platform requires a UUID, whatever ids the store makes for its own records.
        const packed = accept(pack(draft, { attachments, document, submissionId: crypto.randomUUID(), at: now.getTime(), supersedes: options.supersedes }));
        if (packed.draft) await db.drafts.put(packed.draft);
        copies = packed.signed;
        const { submission } = packed;
        const approved = draft.review ? await db.snapshots.get(draft.review.snapshotId) : undefined;
        input = {
          letter: approved?.letter ?? (await letterOf(id)),
          pdf: packed.document.bytes,
          signed: [],
          submissionId: submission.submissionId,
          ...(submission.supersedes ? { supersedes: submission.supersedes } : {}),
          createdAt: new Date(submission.packedAt),
        };
      });
      if (!input) refuse({ code: 'not-found' });
      return { ...input, signed: await uprightSignedCopies(copies) };
    },

    /**
     * What the one-letter-per-unit-and-year check needs: the unit and year of this draft's approved
     * letter, the ids of its own submissions, and every other package made here with its letter's
     * unit and year (drafts in the bin too: what they sent is still at the platform).
     */
    async sameUnitContext(id: string): Promise<{ unit: { creditCode: string; year: number } | undefined; own: Set<string>; packed: PackedSubmission[] }> {
      return db.transaction('r', [db.drafts, db.letters, db.snapshots], async () => {
        const draft = await requireDraft(id);
        const approved = draft.review ? (await db.snapshots.get(draft.review.snapshotId))?.letter : undefined;
        const unit = unitAndYear(approved ?? (await letterOf(id)));
        const own = new Set((draft.submissions ?? []).map((s) => s.submissionId));
        const packed: PackedSubmission[] = [];
        for (const other of await db.drafts.toArray()) {
          // Personal letters name the unit as well, but the platform's one letter per unit and year is the unit's own.
          if (other.id === id || !other.submissions?.length || other.summary.kind === 'person') continue;
          const { creditCode, year } = unitAndYear(await letterOf(other.id)) ?? { creditCode: '', year: null };
          for (const s of other.submissions) packed.push({ submissionId: s.submissionId, title: draftTitle(other.summary), creditCode, year, packedAt: s.packedAt, ...(s.supersedes ? { supersedes: s.supersedes } : {}) });
        }
        return { unit, own, packed };
      });
    },

    /** The staff batch a letter belongs to, as the outbox names it; undefined for a unit's own letter (or a batch since deleted). */
    async batchOf(id: string): Promise<{ id: string; title: string } | undefined> {
      const batchId = (await db.drafts.get(id))?.batchId;
      const batch = batchId === undefined ? undefined : await db.batches.get(batchId);
      return batch ? { id: batch.id, title: batch.title } : undefined;
    },

    /** A signed copy belongs to the approval it was signed from, so only an approved letter takes one. */
    async addAttachment(draftId: string, file: NewAttachment, now: Date): Promise<AttachmentRecord> {
      const copy = { id: newId(), draftId, name: file.name, type: file.type, size: file.bytes.byteLength, sha256: sha256Hex(file.bytes), bytes: file.bytes, addedAt: now.getTime(), ...(file.pdfContent ? { pdfContent: file.pdfContent } : {}) };
      return db.transaction('rw', db.drafts, db.attachments, async () => {
        const draft = await requireDraft(draftId);
        const added = accept(addSignedCopy(draft, await db.attachments.where('draftId').equals(draftId).toArray(), copy));
        await writePositions(added.positions);
        await db.attachments.add(added.attachment);
        await db.drafts.update(draftId, { updatedAt: now.getTime() });
        return added.attachment;
      });
    },
    removeAttachment: (id: string, now: Date) => changeSignedCopy(id, now, () => db.attachments.delete(id)),
    /** Moves a signed copy one place up (-1) or down (1) in the package's order. */
    moveAttachment: (id: string, by: -1 | 1, now: Date) =>
      changeSignedCopy(id, now, async (attachment) => writePositions(moveSignedCopy(await db.attachments.where('draftId').equals(attachment.draftId).toArray(), id, by))),
    /** Turns a signed copy a quarter turn clockwise; the turn is applied when it is packed. */
    rotateAttachment: (id: string, now: Date) =>
      changeSignedCopy(id, now, async (attachment) => {
        await db.attachments.update(id, { rotation: accept(turnSignedCopy(attachment)).rotation });
      }),
  };

  /** Removal, order and turn change the package, so they stop once the approval is packed (see {@link signedCopyChangeRefusal}). */
  async function changeSignedCopy(id: string, now: Date, change: (attachment: AttachmentRecord) => Promise<unknown>): Promise<void> {
    await db.transaction('rw', db.drafts, db.attachments, async () => {
      const attachment = await db.attachments.get(id);
      if (!attachment) return;
      refuseIf(signedCopyChangeRefusal(await db.drafts.get(attachment.draftId), attachment));
      await change(attachment);
      await db.drafts.update(attachment.draftId, { updatedAt: now.getTime() });
    });
  }

  async function writePositions(changes: readonly PositionChange[]): Promise<void> {
    await Promise.all(changes.map(({ id, position }) => db.attachments.update(id, { position })));
  }
}

function refuse(refusal: DraftRefusal): never {
  throw new DraftStateError(describeRefusal(refusal));
}

function refuseIf(refusal: DraftRefusal | undefined): void {
  if (refusal) refuse(refusal);
}

/** The rule's answer when it agreed; its refusal is thrown as a {@link DraftStateError}. */
function accept<T extends object>(outcome: Outcome<T>): { readonly ok: true } & T {
  if (!outcome.ok) refuse(outcome.refusal);
  return outcome;
}

/** Turned upright outside the transaction: PDF rotation awaits pdf-lib, which would let IndexedDB commit mid-way. */
async function uprightSignedCopies(signed: readonly AttachmentRecord[]): Promise<PackageInput['signed']> {
  return Promise.all(
    signed.map(async (copy) => {
      const turned = await rotateSignedCopy(copy.name, copy.type, copy.bytes, copy.rotation);
      if (!turned.ok) throw new DraftStateError(turned.message);
      return { name: copy.name, bytes: turned.bytes };
    }),
  );
}

function unitAndYear(letter: unknown): { creditCode: string; year: number } | undefined {
  if (!isRecord(letter) || !isRecord(letter['unit']) || typeof letter['unit']['creditCode'] !== 'string' || typeof letter['year'] !== 'number') return undefined;
  return { creditCode: normalizeCreditCode(letter['unit']['creditCode']), year: letter['year'] };
}

