import { t } from '../i18n/translate';

/**
 * Reads a platform address as typed by a person (settings, `pledge send --endpoint`): an http(s)
 * URL, surrounding spaces ignored. The message names the field and the value, in Chinese.
 *
 * @example parseEndpoint(' https://platform.example.gov.cn ') // { ok: true, url: 'https://platform.example.gov.cn/' }
 */
export function parseEndpoint(value: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    // A token must never travel in a URL that also carries credentials of its own.
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '') return { ok: true, url: url.toString() };
  } catch {
    // Reported below, with the value as typed.
  }
  return { ok: false, message: t('cli.bad-endpoint', { value: trimmed }) };
}
