import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The code printed in the footer of every page of a batch's print file, so a signed scan can be
 * split back to its letters. It is short ASCII in the QR alphanumeric set (digits, capitals, `-`),
 * which keeps the symbol at version 1 (21 modules) for every letter of up to 999 letters and 99
 * pages, and it carries a version so a later layout can change it without misreading old prints:
 *
 * - a letter's page: `PD1-<batch key>-<letter no.>-<page>-<pages>`, e.g. `PD1-7K2QMX-12-1-2`;
 * - a cover page: `PD1-<batch key>-C-<page>-<pages>`;
 * - a blank page inserted so the next letter starts on an odd page: `PD1-<batch key>-B-<letter no.
 *   it follows, 0 for the cover>`.
 */
export type PageCode =
  | { readonly kind: 'letter'; readonly batchKey: string; readonly letterNo: number; readonly page: number; readonly pages: number }
  | { readonly kind: 'cover'; readonly batchKey: string; readonly page: number; readonly pages: number }
  | { readonly kind: 'blank'; readonly batchKey: string; readonly after: number };

const VERSION = 'PD1';
/** Crockford's base 32: no I, L, O or U, so a person reading the printed code cannot mix them up. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BATCH_KEY_LENGTH = 6;

/**
 * The batch's six-character key: 30 bits of the SHA-256 of its id. Two batches of one office
 * sharing a key is a one-in-a-billion chance; the key only tells a page of another batch apart.
 *
 * @example batchKeyOf('b6f1c2b9-4d3a-4f7e-9b21-5a8c0d7e6f12') // six characters of 0-9 and A-Z
 */
export function batchKeyOf(batchId: string): string {
  const hash = sha256(utf8ToBytes(batchId));
  let bits = 0;
  for (let i = 0; i < 4; i += 1) bits = bits * 256 + (hash[i] ?? 0);
  let key = '';
  for (let i = 0; i < BATCH_KEY_LENGTH; i += 1) {
    key += ALPHABET[bits % 32];
    bits = Math.floor(bits / 32);
  }
  return key;
}

export function encodePageCode(code: PageCode): string {
  switch (code.kind) {
    case 'letter':
      return `${VERSION}-${code.batchKey}-${code.letterNo}-${code.page}-${code.pages}`;
    case 'cover':
      return `${VERSION}-${code.batchKey}-C-${code.page}-${code.pages}`;
    case 'blank':
      return `${VERSION}-${code.batchKey}-B-${code.after}`;
  }
}

const NUMBER = '([1-9]\\d{0,3})';
const KEY = `([${ALPHABET}]{${BATCH_KEY_LENGTH}})`;
const LETTER = new RegExp(`^${VERSION}-${KEY}-${NUMBER}-${NUMBER}-${NUMBER}$`);
const COVER = new RegExp(`^${VERSION}-${KEY}-C-${NUMBER}-${NUMBER}$`);
const BLANK = new RegExp(`^${VERSION}-${KEY}-B-(0|[1-9]\\d{0,3})$`);

/**
 * The page code a text states, or undefined for anything that is not exactly one: another
 * version, another QR code on the page (a scanner's own, a payment code), a page number past its
 * letter's page count.
 *
 * @example parsePageCode('PD1-7K2QMX-12-1-2') // { kind: 'letter', batchKey: '7K2QMX', letterNo: 12, page: 1, pages: 2 }
 */
export function parsePageCode(text: string): PageCode | undefined {
  const letter = LETTER.exec(text);
  if (letter) {
    const [, batchKey = '', letterNo, page, pages] = letter;
    const code = { kind: 'letter', batchKey, letterNo: Number(letterNo), page: Number(page), pages: Number(pages) } as const;
    return code.page <= code.pages ? code : undefined;
  }
  const cover = COVER.exec(text);
  if (cover) {
    const [, batchKey = '', page, pages] = cover;
    return Number(page) <= Number(pages) ? { kind: 'cover', batchKey, page: Number(page), pages: Number(pages) } : undefined;
  }
  const blank = BLANK.exec(text);
  if (blank) return { kind: 'blank', batchKey: blank[1] ?? '', after: Number(blank[2]) };
  return undefined;
}
