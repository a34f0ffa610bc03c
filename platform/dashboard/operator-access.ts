import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../credentials';
import { t } from '../i18n/translate';
import type { RouteContext } from '../http/route-context';
import type { PlatformRefusal } from '../platform-refusal';

/** The operator's side of the platform (coverage, dashboard): who is asking, by bearer token or by session cookie. */
export type Operator = Extract<Caller, { kind: 'operator' }>;

/** A dashboard session lasts a working day; after that the operator pastes the token again. */
export const SESSION_MS = 8 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'pledge_dashboard';

const BEARER = /^Bearer ([\x21-\x7e]+)$/;

/** The caller of a bearer token if it is an operator's, else the refusal: 401 for none or an unknown one, 403 for a unit's. */
export async function bearerOperator(req: IncomingMessage, context: RouteContext): Promise<Operator | PlatformRefusal> {
  const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
  const caller = token === undefined ? undefined : await context.store.credentials.authenticate(token);
  if (!caller) return { status: 401, code: 'unauthorized', message: t('platform.error.unauthorized') };
  if (caller.kind !== 'operator') return { status: 403, code: 'forbidden', message: t('platform.error.operatorOnly') };
  return caller;
}

export function isOperator(value: Operator | PlatformRefusal): value is Operator {
  return 'kind' in value;
}

/** The session token the request's cookie carries, if any. */
export function sessionCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0) return value.join('=');
  }
  return undefined;
}

/** The operator of a live session; the store says no once the session expired or its credential was revoked. */
export async function sessionOperator(req: IncomingMessage, context: RouteContext): Promise<{ operator: Operator; session: string } | undefined> {
  const session = sessionCookie(req);
  if (session === undefined) return undefined;
  const caller = await context.store.sessions.caller(session, context.now());
  return caller?.kind === 'operator' ? { operator: caller, session } : undefined;
}

/**
 * HttpOnly so no script reads it, SameSite=Strict so no other site's page sends it, Path under the
 * platform's base path, and Secure when the request reached the proxy over https (a cookie
 * without it would travel in clear text on the next plain request).
 */
export function setSessionCookie(res: ServerResponse, req: IncomingMessage, context: RouteContext, value: string | undefined): void {
  const secure = viaHttps(req) ? '; Secure' : '';
  const life = value === undefined ? 'Max-Age=0' : `Max-Age=${SESSION_MS / 1000}`;
  res.setHeader('set-cookie', `${SESSION_COOKIE}=${value ?? ''}; ${life}; Path=${context.basePath}/; HttpOnly; SameSite=Strict${secure}`);
}

/** The platform listens on loopback behind a TLS-terminating proxy, which says so in X-Forwarded-Proto. */
function viaHttps(req: IncomingMessage): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true;
}

/**
 * The CSRF token of a session, put in every form it posts: derived from the session token (which
 * only the operator's browser holds, in an HttpOnly cookie), so every instance can check it
 * without storing anything, and another site, which cannot read the cookie, cannot make it.
 */
export function csrfToken(session: string): string {
  return createHash('sha256').update(`pledge-dashboard-csrf\0${session}`, 'utf8').digest('base64url');
}

export function csrfMatches(session: string, given: string | null): boolean {
  if (given === null) return false;
  const expected = Buffer.from(csrfToken(session));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
