import { z } from 'zod';
import { t } from '../i18n/translate';

// zod checks with the platform's own URL parser; core has no DOM or Node types to call it directly.
const HttpUrl = z.url({ protocol: /^https?$/ });
/**
 * Hosts where plain http never leaves the machine. Tested against the parsed hostname, which the
 * URL parser has already normalised (`127.1` and `0x7f000001` become `127.0.0.1`), and anchored,
 * so `127.0.0.1.evil.example` and `localhost.evil.example` are remote hosts like any other.
 */
const LOOPBACK_HOST = /^(?:127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|localhost|\[::1\])$/;
const LoopbackHttpUrl = z.url({ protocol: /^http$/, hostname: LOOPBACK_HOST });
/** The parser also takes `http:/host` and `http:\\host`; the checks below read `scheme://` literally. */
const SCHEME = /^https?:\/\//i;
/** A token must never travel in a URL that carries credentials of its own. */
const CREDENTIALS = /^[a-z]+:\/\/[^/?#]*@/i;
/**
 * What follows the host. The protocol's routes sit at the root of the platform's site; an
 * address with a path would have its path dropped by every route, sending packages and the
 * token to whatever else runs at that site's root.
 */
const AFTER_HOST = /^[a-z]+:\/\/[^/?#]*(.*)$/i;

/**
 * Reads a platform address as typed by a person (settings, `pledge send --endpoint`): an https
 * URL, or http on this machine only (the token and the packages would otherwise cross the
 * network in clear), surrounding spaces ignored. The message names the value, in Chinese.
 *
 * @example parseEndpoint(' https://platform.example.gov.cn ') // { ok: true, url: 'https://platform.example.gov.cn' }
 * @example parseEndpoint('http://platform.example.gov.cn').ok // false
 */
export function parseEndpoint(value: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = value.trim();
  if (!SCHEME.test(trimmed) || !HttpUrl.safeParse(trimmed).success || CREDENTIALS.test(trimmed)) return { ok: false, message: t('connection.address.not-url', { value: trimmed }) };
  if (/^http:/i.test(trimmed) && !LoopbackHttpUrl.safeParse(trimmed).success) return { ok: false, message: t('connection.address.not-https', { value: trimmed }) };
  const path = AFTER_HOST.exec(trimmed)?.[1] ?? '';
  if (path !== '' && path !== '/') return { ok: false, message: t('connection.address.has-path', { path }) };
  return { ok: true, url: trimmed };
}
