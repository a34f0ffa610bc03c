import { z } from 'zod';
import { t } from '../i18n/translate';

// zod checks with the platform's own URL parser; core has no DOM or Node types to call it directly.
// `normalize` hands back the parser's own spelling (host in lower case, default port dropped, dot segments resolved).
const HttpUrl = z.url({ protocol: /^https?$/, normalize: true });
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
 * A query or a fragment: every route is built by appending to the address, so either would end
 * up in the middle of each request's URL, or cut its route off.
 */
const QUERY_OR_FRAGMENT = /[?#].*$/;

/**
 * Reads a platform address as typed by a person (settings, `pledge send --endpoint`): an https
 * URL, or http on this machine only (the token and the packages would otherwise cross the
 * network in clear), surrounding spaces ignored. The platform may sit under a path
 * (`https://credit.example.gov.cn/pledge/`); the address comes back in one spelling, the parser's,
 * without a trailing slash, so `…/pledge` and `…/pledge/` are one platform. The message names the
 * value, in Chinese.
 *
 * @example parseEndpoint(' https://platform.example.gov.cn/ ') // { ok: true, url: 'https://platform.example.gov.cn' }
 * @example parseEndpoint('https://credit.example.gov.cn/pledge/') // { ok: true, url: 'https://credit.example.gov.cn/pledge' }
 * @example parseEndpoint('http://platform.example.gov.cn').ok // false
 */
export function parseEndpoint(value: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = value.trim();
  const parsed = HttpUrl.safeParse(trimmed);
  if (!SCHEME.test(trimmed) || !parsed.success || CREDENTIALS.test(trimmed)) return { ok: false, message: t('connection.address.not-url', { value: trimmed }) };
  if (/^http:/i.test(trimmed) && !LoopbackHttpUrl.safeParse(trimmed).success) return { ok: false, message: t('connection.address.not-https', { value: trimmed }) };
  const extra = QUERY_OR_FRAGMENT.exec(trimmed)?.[0];
  if (extra !== undefined) return { ok: false, message: t('connection.address.has-query', { value: trimmed, extra }) };
  return { ok: true, url: parsed.data.replace(/\/+$/, '') };
}

/**
 * The URL of a protocol route (`ROUTES.health`, `ROUTES.receipt(id)`, …) on the platform at
 * `endpoint`: appended to the address's path, never resolved against the site's root, so a
 * platform under `/pledge` gets `/pledge/health` and nothing of the token or a package goes to
 * whatever else runs at that site. `platformUrl(endpoint, '/')` is the platform's own base, with
 * its trailing slash, against which its relative links resolve.
 *
 * @example platformUrl('https://credit.example.gov.cn/pledge', '/health') // 'https://credit.example.gov.cn/pledge/health'
 */
export function platformUrl(endpoint: string, route: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${route.replace(/^\/+/, '')}`;
}
