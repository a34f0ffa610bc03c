import { FONT_ROLES, type FontRole } from './font-roles';

/** A face to draw with: the bytes of a font file (a collection holds several faces) and which face. */
export interface FontFace {
  /**
   * The name written into the PDF (a `PLEDGE+` subset tag before it). Absent for a file the
   * machine or the user supplied: the face's own PostScript name is read from it.
   */
  readonly postscriptName?: string;
  /** TrueType or OpenType, single or a collection (.ttc); WOFF is unpacked before it gets here. */
  readonly bytes: Uint8Array;
  /** The face's index in a collection; 0 for a single font. */
  readonly index: number;
}

/** Per role its faces, best first; each character is drawn by the first face that has it. */
export type FontChains = Readonly<Record<FontRole, readonly FontFace[]>>;

/**
 * The chain of each role: the installed (or picked) face, then the role's bundled face, and, for
 * headings, the bundled body face last, so a heading can draw whatever the body can (LXGW WenKai
 * lacks some rare characters Noto Serif SC has).
 */
export function fontChains(bundled: Readonly<Record<FontRole, FontFace>>, installed: Partial<Record<FontRole, FontFace | null>> = {}): FontChains {
  const chain = (role: FontRole): FontFace[] => {
    const faces = [installed[role], bundled[role], role === 'heading' || role === 'subheading' ? bundled.body : undefined];
    return faces.filter((face): face is FontFace => face !== undefined && face !== null);
  };
  return Object.fromEntries(FONT_ROLES.map((role) => [role, chain(role)])) as Record<FontRole, FontFace[]>;
}
