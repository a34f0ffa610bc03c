/* Dates on the clerk's own calendar and clock (the computer's time zone), for what the clerk reads as "today". */

const two = (n: number) => String(n).padStart(2, '0');

/** @example localIsoDate(new Date(2026, 3, 20, 8, 30)) // '2026-04-20' */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** For a file name: sorts by time and has no characters a file system refuses. @example localFileStamp(new Date(2026, 3, 20, 8, 30)) // '20260420-0830' */
export function localFileStamp(date: Date): string {
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`;
}
