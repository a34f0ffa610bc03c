/**
 * 承诺编码 as the national 信用承诺 template has it: 20 digits, the receiving office's 6-digit
 * 行政区划代码, the 承诺作出日期 (YYYYMMDD: the letter's date) and a 6-digit serial, which the store
 * draws per prefix.
 */
export const COMMITMENT_SERIAL_DIGITS = 6;
const MAX_SERIAL = 10 ** COMMITMENT_SERIAL_DIGITS - 1;

/** The first 14 digits: region and the letter's date (YYYY-MM-DD). */
export function commitmentPrefix(regionCode: string, letterDate: string): string {
  const date = letterDate.replaceAll('-', '');
  if (!/^\d{6}$/.test(regionCode) || !/^\d{8}$/.test(date)) throw new RangeError(`commitmentPrefix: region ${regionCode} and date ${letterDate} must give 6 + 8 digits`);
  return regionCode + date;
}

export function commitmentCodeOf(prefix: string, serial: number): string {
  // A 1 000 000th letter from one office on one day cannot be numbered: refusing beats a colliding code.
  if (!(Number.isInteger(serial) && serial >= 1 && serial <= MAX_SERIAL)) throw new RangeError(`commitmentCodeOf: serial ${serial} is outside 1–${MAX_SERIAL}`);
  return prefix + String(serial).padStart(COMMITMENT_SERIAL_DIGITS, '0');
}
