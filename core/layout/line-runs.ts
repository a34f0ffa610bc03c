import type { FaceKey } from './font-metrics';
import type { TextRun } from './page-plan';
import { charAdvance, isGridChar, type TextStyle } from './text-measure';

/**
 * Splits a line into runs that can each be drawn with one text-state: full-width characters on
 * the grid (drawn with negative tracking when the cell is narrower than the type size) and
 * proportional stretches such as Latin words and numbers.
 */
export function lineRuns(text: string, x: number, y: number, face: FaceKey, style: TextStyle): TextRun[] {
  const runs: TextRun[] = [];
  let runText = '';
  let runX = x;
  let runGrid: boolean | null = null;
  let cursor = x;
  const flush = () => {
    if (runText === '') return;
    runs.push({ text: runText, x: runX, y, face, size: style.size, tracking: runGrid ? style.gridAdvance - style.size : 0 });
    runText = '';
  };
  for (const char of text) {
    const grid = isGridChar(style, char.codePointAt(0) ?? 0);
    if (grid !== runGrid) {
      flush();
      runGrid = grid;
      runX = cursor;
    }
    runText += char;
    cursor += charAdvance(style, char);
  }
  flush();
  return runs;
}
