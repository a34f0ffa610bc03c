import { MM, PAGE } from '../layout/page-geometry';

/** A card's box on the sheet, in points from the page's bottom left. */
export interface CardBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface CropMark {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The business-card size (90 × 54 mm) that card holders and cutters in every print shop take. */
export const CARD = { width: 90 * MM, height: 54 * MM } as const;

/** Ten to an A4 portrait sheet, two across and five down, touching: one cut serves two cards. */
export const SHEET = { columns: 2, rows: 5, perSheet: 10 } as const;

/** The block of cards centred on the sheet: 15 mm at each side, 13.5 mm at the head and the foot. */
const LEFT = (PAGE.width - SHEET.columns * CARD.width) / 2;
const BOTTOM = (PAGE.height - SHEET.rows * CARD.height) / 2;

/**
 * Crop marks stand 2 mm off the cut so a slightly missed cut does not show them on a card, and
 * stop 5 mm in from the paper's edge, which most office printers cannot print.
 */
export const MARK = { offset: 2 * MM, length: 4.5 * MM, thickness: 0.3 } as const;

/**
 * Where the card `index` (0-based, in reading order: left to right, top to bottom) of a sheet is.
 *
 * @example cardBox(0) // the top-left card: { x: 42.52, y: 651.97, width: 255.12, height: 153.07 }
 */
export function cardBox(index: number): CardBox {
  const column = index % SHEET.columns;
  const row = Math.floor(index / SHEET.columns) % SHEET.rows;
  return { x: LEFT + column * CARD.width, y: BOTTOM + (SHEET.rows - 1 - row) * CARD.height, width: CARD.width, height: CARD.height };
}

/**
 * The crop marks of a full sheet: at each vertical cut, one in the head margin and one in the
 * foot margin; at each horizontal cut, one in each side margin. None reaches a card. A sheet with
 * fewer cards keeps every mark, so each sheet of a run is cut the same way.
 */
export function cropMarks(): CropMark[] {
  const marks: CropMark[] = [];
  const top = BOTTOM + SHEET.rows * CARD.height;
  const right = LEFT + SHEET.columns * CARD.width;
  for (let column = 0; column <= SHEET.columns; column += 1) {
    const x = LEFT + column * CARD.width;
    marks.push({ x1: x, y1: top + MARK.offset, x2: x, y2: top + MARK.offset + MARK.length });
    marks.push({ x1: x, y1: BOTTOM - MARK.offset, x2: x, y2: BOTTOM - MARK.offset - MARK.length });
  }
  for (let row = 0; row <= SHEET.rows; row += 1) {
    const y = BOTTOM + row * CARD.height;
    marks.push({ x1: LEFT - MARK.offset, y1: y, x2: LEFT - MARK.offset - MARK.length, y2: y });
    marks.push({ x1: right + MARK.offset, y1: y, x2: right + MARK.offset + MARK.length, y2: y });
  }
  return marks;
}
