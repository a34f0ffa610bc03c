import { create as createQrCode } from 'qrcode/lib/core/qrcode.js';
import { round } from './text-document';

/** ISO/IEC 18004 asks for four light modules around the symbol; readers fail more often with less. */
export const QR_QUIET_MODULES = 4;

export interface QrPlacement {
  /** The symbol's bottom-left corner (inside its quiet zone), in points. */
  readonly x: number;
  readonly y: number;
  /** The side of one module, in points. */
  readonly module: number;
}

export interface QrSymbol {
  /** Content-stream operators filling the dark modules in the current colour: `re` rectangles, then `f`. */
  readonly ops: readonly string[];
  /** The side of the symbol without its quiet zone, in points. */
  readonly side: number;
  /** The width of the quiet zone the caller must keep clear on each side, in points. */
  readonly quiet: number;
}

/** How many modules a side of the symbol of `text` has (level M, as every symbol of ours). */
export function qrModuleCount(text: string): number {
  return createQrCode(text, { errorCorrectionLevel: 'M' }).modules.size;
}

/**
 * The QR symbol of `text` as vector rectangles, one per horizontal run of dark modules (no raster
 * image: it prints sharp at any resolution, keeps the file small, and a third of the operators of
 * one square per module). The caller sets the colour and keeps the quiet zone clear.
 *
 * @example const { ops, side } = qrSymbolOps('https://credit.example.gov.cn/p/1', { x: 40, y: 40, module: 1.2 });
 */
export function qrSymbolOps(text: string, at: QrPlacement): QrSymbol {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const ops: string[] = [];
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (!modules.data[row * size + col]) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && modules.data[row * size + col]) col += 1;
      const y = at.y + (size - 1 - row) * at.module;
      ops.push(`${round(at.x + start * at.module)} ${round(y)} ${round((col - start) * at.module)} ${round(at.module)} re`);
    }
  }
  ops.push('f');
  return { ops, side: size * at.module, quiet: QR_QUIET_MODULES * at.module };
}
