import { FONT_ROLES, OFFICIAL_FAMILIES, type FontRole } from './font-roles';

/** What choosing needs to know of an installed face: where it lies and every family name its name table gives. */
export interface FaceCandidate {
  readonly path: string;
  /** The face's index in a collection, 0 for a single font. */
  readonly index: number;
  /** Legacy and typographic family names (nameID 1 and 16) in every language the font carries. */
  readonly families: readonly string[];
}

/** Family names compare as the system's font lists show them: letter case and stray spaces never make two faces. */
export function normaliseFamily(family: string): string {
  return family.trim().toLowerCase();
}

/** How good a face is for a role: the position of its best family in the role's list, or undefined when it is none of them. */
function rankFor(role: FontRole, face: FaceCandidate): number | undefined {
  const names = new Set(face.families.map(normaliseFamily));
  const rank = OFFICIAL_FAMILIES[role].findIndex((family) => names.has(normaliseFamily(family)));
  return rank === -1 ? undefined : rank;
}

/**
 * The best installed face per role, by the role's official families, best first. Two files with
 * an equally good family (a font copied to the user's folder as well) are decided by path, then
 * index, so the same machine always gives the same choice, and so the same PDF bytes.
 */
export function chooseOfficialFaces<Face extends FaceCandidate>(faces: readonly Face[]): Record<FontRole, Face | null> {
  const chosen = {} as Record<FontRole, Face | null>;
  for (const role of FONT_ROLES) {
    let best: { face: Face; rank: number } | undefined;
    for (const face of faces) {
      const rank = rankFor(role, face);
      if (rank === undefined) continue;
      if (!best || rank < best.rank || (rank === best.rank && compareFaces(face, best.face) < 0)) best = { face, rank };
    }
    chosen[role] = best?.face ?? null;
  }
  return chosen;
}

function compareFaces(a: FaceCandidate, b: FaceCandidate): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.index - b.index;
}

const HAN = /\p{Script=Han}/u;

/** The family to show a person: a Chinese one where the font has one (仿宋_GB2312 rather than FangSong_GB2312), else the first. */
export function displayFamily(families: readonly string[]): string {
  return families.find((family) => HAN.test(family)) ?? families[0] ?? '';
}
