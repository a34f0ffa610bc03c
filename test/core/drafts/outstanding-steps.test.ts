import { describe, expect, it } from 'vitest';
import type { DraftStatus, LetterSummary } from '../../../core/drafts/draft-record';
import { outstandingSteps } from '../../../core/drafts/outstanding-steps';

const summary = (errorCount: number): LetterSummary => ({ kind: 'unit', name: '青山县政务服务中心', year: 2026, itemCount: 4, errorCount, warningCount: 0 });
const draft = (status: DraftStatus, errorCount = 0) => ({ status, summary: summary(errorCount) });

describe('outstandingSteps', () => {
  it('asks a clean draft to be submitted and signed', () => {
    expect(outstandingSteps(draft('draft'), 0)).toEqual(['submit-for-review', 'attach-signed-copy']);
  });

  it('asks for fixes first when the letter has errors', () => {
    expect(outstandingSteps(draft('draft', 3), 0)).toEqual(['fix-problems', 'submit-for-review', 'attach-signed-copy']);
    expect(outstandingSteps(draft('returned', 1), 0)).toEqual(['fix-problems', 'address-comments', 'attach-signed-copy']);
  });

  it('waits while the letter is in review', () => {
    expect(outstandingSteps(draft('in-review'), 0)).toEqual(['await-review', 'attach-signed-copy']);
  });

  it('asks for the comments to be addressed when returned', () => {
    expect(outstandingSteps(draft('returned'), 0)).toEqual(['address-comments', 'attach-signed-copy']);
  });

  it('asks only for the signed copy once approved', () => {
    expect(outstandingSteps(draft('approved'), 0)).toEqual(['attach-signed-copy']);
  });

  it('is empty once approved and the signed copy is attached', () => {
    expect(outstandingSteps(draft('approved'), 1)).toEqual([]);
    expect(outstandingSteps(draft('approved'), 5)).toEqual([]);
  });

  it('does not count an attachment as approval', () => {
    expect(outstandingSteps(draft('draft'), 2)).toEqual(['submit-for-review']);
    expect(outstandingSteps(draft('in-review'), 1)).toEqual(['await-review']);
  });

  it('warnings alone do not block', () => {
    expect(outstandingSteps({ status: 'approved', summary: { ...summary(0), warningCount: 4 } }, 1)).toEqual([]);
  });
});
