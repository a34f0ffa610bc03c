import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENTS_TOTAL_BYTES } from '../../../core/attachments/check-attachment';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import {
  addNote,
  checkEvidence,
  EvidenceRecordSchema,
  ItemProgressRecordSchema,
  itemNumberProblem,
  newEvidence,
  newItemProgress,
  progressEvidence,
  progressItems,
  removeNote,
  reportNote,
  setEvidencePublic,
  setStatus,
  type ItemProgressRecord,
} from '../../../core/progress/item-progress';
import { ProgressItemSchema } from '../../../core/progress/progress-schema';

const SUBMISSION = '0b9f6c52-3d1e-4c57-9a43-2f0e8d7c6b5a';
const NOW = new Date('2026-05-03T02:00:00Z');
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

const must = <T>(change: { ok: true; record: T } | { ok: false; message: string }): T => {
  if (!change.ok) throw new Error(change.message);
  return change.record;
};

describe('setStatus', () => {
  const fresh = () => newItemProgress(SUBMISSION, 3, NOW);

  it('sets each of the notice’s statuses and stamps the record', () => {
    const later = new Date(NOW.getTime() + 60_000);
    expect(must(setStatus(fresh(), { status: '已兑现' }, later))).toEqual({ submissionId: SUBMISSION, number: 3, status: '已兑现', notes: [], updatedAt: later.getTime() });
  });

  it('refuses 已调整 without a reason, naming the item', () => {
    expect(setStatus(fresh(), { status: '已调整' }, NOW)).toEqual({ ok: false, message: '第 3 项承诺事项为“已调整”，请写明调整原因。' });
    expect(setStatus(fresh(), { status: '已调整', reason: '   ' }, NOW).ok).toBe(false);
  });

  it('keeps the reason of 已调整, trimmed, and drops it when the item is set to another status', () => {
    const changed = must(setStatus(fresh(), { status: '已调整', reason: ' 上级文件调整了任务 ' }, NOW));
    expect(changed).toMatchObject({ status: '已调整', reason: '上级文件调整了任务' });
    expect(must(setStatus(changed, { status: '推进中', reason: '上级文件调整了任务' }, NOW))).not.toHaveProperty('reason');
  });

  it('refuses a reason past the report’s limit and a status that is not the notice’s', () => {
    expect(setStatus(fresh(), { status: '已调整', reason: '因'.repeat(501) }, NOW)).toEqual({ ok: false, message: '第 3 项承诺事项的调整原因不能超过 500 个字。' });
    expect(setStatus(fresh(), { status: '已完成' }, NOW)).toEqual({ ok: false, message: '第 3 项承诺事项的履行状态只能是：未启动、推进中、已兑现、未兑现、已调整。' });
  });
});

describe('notes', () => {
  it('adds a note dated now, after the others, and removes one by its place', () => {
    const one = must(addNote(newItemProgress(SUBMISSION, 1, NOW), ' 已完成招标。 ', NOW));
    const two = must(addNote(one, '已开工。', new Date('2026-06-10T01:00:00Z')));
    expect(two.notes).toEqual([
      { at: '2026-05-03T02:00:00.000Z', text: '已完成招标。' },
      { at: '2026-06-10T01:00:00.000Z', text: '已开工。' },
    ]);
    expect(ItemProgressRecordSchema.parse(two)).toEqual(two);
    expect(must(removeNote(two, 0, NOW)).notes.map((n) => n.text)).toEqual(['已开工。']);
    expect(removeNote(two, 2, NOW)).toEqual({ ok: false, message: '第 1 项承诺事项没有第 3 条进展记录。' });
  });

  it('refuses an empty note and one past the limit, naming the item', () => {
    const record = newItemProgress(SUBMISSION, 4, NOW);
    expect(addNote(record, ' \n ', NOW)).toEqual({ ok: false, message: '第 4 项承诺事项的进展记录是空的，未保存。' });
    expect(addNote(record, '字'.repeat(2001), NOW)).toEqual({ ok: false, message: '第 4 项承诺事项的进展记录不能超过 2000 个字。' });
  });
});

describe('itemNumberProblem', () => {
  it('names a number the letter does not have', () => {
    expect(itemNumberProblem(2, 2)).toBeNull();
    expect(itemNumberProblem(3, 2)).toBe('承诺书只有 2 项承诺事项，没有第 3 项。');
    expect(itemNumberProblem(0, 2)).not.toBeNull();
  });
});

