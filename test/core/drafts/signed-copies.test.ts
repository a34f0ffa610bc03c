import { describe, expect, it } from 'vitest';
import { addSignedCopy, moveSignedCopy, pack, signedCopyChangeRefusal, turnSignedCopy, type NewSignedCopy, type Packing } from '../../../core/drafts/signed-copies';
import { approved, byStatus, copy, document, fresh, inReview, MINUTE, OTHER_SHA, packed, PDF_SHA, returned, T0 } from './draft-fixtures';

const incoming = (): NewSignedCopy => {
  const { approvalSha256: _a, position: _p, ...rest } = copy('new', { addedAt: T0 + 9 * MINUTE });
  return rest;
};
const UUID = '3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b';
const packing = (extra: Partial<Packing> = {}): Packing => ({ attachments: [copy('a1', { position: 0 })], document: document(), submissionId: UUID, at: T0 + 5 * MINUTE, ...extra });

describe('addSignedCopy', () => {
  it('binds the copy to the approval and puts it last', () => {
    const added = addSignedCopy(approved, [copy('a1', { position: 0 }), copy('a2', { position: 1 })], incoming());
    expect(added).toEqual({ ok: true, attachment: { ...incoming(), approvalSha256: PDF_SHA, position: 2 }, positions: [] });
  });

  it('numbers older copies without a place by the time they were added, writing only the places that change', () => {
    const existing = [copy('late', { addedAt: T0 + 2 }), copy('placed', { position: 0 }), copy('early', { addedAt: T0 + 1 })];
    const added = addSignedCopy(approved, existing, incoming());
    expect(added).toMatchObject({ ok: true, attachment: { position: 3 }, positions: [{ id: 'early', position: 1 }, { id: 'late', position: 2 }] });
  });

  it.each([fresh, inReview, returned])('takes no copy for a letter that is $status', (draft) => {
    expect(addSignedCopy(draft, [], incoming())).toEqual({ ok: false, refusal: { code: 'not-approved' } });
  });

  it('takes no copy once the approval is packed', () => {
    expect(addSignedCopy(packed, [], incoming())).toEqual({ ok: false, refusal: { code: 'signed-locked' } });
  });
});

describe('signedCopyChangeRefusal', () => {
  it('locks the copies of the packed approval', () => {
    expect(signedCopyChangeRefusal(packed, copy('a1'))).toEqual({ code: 'signed-locked' });
  });

  it('leaves free a copy of an earlier approval, any copy before packing, and a copy whose draft is gone', () => {
    expect(signedCopyChangeRefusal(packed, copy('old', { approvalSha256: OTHER_SHA }))).toBeUndefined();
    expect(signedCopyChangeRefusal(approved, copy('a1'))).toBeUndefined();
    expect(signedCopyChangeRefusal(undefined, copy('a1'))).toBeUndefined();
  });

  it('frees the copies again once the packed letter is reopened (its package is no longer the current approval’s)', () => {
    expect(signedCopyChangeRefusal({ ...packed, status: 'draft' }, copy('a1'))).toBeUndefined();
  });
});

describe('moveSignedCopy', () => {
  const three = [copy('a', { position: 0 }), copy('b', { position: 1 }), copy('c', { position: 2 })];

  it('swaps a copy with its neighbour', () => {
    expect(moveSignedCopy(three, 'b', -1)).toEqual([{ id: 'b', position: 0 }, { id: 'a', position: 1 }]);
    expect(moveSignedCopy(three, 'b', 1)).toEqual([{ id: 'c', position: 1 }, { id: 'b', position: 2 }]);
  });

  it('moves nothing past either end', () => {
    expect(moveSignedCopy(three, 'a', -1)).toEqual([]);
    expect(moveSignedCopy(three, 'c', 1)).toEqual([]);
  });
});

describe('turnSignedCopy', () => {
  it('turns a quarter clockwise, round to upright', () => {
    expect(turnSignedCopy(copy('a'))).toEqual({ ok: true, rotation: 90 });
    expect(turnSignedCopy(copy('a', { rotation: 180 }))).toEqual({ ok: true, rotation: 270 });
    expect(turnSignedCopy(copy('a', { rotation: 270 }))).toEqual({ ok: true, rotation: 0 });
  });

  it('never turns a digitally signed PDF, naming it', () => {
    const signed = copy('p', { name: '签章页.pdf', type: 'application/pdf', pdfContent: { signature: true, images: false } });
    expect(turnSignedCopy(signed)).toEqual({ ok: false, refusal: { code: 'signed-pdf-rotation', name: '签章页.pdf' } });
    expect(turnSignedCopy({ ...signed, pdfContent: { signature: false, images: true } })).toEqual({ ok: true, rotation: 90 });
  });
});

describe('pack', () => {
  it('fixes the submission at the first packing, with the current copies in order', () => {
    const attachments = [copy('second', { position: 1 }), copy('earlier', { approvalSha256: OTHER_SHA, position: 0 }), copy('first', { position: 0 })];
    const first = pack(approved, packing({ attachments }));
    if (!first.ok) throw new Error('refused');
    const submission = { submissionId: UUID, approvalSha256: PDF_SHA, packedAt: T0 + 5 * MINUTE };
    expect(first.submission).toEqual(submission);
    expect(first.signed.map((a) => a.id)).toEqual(['first', 'second']);
    expect(first.document).toEqual(document());
    expect(first.draft).toEqual({ ...approved, submissions: [submission], updatedAt: T0 + 5 * MINUTE });
  });

  it('gives the same submission at every later packing, and nothing to write', () => {
    const again = pack(packed, packing({ submissionId: 'unused', at: T0 + 50 * MINUTE }));
    expect(again).toMatchObject({ ok: true, submission: packed.submissions![0] });
    expect(again).not.toHaveProperty('draft');
  });

  it("corrects the letter's own previous submission, unless told which one it corrects", () => {
    const earlier = { ...approved, submissions: [{ submissionId: 'sub-0', approvalSha256: OTHER_SHA, packedAt: T0 }] };
    expect(pack(earlier, packing())).toMatchObject({ ok: true, submission: { supersedes: 'sub-0' } });
    expect(pack(earlier, packing({ supersedes: 'sub-other' }))).toMatchObject({ ok: true, submission: { supersedes: 'sub-other' } });
    expect(pack(approved, packing())).not.toHaveProperty('submission.supersedes');
  });

  it.each([fresh, inReview, returned])('packs nothing for a letter that is $status', (draft) => {
    expect(pack(draft, packing())).toEqual({ ok: false, refusal: { code: 'not-approved' } });
  });

  it('packs nothing without a signed copy of this approval', () => {
    expect(pack(approved, packing({ attachments: [] }))).toEqual({ ok: false, refusal: { code: 'no-signed-copy' } });
    expect(pack(approved, packing({ attachments: [copy('old', { approvalSha256: OTHER_SHA })] }))).toEqual({ ok: false, refusal: { code: 'no-signed-copy' } });
  });

  it('packs nothing when the approved PDF is gone or damaged', () => {
    expect(pack(approved, packing({ document: undefined }))).toEqual({ ok: false, refusal: { code: 'pdf-damaged' } });
    expect(pack(byStatus.approved, packing({ document: document(new Uint8Array([0])) }))).toEqual({ ok: false, refusal: { code: 'pdf-damaged' } });
  });
});
