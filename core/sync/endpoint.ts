import { z } from 'zod';
import { t } from '../i18n/translate';

// zod checks with the platform's own URL parser; core has no DOM or Node types to call it directly.
const HttpUrl = z.url({ protocol: /^https?$/ });
/** A token must never travel in a URL that carries credentials of its own. */
const CREDENTIALS = /^[a-z]+:\/\/[^/?#]*@/i;
/**
 * What follows the host. The protocol's routes sit at the root of the platform's site; an
 * address with a path would have its path dropped by every route, sending packages and the
 * token to whatever else runs at that site's root.
 */
const AFTER_HOST = /^[a-z]+:\/\/[^/?#]*(.*)$/i;

/**
 * Reads a platform address as typed by a person (settings, `pledge send --endpoint`): an http(s)
 * URL, surrounding spaces ignored. The message names the value, in Chinese.
 *
 * @example parseEndpoint(' https://platform.example.gov.cn ') // { ok: true, url: 'https://platform.example.gov.cn' }
 */
export function parseEndpoint(value: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = value.trim();
  if (!HttpUrl.safeParse(trimmed).success || CREDENTIALS.test(trimmed)) return { ok: false, message: t('cli.bad-endpoint', { value: trimmed }) };
  const path = AFTER_HOST.exec(trimmed)?.[1] ?? '';
  if (path !== '' && path !== '/') return { ok: false, message: t('endpoint.error.path', { path }) };
  return { ok: true, url: trimmed };
}
