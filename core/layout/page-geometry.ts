/**
 * GB/T 9704-2012 page geometry in PDF points (1 pt = 1/72 in), origin at the bottom left.
 * A4 with margins top 37 mm, left (binding) 28 mm, right 26 mm, bottom 35 mm: a type area of
 * 156 × 225 mm holding 22 lines of 28 characters of 3号 (16 pt) type.
 */

export const MM = 72 / 25.4;

export const PAGE = { width: 210 * MM, height: 297 * MM } as const;

export const TYPE_AREA = {
  left: 28 * MM,
  right: (210 - 26) * MM,
  top: (297 - 37) * MM,
  bottom: 35 * MM,
  width: 156 * MM,
  height: 225 * MM,
} as const;

export const GRID = {
  linesPerPage: 22,
  charsPerLine: 28,
  /** Horizontal advance of one full-width character. */
  cell: (156 * MM) / 28,
  /** Baseline-to-baseline distance. */
  pitch: (225 * MM) / 22,
} as const;

/** 号 sizes used by the standard. */
export const SIZE = { title: 22, body: 16, pageNumber: 14 } as const;

/** Page numbers sit 7 mm below the type area. */
export const PAGE_NUMBER_GAP = 7 * MM;

/**
 * Baseline of grid line `index` (0 = first line), with the ideographic em box centred in the line.
 * CJK faces put the em box from −0.12 em to 0.88 em around the baseline, hence the 0.38.
 */
export function baselineOf(index: number, size: number): number {
  return TYPE_AREA.top - index * GRID.pitch - GRID.pitch / 2 - 0.38 * size;
}
