import { describe, expect, it } from 'vitest';
import { pageImageFromRgba } from '../../../core/batch-print/read-page-code';

describe('pageImageFromRgba', () => {
  it('takes the luma of each pixel, laid on white by its alpha', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128, 0, 255, 0, 255]);
    const image = pageImageFromRgba(rgba, 3, 2);
    expect([image.width, image.height]).toEqual([3, 2]);
    expect([...image.luminance]).toEqual([0, 255, 76, 255, 127, 150]);
  });
});
