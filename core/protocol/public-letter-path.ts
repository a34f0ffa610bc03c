/**
 * The stable addresses of the platform's public column (政务承诺专栏), for what links to a published
 * letter from outside the platform: the QR code on a service card, the poster in the service hall,
 * the unit's own site. A unit can print them before its letter is delivered, since they name only
 * the year and the unit, and they survive corrections: the address shows the latest published
 * letter of the unit's correction chain. The platform's routes are in
 * core/protocol/reference-protocol.ts's header.
 */
export const PUBLIC_COLUMN_PATH = '/public';

/**
 * A unit's letter of one year on the public column, relative to the platform's address.
 *
 * @example publicLetterPath(2026, '122399214012770352') // '/public/2026/122399214012770352'
 */
export function publicLetterPath(year: number, creditCode: string): string {
  return `${PUBLIC_COLUMN_PATH}/${year}/${encodeURIComponent(creditCode)}`;
}

/**
 * A civil servant's own letter, one address per submission, named by the 承诺编码 the platform gave it.
 *
 * @example personalLetterPath('23012120260420000001') // '/public/letters/23012120260420000001'
 */
export function personalLetterPath(commitmentCode: string): string {
  return `${PUBLIC_COLUMN_PATH}/letters/${encodeURIComponent(commitmentCode)}`;
}

/**
 * The full address of a unit's public letter on a platform that may sit under a path of its own.
 *
 * @example publicLetterUrl('https://credit.example.gov.cn/pledge/', 2026, '122399214012770352') // 'https://credit.example.gov.cn/pledge/public/2026/122399214012770352'
 */
export function publicLetterUrl(platformAddress: string, year: number, creditCode: string): string {
  return `${platformAddress.replace(/\/+$/, '')}${publicLetterPath(year, creditCode)}`;
}
