import type { FontSubsetter } from '../../core/pdf/harfbuzz-subsetter';

/**
 * Subsets asked for lately, by face and character set: the preview renders the letter again after
 * every pause in typing, and most edits bring no new character, so the subset is the one before.
 * Only the preview's worker remembers; the command line and the benchmark's render figures subset
 * afresh every time.
 */
export const REMEMBERED_SUBSETS = 6;

export function rememberSubsets(subsetter: FontSubsetter, size = REMEMBERED_SUBSETS): FontSubsetter {
  const remembered = new Map<string, Uint8Array>();
  return {
    subset(face, codePoints) {
      const points = [...new Set(codePoints)].sort((a, b) => a - b);
      const key = `${face}:${points.join(',')}`;
      let bytes = remembered.get(key);
      if (bytes) remembered.delete(key); // set again below, as the newest
      else bytes = subsetter.subset(face, points);
      remembered.set(key, bytes);
      for (const oldest of remembered.keys()) {
        if (remembered.size <= size) break;
        remembered.delete(oldest);
      }
      // A copy: whatever embeds it cannot change what the next render gets.
      return bytes.slice();
    },
  };
}
