import type { FontRole } from '../fonts/font-roles';

/**
 * What layout needs to know of a role's faces: how wide a character is, whether any face can draw
 * it, and which face does. A role is a chain of faces (the installed official face first, the
 * bundled open fonts last), and each character comes from the first face that has it.
 */
export interface FontMetrics {
  /** Advance width of the character in em (1 = the font size), in the face that draws it. */
  advance(codePoint: number): number;
  hasGlyph(codePoint: number): boolean;
  /** The id of the face that draws the character; the chain's last face when none has it. */
  faceOf(codePoint: number): string;
}

export type FontMetricsSet = Readonly<Record<FontRole, FontMetrics>>;

/** Full-width (1 em) characters sit on the character grid; narrower ones (Latin, digits, dashes) are proportional. */
export const FULL_WIDTH_EM = 0.99;
