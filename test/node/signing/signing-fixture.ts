import { PNG } from 'pngjs';

/** A solid-coloured PNG with a transparent border, standing in for a scanned signature or seal. */
export function testImage(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const inside = x > 2 && y > 2 && x < width - 3 && y < height - 3;
      png.data[i] = rgb[0];
      png.data[i + 1] = rgb[1];
      png.data[i + 2] = rgb[2];
      png.data[i + 3] = inside ? 255 : 0;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}
