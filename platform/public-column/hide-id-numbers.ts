import { checkIdNumber, normalizeIdNumber } from '../../core/staff/id-number';
import { t } from '../i18n/translate';

/** 18 characters an ID number could be, in half- or full-width digits, not part of a longer code. */
const CANDIDATE = /(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])[0-9０-９]{17}[0-9Xx０-９Ｘｘ](?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])/gu;

/**
 * A unit's own words (a progress note, a reason, an evidence file's name) as the public column may
 * show them: any 居民身份证号码 in them (GB 11643: a real birth date and the check character) is
 * replaced by a note that one was hidden. The letter's schema keeps ID numbers out of what is
 * published; a note is free text a clerk types, so the column checks it itself.
 *
 * @example withoutIdNumbers('经办人 11010519491231002X 已到场') // '经办人 （身份证号已隐去） 已到场'
 */
export function withoutIdNumbers(text: string): string {
  return text.replace(CANDIDATE, (candidate) => (checkIdNumber(normalizeIdNumber(candidate)) === undefined ? t('platform.public.progress.idHidden') : candidate));
}
