/** The faces a letter uses: 宋 look for body and title, 黑 look for headings. */
export type FaceKey = 'serif' | 'serif-bold' | 'sans';

export const FACE_KEYS: readonly FaceKey[] = ['serif', 'serif-bold', 'sans'];

/** What layout needs to know of a font: how wide a character is and whether it has a glyph. */
export interface FontMetrics {
  /** Advance width of the character in em (1 = the font size). */
  advance(codePoint: number): number;
  hasGlyph(codePoint: number): boolean;
}

export type FontMetricsSet = Readonly<Record<FaceKey, FontMetrics>>;

/** Full-width (1 em) characters sit on the character grid; narrower ones (Latin, digits, dashes) are proportional. */
export const FULL_WIDTH_EM = 0.99;
