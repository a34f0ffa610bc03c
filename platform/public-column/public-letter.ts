import { publicLetter, type PublicLetter } from '../../core/publication/public-letter';

// What the column shows of a letter is what any public page may show: core/publication/public-letter.ts.
export type { PublicLetter };

/** Parses the `letter.json` of a package the platform accepted; throws on one it cannot read, which no accepted package is. */
export function parsePublicLetter(bytes: Uint8Array): PublicLetter {
  return publicLetter(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
}
