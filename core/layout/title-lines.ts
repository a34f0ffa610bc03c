import { CLOSING, OPENING } from './break-lines';
import { charAdvance, isGridChar, type TextStyle } from './text-measure';

/**
 * Breaks a title where its meaning does: right after the unit's (or person's) name when the name
 * and the rest each take their own lines, never inside the name, a number, a Latin word or a year
 * such as `2026年度`, and otherwise into lines of about equal length rather than a full line and
 * a stub. A name too long for one line is itself set on balanced lines before the rest.
 *
 * @example titleLines('青山县临江镇人民政府2026年度政务诚信承诺书', '青山县临江镇人民政府', title, 442.2)
 * // ['青山县临江镇人民政府', '2026年度政务诚信承诺书']
 */
export function titleLines(text: string, name: string, style: TextStyle, width: number): string[] {
  const chars = [...text];
  const advances = chars.map((char) => charAdvance(style, char));
  const total = advances.reduce((sum, w) => sum + w, 0);
  if (total <= width + 0.01 || chars.length < 2) return [text];

  const nameAt = name === '' ? -1 : text.indexOf(name);
  const nameStart = nameAt < 0 ? -1 : [...text.slice(0, nameAt)].length;
  const nameEnd = nameStart < 0 ? -1 : nameStart + [...name].length;
  const nameFits = nameStart >= 0 && sum(advances, nameStart, nameEnd) <= width + 0.01;
  let allowed = breakPositions(chars, style, nameFits ? [[nameStart, nameEnd]] : []);
  let fewest = minimumLines(advances, allowed, width);
  // A word wider than the line (a long Latin string) may break anywhere rather than overflow.
  if (!Number.isFinite(fewest)) {
    allowed = new Set(chars.map((_, k) => k).filter((k) => k > 0));
    fewest = minimumLines(advances, allowed, width);
  }
  const lines = (from: number, to: number, count: number) => balanced(advances, allowed, from, to, count, width);

  // The name first, on lines of its own, when that costs no more lines than it must.
  if (nameStart === 0 && nameEnd < chars.length && allowed.has(nameEnd)) {
    const nameLines = minimumLines(advances.slice(0, nameEnd), new Set([...allowed].filter((p) => p < nameEnd)), width);
    const restAllowed = new Set([...allowed].filter((p) => p > nameEnd).map((p) => p - nameEnd));
    const restLines = minimumLines(advances.slice(nameEnd), restAllowed, width);
    if (nameLines + restLines <= fewest + (nameFits ? 0 : 1)) {
      const head = lines(0, nameEnd, nameLines);
      const tail = lines(nameEnd, chars.length, restLines);
      if (head && tail) return [...head, ...tail].map(([from, to]) => chars.slice(from, to).join(''));
    }
  }
  const best = lines(0, chars.length, fewest);
  return best ? best.map(([from, to]) => chars.slice(from, to).join('')) : [text];
}

function sum(advances: readonly number[], from: number, to: number): number {
  let width = 0;
  for (let i = from; i < to; i += 1) width += advances[i] ?? 0;
  return width;
}

/** Positions (before character k) where a title may break. */
function breakPositions(chars: readonly string[], style: TextStyle, kept: ReadonlyArray<readonly [number, number]>): Set<number> {
  const text = chars.join('');
  const whole: Array<readonly [number, number]> = [...kept];
  // Numbers and Latin words, with a year's 年 or 年度 after them, stay in one piece.
  for (const match of text.matchAll(/[0-9A-Za-z]+(?:年度|年)?/g)) {
    const from = [...text.slice(0, match.index)].length;
    whole.push([from, from + [...match[0]].length]);
  }
  const grid = (char: string | undefined) => isGridChar(style, (char ?? '').codePointAt(0) ?? 0);
  const allowed = new Set<number>();
  for (let k = 1; k < chars.length; k += 1) {
    const before = chars[k - 1] ?? '';
    const after = chars[k] ?? '';
    if (CLOSING.has(after) || OPENING.has(before)) continue;
    if (!grid(before) && !grid(after)) continue;
    if (whole.some(([from, to]) => k > from && k < to)) continue;
    allowed.add(k);
  }
  return allowed;
}

/** The fewest lines `advances` can be set on, breaking only at `allowed` (greedy is optimal for that). */
function minimumLines(advances: readonly number[], allowed: ReadonlySet<number>, width: number): number {
  let count = 0;
  let start = 0;
  while (start < advances.length) {
    let end = -1;
    for (let k = start + 1; k <= advances.length; k += 1) {
      if (k < advances.length && !allowed.has(k)) continue;
      if (sum(advances, start, k) > width + 0.01) break;
      end = k;
    }
    if (end < 0) return Number.POSITIVE_INFINITY;
    count += 1;
    start = end;
  }
  return count;
}

/**
 * `count` lines from `from` to `to` whose widths are as even as the breaks allow (least sum of
 * squared widths), each within `width`; `null` when there are none.
 */
function balanced(advances: readonly number[], allowed: ReadonlySet<number>, from: number, to: number, count: number, width: number): Array<[number, number]> | null {
  const points = [from, ...[...allowed].filter((p) => p > from && p < to).sort((a, b) => a - b), to];
  const n = points.length;
  // cost[k][j]: best cost of setting points[0]..points[j] on k lines; prev for the way back.
  const cost: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n).fill(Number.POSITIVE_INFINITY));
  const prev: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n).fill(-1));
  (cost[0] as number[])[0] = 0;
  for (let k = 1; k <= count; k += 1) {
    for (let j = 1; j < n; j += 1) {
      for (let i = 0; i < j; i += 1) {
        const before = cost[k - 1]?.[i] ?? Number.POSITIVE_INFINITY;
        if (!Number.isFinite(before)) continue;
        const w = sum(advances, points[i] ?? 0, points[j] ?? 0);
        if (w > width + 0.01) continue;
        const c = before + w * w;
        if (c < (cost[k]?.[j] ?? Number.POSITIVE_INFINITY)) {
          (cost[k] as number[])[j] = c;
          (prev[k] as number[])[j] = i;
        }
      }
    }
  }
  if (!Number.isFinite(cost[count]?.[n - 1] ?? Number.POSITIVE_INFINITY)) return null;
  const lines: Array<[number, number]> = [];
  for (let k = count, j = n - 1; k > 0; k -= 1) {
    const i = prev[k]?.[j] ?? 0;
    lines.unshift([points[i] ?? 0, points[j] ?? 0]);
    j = i;
  }
  return lines;
}
