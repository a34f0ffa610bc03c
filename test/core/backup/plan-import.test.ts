import { describe, expect, it } from 'vitest';
import type { BackupContents } from '../../../core/backup/backup-file';
import { CLOCK_SKEW_MS, planImport } from '../../../core/backup/plan-import';
import type { DraftRecord } from '../../../core/drafts/draft-record';

const draft = (id: string, updatedAt: number): DraftRecord => ({
  id,
  templateKey: 'duty',
  status: 'draft',
  createdAt: 1_700_000_000_000,
  updatedAt,
  summary: { kind: 'unit', name: `单位${id}`, year: 2026, itemCount: 1, errorCount: 0, warningCount: 0 },
  lastSnapshotAt: updatedAt,
});

const backupOf = (...drafts: DraftRecord[]): BackupContents => ({ drafts, letters: [], snapshots: [], documents: [], attachments: [], quarantine: [] });

/** The importing computer's clock, later than every time used below. */
const NOW = new Date(1_800_000_000_000);

describe('planImport', () => {
  it('sorts each incoming draft by what importing would do to it', () => {
    const local = [
      { id: 'same', updatedAt: 5_000 },
      { id: 'older-here', updatedAt: 4_000 },
      { id: 'newer-here', updatedAt: 9_000 },
      { id: 'only-here', updatedAt: 1_000 },
    ];
    const plan = planImport(local, backupOf(draft('same', 5_000), draft('older-here', 6_000), draft('newer-here', 8_000), draft('new', 3_000)), NOW);
    expect(plan.add.map((d) => d.id)).toEqual(['new']);
    expect(plan.newer.map((d) => d.id)).toEqual(['older-here']);
    expect(plan.conflicts).toEqual([{ incoming: draft('newer-here', 8_000), localUpdatedAt: 9_000, reason: 'changed-here' }]);
    expect(plan.unchanged.map((d) => d.id)).toEqual(['same']);
  });

  it('never puts a draft changed here later than the backup among the safe replacements', () => {
    for (let local = 0; local <= 10; local++) {
      const plan = planImport([{ id: 'x', updatedAt: local }], backupOf(draft('x', 5)), NOW);
      const replacedUnasked = [...plan.add, ...plan.newer].some((d) => d.id === 'x');
      expect(replacedUnasked).toBe(local < 5);
      expect(plan.conflicts.length).toBe(local > 5 ? 1 : 0);
    }
  });

  it('asks rather than replaces when the local time is unreadable', () => {
    const plan = planImport([{ id: 'x', updatedAt: Number.NaN }], backupOf(draft('x', 5)), NOW);
    expect(plan.conflicts.map((c) => c.incoming.id)).toEqual(['x']);
    expect(plan.newer).toEqual([]);
  });

  it('adds everything into an empty database and ignores drafts only kept here', () => {
    expect(planImport([], backupOf(draft('a', 1), draft('b', 2)), NOW).add.map((d) => d.id)).toEqual(['a', 'b']);
    expect(planImport([{ id: 'a', updatedAt: 1 }], backupOf(), NOW)).toEqual({ add: [], newer: [], conflicts: [], unchanged: [] });
  });

  it('asks before replacing with a draft saved later than this computer\'s clock, never counts it as newer', () => {
    const now = NOW.getTime();
    for (const future of [now + CLOCK_SKEW_MS + 1, now + 365 * 24 * 3_600_000, Date.UTC(2099, 11, 31)]) {
      const plan = planImport([{ id: 'x', updatedAt: now - 60_000 }], backupOf(draft('x', future)), NOW);
      expect(plan.newer).toEqual([]);
      expect(plan.conflicts).toEqual([{ incoming: draft('x', future), localUpdatedAt: now - 60_000, reason: 'future' }]);
    }
  });

  it('allows a few minutes of clock difference between the two computers', () => {
    const now = NOW.getTime();
    const plan = planImport([{ id: 'x', updatedAt: now - 60_000 }], backupOf(draft('x', now + CLOCK_SKEW_MS)), NOW);
    expect(plan.newer.map((d) => d.id)).toEqual(['x']);
    expect(CLOCK_SKEW_MS).toBe(5 * 60_000);
  });

  it('still adds a draft from the future that is not here, and leaves one saved at the same moment alone', () => {
    const future = NOW.getTime() + 24 * 3_600_000;
    expect(planImport([], backupOf(draft('x', future)), NOW).add.map((d) => d.id)).toEqual(['x']);
    expect(planImport([{ id: 'x', updatedAt: future }], backupOf(draft('x', future)), NOW).unchanged.map((d) => d.id)).toEqual(['x']);
  });
});
