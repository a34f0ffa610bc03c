import { z } from 'zod';
import { checkAttachment } from '../attachments/check-attachment';
import { ATTACHMENT_TYPES, bytes, epochMs, sha256, type AttachmentType } from '../drafts/draft-record';
import { sha256Hex } from '../hash/sha256-hex';
import { t } from '../i18n/translate';
import type { Letter } from '../letter/letter-schema';
import { printOrder } from '../letter/item-numbers';
import { ITEM_STATUSES, PROGRESS_LIMITS, type EvidenceFile, type ItemStatus, type ProgressItem } from './progress-schema';

/*
 * What the clerk records about a delivered letter through the year (践诺), item by item, before
 * any report is made: the status in the notice's words, dated notes, and evidence files. A letter
 * is named by its package's submission id, an item by its printed number (core/letter/item-numbers.ts),
 * the same two keys a progress report (`pledge-progress/1`) uses, so a report can be made from
 * these records alone. Plain data, shared by the local database and the backup file.
 */

/** One dated note; `at` is an ISO time so a note written late at night keeps its day in any time zone. */
export const ProgressNoteSchema = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  text: z.string().min(1).max(PROGRESS_LIMITS.note),
});
export type ProgressNote = z.infer<typeof ProgressNoteSchema>;

/**
 * An item's progress. The 已调整 rule is kept by {@link setStatus}, not by the schema: a stored or
 * backed-up record that broke it must still be read (and shown) rather than lost, and a report made
 * from it is refused by validate-progress, which names the item.
 */
export const ItemProgressRecordSchema = z.strictObject({
  submissionId: z.string().min(1),
  number: z.number().int().min(1),
  status: z.enum(ITEM_STATUSES),
  reason: z.string().max(PROGRESS_LIMITS.reason).optional(),
  notes: z.array(ProgressNoteSchema),
  /** A note typed but not yet added (添加记录): kept so that closing the window loses nothing; in no report. */
  noteDraft: z.string().max(PROGRESS_LIMITS.note).optional(),
  updatedAt: epochMs,
});
export type ItemProgressRecord = z.infer<typeof ItemProgressRecordSchema>;

/**
 * An evidence file (a photo, a PDF), kept as a signed copy is (AttachmentRecord): its bytes as
 * they are, its type sniffed from them. `number` absent: evidence of the whole letter's progress.
 */
export const EvidenceRecordSchema = z.strictObject({
  id: z.string().min(1),
  submissionId: z.string().min(1),
  number: z.number().int().min(1).optional(),
  name: z.string().min(1),
  type: z.enum(ATTACHMENT_TYPES),
  size: z.number().int().nonnegative(),
  sha256,
  bytes,
  addedAt: epochMs,
  /** The clerk chose to publish it beside the letter (EvidenceFile.public); older records lack it and are not published. */
  public: z.boolean().optional(),
});
export type EvidenceRecord = z.infer<typeof EvidenceRecordSchema>;

/** A change refused, in Chinese, naming the item; or the record as it is after the change. */
export type ProgressChange<T> = { readonly ok: true; readonly record: T } | { readonly ok: false; readonly message: string };

export interface StatusChange {
  readonly status: string;
  readonly reason?: string;
}

/** The record of an item nothing has been recorded for: what a new report says of it too. */
export function newItemProgress(submissionId: string, number: number, now: Date): ItemProgressRecord {
  return { submissionId, number, status: '未启动', notes: [], updatedAt: now.getTime() };
}

const isStatus = (status: string): status is ItemStatus => (ITEM_STATUSES as readonly string[]).includes(status);

/**
 * Sets the item's status. 已调整 needs a reason (the notice: changed, with the reason stated); any
 * other status drops the reason, since a stale 调整原因 would be written into the year-end record
 * of an item that was not changed after all.
 *
 * @example setStatus(record, { status: '已调整', reason: '' }, now) // { ok: false, message: '第 3 项承诺事项为“已调整”，请写明调整原因。' }
 */
export function setStatus(record: ItemProgressRecord, change: StatusChange, now: Date): ProgressChange<ItemProgressRecord> {
  const n = record.number;
  if (!isStatus(change.status)) return { ok: false, message: t('item-progress.unknown-status', { n, choices: ITEM_STATUSES.join('、') }) };
  const { reason: _old, ...rest } = record;
  if (change.status !== '已调整') return { ok: true, record: { ...rest, status: change.status, updatedAt: now.getTime() } };
  const reason = (change.reason ?? '').trim();
  if (reason === '') return { ok: false, message: t('item-progress.reason-required', { n }) };
  if (reason.length > PROGRESS_LIMITS.reason) return { ok: false, message: t('item-progress.reason-too-long', { n, max: PROGRESS_LIMITS.reason }) };
  return { ok: true, record: { ...rest, status: change.status, reason, updatedAt: now.getTime() } };
}

/** Adds a note dated `now`, after the others. */
export function addNote(record: ItemProgressRecord, text: string, now: Date): ProgressChange<ItemProgressRecord> {
  const n = record.number;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: t('item-progress.note-empty', { n }) };
  if (trimmed.length > PROGRESS_LIMITS.note) return { ok: false, message: t('item-progress.note-too-long', { n, max: PROGRESS_LIMITS.note }) };
  const { noteDraft: _added, ...rest } = record;
  return { ok: true, record: { ...rest, notes: [...record.notes, { at: now.toISOString(), text: trimmed }], updatedAt: now.getTime() } };
}

