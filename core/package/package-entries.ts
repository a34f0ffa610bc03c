import type { AttachmentType } from '../drafts/draft-record';
import { t } from '../i18n/translate';
import { CREDIT_RECORD_ENTRY, LETTER_JSON_ENTRY, LETTER_PDF_ENTRY, PACKAGE_MANIFEST, type FileRole } from './package-format';

/** The extension a signed copy of each type is named with, and the type each extension promises. */
export const SIGNED_EXTENSIONS: Readonly<Record<AttachmentType, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'application/pdf': 'pdf' };
const SIGNED_TYPES = new Map(Object.entries(SIGNED_EXTENSIONS).map(([type, extension]) => [extension, type as AttachmentType]));

/** `signed/<n>.<png|jpg|pdf>`, numbered from 1 without leading zeros. */
const SIGNED_NAME = /^signed\/([1-9][0-9]*)\.(png|jpg|pdf)$/;

/** The name of the `n`th signed copy (from 1) of a type. @example signedCopyName(1, 'image/png') // 'signed/1.png' */
export function signedCopyName(n: number, type: AttachmentType): string {
  return `signed/${n}.${SIGNED_EXTENSIONS[type]}`;
}

/** The role an entry's name gives it, or `undefined` for a name no package has. */
export function roleOfEntry(name: string): FileRole | 'manifest' | undefined {
  if (name === PACKAGE_MANIFEST) return 'manifest';
  if (name === LETTER_JSON_ENTRY) return 'letter-json';
  if (name === LETTER_PDF_ENTRY) return 'letter-pdf';
  if (name === CREDIT_RECORD_ENTRY) return 'credit-record';
  return SIGNED_NAME.test(name) ? 'signed-copy' : undefined;
}

/** The type a signed copy's name promises. @example signedCopyType('signed/2.jpg') // 'image/jpeg' */
export function signedCopyType(name: string): AttachmentType | undefined {
  const match = SIGNED_NAME.exec(name);
  return match ? SIGNED_TYPES.get(match[2]!) : undefined;
}

/**
 * Checks the names in a package before anything is inflated: exactly `manifest.json`,
 * `letter.json`, `letter.pdf`, `credit-record.json` and `signed/1…n` (n ≥ 1, consecutive), in
 * ASCII, with nothing Windows or macOS would take for another name (case, NFC/NFD) or could not
 * store (`:`, a trailing dot or space). Returns the reason in Chinese, or `null` when they are fine.
 *
 * @example checkEntryNames(['manifest.json', 'letter.json', 'letter.pdf', 'credit-record.json', 'signed/1.png']) // null
 */
export function checkEntryNames(names: readonly string[]): string | null {
  const folded = new Map<string, string>();
  for (const name of names) {
    if (!/^[\x20-\x7e]+$/.test(name)) return t('package.error.nonAsciiName', { name });
    const key = name.normalize('NFD').toLowerCase().normalize('NFC');
    const other = folded.get(key);
    if (other !== undefined) return t('package.error.nameCollision', { name, other });
    folded.set(key, name);
    if (name.includes(':') || name.split('/').some((segment) => /[. ]$/.test(segment))) return t('package.error.unportableName', { name });
    if (roleOfEntry(name) === undefined) return t('package.error.unexpectedEntry', { name });
  }
  for (const required of [PACKAGE_MANIFEST, LETTER_JSON_ENTRY, LETTER_PDF_ENTRY, CREDIT_RECORD_ENTRY]) {
    if (!names.includes(required)) return t('package.error.missingRequiredEntry', { name: required });
  }
  const numbers = names.map((name) => SIGNED_NAME.exec(name)?.[1]).filter((n) => n !== undefined).map(Number);
  if (numbers.length === 0) return t('package.error.noSignedCopy');
  const present = new Set<number>();
  for (const n of numbers) {
    if (present.has(n)) return t('package.error.signedCopyTwice', { n });
    present.add(n);
  }
  for (let n = 1; n <= numbers.length; n++) {
    if (!present.has(n)) return t('package.error.signedCopyGap', { n });
  }
  return null;
}
