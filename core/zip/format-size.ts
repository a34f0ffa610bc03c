/**
 * Sizes for people.
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