/** Keeps the note being typed, as typed (cut to the note's limit); empty forgets it. */
export function setNoteDraft(record: ItemProgressRecord, text: string, now: Date): ProgressChange<ItemProgressRecord> {
  const { noteDraft: _old, ...rest } = record;
  const kept = text.slice(0, PROGRESS_LIMITS.note);
  return { ok: true, record: { ...rest, ...(kept.trim() === '' ? {} : { noteDraft: kept }), updatedAt: now.getTime() } };
}

/** Removes the note at `index` (from 0, in the order they were written). */
export function removeNote(record: ItemProgressRecord, index: number, now: Date): ProgressChange<ItemProgressRecord> {
  if (!Number.isInteger(index) || index < 0 || index >= record.notes.length) return { ok: false, message: t('item-progress.no-such-note', { n: record.number, position: index + 1 }) };
  return { ok: true, record: { ...record, notes: record.notes.filter((_, i) => i !== index), updatedAt: now.getTime() } };
}

/** Null when the letter has an item of that printed number; else why not, in Chinese. */
export function itemNumberProblem(number: number, itemCount: number): string | null {
  return Number.isInteger(number) && number >= 1 && number <= itemCount ? null : t('item-progress.no-such-item', { n: number, count: itemCount });
}

export type EvidenceCheck = { readonly ok: true; readonly type: AttachmentType } | { readonly ok: false; readonly message: string };

/**
 * Checks a file as evidence exactly as a signed copy is checked (checkAttachment: type by its bytes,
 * 20 MB each), the 60 MB being all evidence of the letter together: it crosses the same mobile link
 * in the report's package. `alreadyAddedBytes` is the size of the letter's evidence so far.
 */
export function checkEvidence(name: string, fileBytes: Uint8Array, alreadyAddedBytes: number, number?: number): EvidenceCheck {
  const check = checkAttachment(name, fileBytes, alreadyAddedBytes);
  if (check.ok) return check;
  const message = number === undefined ? t('item-progress.report-evidence-refused', { reason: check.message }) : t('item-progress.evidence-refused', { n: number, reason: check.message });
  return { ok: false, message };
}

/** The evidence record of a file that passed {@link checkEvidence}. */
export function newEvidence(input: { id: string; submissionId: string; number?: number; name: string; type: AttachmentType; bytes: Uint8Array }, now: Date): EvidenceRecord {
  return {
    id: input.id,
    submissionId: input.submissionId,
    ...(input.number === undefined ? {} : { number: input.number }),
    name: input.name,
    type: input.type,
    size: input.bytes.byteLength,
    sha256: sha256Hex(input.bytes),
    bytes: input.bytes,
    addedAt: now.getTime(),
  };
}

/**
 * Marks an evidence file for publication beside the letter on the public column, or takes the
 * mark away. Only the unit decides what the public sees: the platform publishes a file only when
 * its report says `public` (EvidenceFile.public), so a record keeps `false` rather than guessing.
 *
 * @example setEvidencePublic(record, true).public // true
 */
export function setEvidencePublic(record: EvidenceRecord, isPublic: boolean): EvidenceRecord {
  return { ...record, public: isPublic };
}

/** China has kept one offset all year since 1991: a note's day is the day at the desk, whatever the computer's zone. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const beijingDay = (iso: string) => new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** Joins full sentences: a note ending in 。 before the separator would read "。；". */
const withoutEndStop = (text: string) => text.replace(/[。；;.]+$/u, '');

/**
 * The report's note for an item: every note, oldest first, each with its day
 * (`2026-05-03：招标完成；2026-06-10：开工`). Past the report's limit the oldest notes are left out,
 * so the report says the latest; the latest alone, cut to the limit, if even it is too long.
 */
export function reportNote(notes: readonly ProgressNote[]): string {
  const parts = [...notes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((note) => `${beijingDay(note.at)}：${withoutEndStop(note.text)}`);
  for (let first = 0; first < parts.length; first++) {
    const joined = parts.slice(first).join('；');
    if (joined.length <= PROGRESS_LIMITS.note) return joined;
  }
  return (parts.at(-1) ?? '').slice(0, PROGRESS_LIMITS.note);
}

/**
 * The `items` of a progress report, made from what the clerk recorded: every item of the letter in
 * printed order and numbering (as newProgressReport), with its recorded status, note and reason;
 * an item with no record is 未启动 with an empty note. Records of numbers the letter does not have
 * (a letter corrected by a later submission has its own id, so this is only damaged data) are left out.
 *
 * @example progressItems(letter, [{ submissionId, number: 1, status: '推进中', notes: [], updatedAt }])[0].status // '推进中'
 */
export function progressItems(letter: Pick<Letter, 'items'>, records: readonly ItemProgressRecord[]): ProgressItem[] {
  const byNumber = new Map(records.map((record) => [record.number, record]));
  return printOrder(letter.items).map((index, position): ProgressItem => {
    const item = letter.items[index] as Letter['items'][number];
    const number = position + 1;
    const record = byNumber.get(number);
    const reason = record?.status === '已调整' ? record.reason?.trim() : undefined;
    return {
      number,
      content: item.content,
      ...(item.deadline ? { deadline: item.deadline } : {}),
      status: record?.status ?? '未启动',
      note: record ? reportNote(record.notes) : '',
      ...(reason ? { reason } : {}),
    };
  });
}

/** The report's `evidence` list, in the order the files were added. */
export function progressEvidence(evidence: readonly Pick<EvidenceRecord, 'name' | 'sha256' | 'size' | 'number' | 'addedAt' | 'public'>[]): EvidenceFile[] {
  return [...evidence]
    .sort((a, b) => a.addedAt - b.addedAt)
    .map((file) => ({ name: file.name, sha256: file.sha256, size: file.size, ...(file.number === undefined ? {} : { item: file.number }), ...(file.public ? { public: true as const } : {}) }));
}
