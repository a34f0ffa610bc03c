/**
 * Sizes for people, in the unit that reads best.
 *
 * @example formatSize(2 * 1024 ** 3) // '2 GB'
 */
export function formatSize(bytes: number): string {
  const units = ['字节', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`;
}

/**
 * A size in megabytes with one decimal, as the signed-copy limits are written (20.0 MB), so a
 * file just over the limit does not read as the limit itself.
 *
 * @example megabytes(1572864) // '1.5 MB'
 */
export function megabytes(size: number): string {
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
