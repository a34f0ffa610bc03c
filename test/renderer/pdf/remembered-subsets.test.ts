import { describe, expect, it } from 'vitest';
import { loadNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import { rememberSubsets } from '../../../renderer/pdf/remembered-subsets';
import type { FontSubsetter } from '../../../core/pdf/harfbuzz-subsetter';

/** A subsetter that counts its calls and returns bytes naming what it was asked for. */
function counting(): FontSubsetter & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    subset(face, codePoints) {
      const asked = `${face}:${[...codePoints].join(',')}`;
      calls.push(asked);
      return new TextEncoder().encode(asked);
    },
  };
}

describe('remembered subsets (the preview worker)', () => {
  it('subsets a face and character set once, whatever the order and repeats of the characters', () => {
    const inner = counting();
    const remembered = rememberSubsets(inner);
    const first = remembered.subset('serif', [0x4e00, 0x4e8c, 0x4e00]);
    const again = remembered.subset('serif', [0x4e8c, 0x4e00]);
    expect(again).toEqual(first);
    expect(inner.calls).toEqual(['serif:19968,20108']);
  });

  it('tells faces and character sets apart', () => {
    const inner = counting();
    const remembered = rememberSubsets(inner);
    remembered.subset('serif', [0x4e00]);
    remembered.subset('sans', [0x4e00]);
    remembered.subset('serif', [0x4e00, 0x4e8c]);
    expect(inner.calls).toHaveLength(3);
  });

  it('forgets the least recently used set beyond its size', () => {
    const inner = counting();
    const remembered = rememberSubsets(inner, 2);
    remembered.subset('serif', [1]);
    remembered.subset('serif', [2]);
    remembered.subset('serif', [1]); // used again: now the newest
    remembered.subset('serif', [3]); // forgets [2]
    remembered.subset('serif', [1]);
    remembered.subset('serif', [2]);
    expect(inner.calls).toEqual(['serif:1', 'serif:2', 'serif:3', 'serif:2']);
  });

  it('hands out copies, so a caller that changes its bytes does not change the next render', () => {
    const remembered = rememberSubsets(counting());
    remembered.subset('serif', [1]).fill(0);
    expect(new TextDecoder().decode(remembered.subset('serif', [1]))).toBe('serif:1');
  });

  it('returns exactly the bytes HarfBuzz makes', async () => {
    const fonts = await loadNodeDocumentFonts();
    const remembered = rememberSubsets(fonts);
    const points = [...'诚信践诺'].map((c) => c.codePointAt(0)!);
    const body = fonts.metrics.body.faceOf(points[0]!);
    remembered.subset(body, points);
    expect(Buffer.compare(Buffer.from(remembered.subset(body, [...points].reverse())), Buffer.from(fonts.subset(body, points)))).toBe(0);
  });
});
