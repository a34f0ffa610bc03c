import { describe, expect, it } from 'vitest';
import { breakParagraph } from '../../../core/layout/break-lines';
import { layoutLetter } from '../../../core/layout/layout-letter';
import { lineRuns } from '../../../core/layout/line-runs';
import { GRID, SIZE, TYPE_AREA } from '../../../core/layout/page-geometry';
import type { TextRun } from '../../../core/layout/page-plan';
import type { TextStyle } from '../../../core/layout/text-measure';
import { letterFromTemplate } from '../../../core/letter/templates';
import { syntheticFonts, syntheticMetrics } from './synthetic-metrics';

const body: TextStyle = { metrics: syntheticMetrics, size: SIZE.body, gridAdvance: GRID.cell };
const full = (cp: number) => syntheticMetrics.advance(cp) >= 0.99;

/** Each character's left edge and where the last one's cell ends, from the runs alone. */
function positions(runs: readonly TextRun[]): { lefts: number[]; right: number } {
  const lefts: number[] = [];
  let right = 0;
  for (const run of runs) {
    let x = run.x;
    for (const char of run.text) {
      const isFull = full(char.codePointAt(0) ?? 0);
      lefts.push(x);
      right = x + (isFull ? GRID.cell : run.size / 2);
      // Tracking is added after every character of a run.
      x += (isFull ? run.size : run.size / 2) + run.tracking;
    }
  }
  return { lefts, right };
}

describe('justified lines', () => {
  it('marks every line but a paragraph’s last, and one ended by a typed line break, to be set full', () => {
    const lines = breakParagraph(`${'政'.repeat(40)}\n${'务'.repeat(30)}`, body, { width: TYPE_AREA.width, firstIndent: 0, indent: 0 });
    expect(lines.map((l) => [l.text.length, l.justify])).toEqual([
      [28, true],
      [12, false],
      [28, true],
      [2, false],
    ]);
  });

  it('spreads the slack evenly over the gaps beside full-width characters, never inside a number', () => {
    const text = '联系电话0458-6123401监督';
    const runs = lineRuns(text, 100, 0, body, { width: 300, justify: true });
    expect(positions(lineRuns(text, 100, 0, body, { width: 300, justify: false })).right).toBeLessThan(390);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    const { lefts, right } = positions(runs);
    expect(right).toBeCloseTo(400, 6);
    const gaps = lefts.slice(1).map((x, i) => x - (lefts[i] ?? 0));
    const natural = [...text].map((c) => (full(c.codePointAt(0) ?? 0) ? GRID.cell : SIZE.body / 2));
    const extra = gaps.map((g, i) => g - (natural[i] ?? 0));
    const digits = [...text].map((c) => /[\d-]/.test(c));
    const stretched = extra.filter((_, i) => !(digits[i] && digits[i + 1]));
    const inside = extra.filter((_, i) => digits[i] && digits[i + 1]);
    expect(inside.every((e) => Math.abs(e) < 1e-6)).toBe(true);
    for (const e of stretched) expect(e).toBeCloseTo(stretched[0] ?? 0, 6);
    expect(stretched[0]).toBeGreaterThan(1);
  });

  it('closes up punctuation pairs, at most half a cell each, when the line is too long', () => {
    const text = `${'政'.repeat(12)}。（${'务'.repeat(12)}）。${'民'}`;
    expect([...text]).toHaveLength(29);
    // 29 characters in 28 cells: `。（` and `）。` close up by half a cell each.
    const broken = breakParagraph(`${text}再续`, body, { width: TYPE_AREA.width, firstIndent: 0, indent: 0 });
    expect(broken.map((l) => l.text)).toEqual([text, '再续']);
    const runs = lineRuns(text, TYPE_AREA.left, 0, body, { width: TYPE_AREA.width, justify: true });
    expect(positions(runs).right).toBeCloseTo(TYPE_AREA.right, 6);
    // A paragraph's last line is not stretched, but one too long still closes up to fit.
    expect(positions(lineRuns(text, TYPE_AREA.left, 0, body, { width: TYPE_AREA.width, justify: false })).right).toBeCloseTo(TYPE_AREA.right, 6);
    const { lefts } = positions(runs);
    const closed = lefts.slice(1).map((x, i) => GRID.cell - (x - (lefts[i] ?? 0))).filter((d) => d > 1e-6);
    expect(closed).toHaveLength(2);
    for (const d of closed) expect(d).toBeCloseTo(GRID.cell / 2, 6);
  });

  it('sets continued body lines full to the right edge and leaves last lines and the 28-character grid alone', () => {
    const plan = layoutLetter(letterFromTemplate('key-task', { year: 2026 }), syntheticFonts);
    const lines = plan.pages.flatMap((p) => p.lines).filter((l) => l.role === 'body' || l.role === 'item');
    const rights = lines.map((l) => positions(l.runs).right);
    const fullLines = rights.filter((r) => Math.abs(r - TYPE_AREA.right) < 1e-3);
    expect(fullLines.length).toBeGreaterThan(lines.length / 2);
    const onGrid = lines.filter((l) => [...l.text].length === 28 && /^[\u4e00-\u9fff，。、；：]+$/.test(l.text));
    for (const line of onGrid) expect(line.runs).toHaveLength(1);
  });
});