describe('evidence', () => {
  it('takes a PDF or an image by its bytes and refuses anything else, naming the item', () => {
    expect(checkEvidence('验收报告.pdf', PDF, 0, 2)).toEqual({ ok: true, type: 'application/pdf' });
    const refused = checkEvidence('照片.jpg', new TextEncoder().encode('PK\u0003\u0004 not a photo'), 0, 2);
    expect(refused).toEqual({ ok: false, message: '第 2 项承诺事项的佐证材料未添加：“照片.jpg”不是 PNG、JPEG 图片或 PDF 文件，未添加。' });
    expect(checkEvidence('照片.jpg', new Uint8Array(), 0)).toEqual({ ok: false, message: '佐证材料未添加：“照片.jpg”是空文件，未添加。' });
  });

  it('counts the 60 MB over all evidence of the letter', () => {
    expect(checkEvidence('验收报告.pdf', PDF, MAX_ATTACHMENTS_TOTAL_BYTES - PDF.length, 1).ok).toBe(true);
    expect(checkEvidence('验收报告.pdf', PDF, MAX_ATTACHMENTS_TOTAL_BYTES - PDF.length + 1, 1).ok).toBe(false);
  });

  it('makes a record naming the bytes by size and SHA-256', () => {
    const record = newEvidence({ id: 'e1', submissionId: SUBMISSION, number: 2, name: '验收报告.pdf', type: 'application/pdf', bytes: PDF }, NOW);
    expect(EvidenceRecordSchema.parse(record)).toEqual({ id: 'e1', submissionId: SUBMISSION, number: 2, name: '验收报告.pdf', type: 'application/pdf', size: PDF.length, sha256: sha256Hex(PDF), bytes: PDF, addedAt: NOW.getTime() });
    expect(newEvidence({ id: 'e2', submissionId: SUBMISSION, name: '总结.pdf', type: 'application/pdf', bytes: PDF }, NOW)).not.toHaveProperty('number');
  });
});

describe('the report made from the records', () => {
  // Printed order is category order: the duty item comes after the service item although stored first.
  const letter = {
    items: [
      { category: 'duty', content: '按时办结投诉举报件。', deadline: '2026-12-31' },
      { category: 'service', content: '办事材料一次告知。' },
      { category: 'service', content: '窗口延时服务。' },
    ],
  } as unknown as Parameters<typeof progressItems>[0];

  it('lists every item in printed order with its recorded status, notes and reason, 未启动 where nothing was recorded', () => {
    let first: ItemProgressRecord = must(setStatus(newItemProgress(SUBMISSION, 1, NOW), { status: '已兑现' }, NOW));
    first = must(addNote(first, '已制定一次告知清单。', new Date('2026-04-30T17:00:00Z')));
    first = must(addNote(first, '清单已上墙公示', new Date('2026-05-10T01:00:00Z')));
    const third = must(setStatus(newItemProgress(SUBMISSION, 3, NOW), { status: '已调整', reason: '机构改革后职责划转' }, NOW));
    const items = progressItems(letter, [third, first, must(setStatus(newItemProgress(SUBMISSION, 9, NOW), { status: '未兑现' }, NOW))]);
    expect(items).toEqual([
      // 17:00 UTC on 30 April is 1 May in Beijing: a note keeps the day it was written at the desk.
      { number: 1, content: '办事材料一次告知。', status: '已兑现', note: '2026-05-01：已制定一次告知清单；2026-05-10：清单已上墙公示' },
      { number: 2, content: '窗口延时服务。', status: '未启动', note: '' },
      { number: 3, content: '按时办结投诉举报件。', deadline: '2026-12-31', status: '已调整', note: '', reason: '机构改革后职责划转' },
    ]);
    for (const item of items) expect(ProgressItemSchema.parse(item)).toEqual(item);
  });

  it('keeps the latest notes when all of them would be longer than a report’s note may be', () => {
    const notes = [0, 1, 2].map((i) => ({ at: new Date(NOW.getTime() + i * 86_400_000).toISOString(), text: `${i}`.repeat(900) }));
    const note = reportNote(notes);
    expect(note.length).toBeLessThanOrEqual(2000);
    expect(note.startsWith('2026-05-04：1')).toBe(true);
    expect(note.endsWith('2')).toBe(true);
    expect(reportNote([{ at: NOW.toISOString(), text: '长'.repeat(2000) }])).toHaveLength(2000);
  });

  it('lists the evidence files for the report in the order they were added', () => {
    const late = newEvidence({ id: 'e2', submissionId: SUBMISSION, name: '总结.pdf', type: 'application/pdf', bytes: PDF }, new Date(NOW.getTime() + 1));
    const early = newEvidence({ id: 'e1', submissionId: SUBMISSION, number: 3, name: '验收报告.pdf', type: 'application/pdf', bytes: PDF }, NOW);
    expect(progressEvidence([late, early])).toEqual([
      { name: '验收报告.pdf', sha256: sha256Hex(PDF), size: PDF.length, item: 3 },
      { name: '总结.pdf', sha256: sha256Hex(PDF), size: PDF.length },
    ]);
  });
});

describe('setEvidencePublic', () => {
  const file = newEvidence({ id: 'e1', submissionId: SUBMISSION, number: 2, name: '验收报告.pdf', type: 'application/pdf', bytes: PDF }, NOW);

  it('marks a file for the public column and takes the mark away, leaving the rest of the record as it was', () => {
    const shown = setEvidencePublic(file, true);
    expect(shown).toEqual({ ...file, public: true });
    expect(EvidenceRecordSchema.parse(shown).public).toBe(true);
    expect(progressEvidence([shown])[0]?.public).toBe(true);
    const hidden = setEvidencePublic(shown, false);
    expect(hidden.public).toBe(false);
    expect(progressEvidence([hidden])[0]).not.toHaveProperty('public');
    expect(file).not.toHaveProperty('public');
  });
});
