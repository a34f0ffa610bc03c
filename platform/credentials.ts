import { createHash, randomBytes } from 'node:crypto';
import { withStore, type StoreLocation } from './store/open-store';

/**
 * Who may call the platform: a unit, bound to its 统一社会信用代码, or an operator of the city
 * credit office, who sees every unit and submits for none. Tokens are issued by the platform's own
 * command and only their SHA-256 is kept, in the platform's store (store/platform-store.ts); it is
 * read on every request, so a token issued or revoked by the command while the platform runs
 * counts at once.
 */
export type CredentialKind = 'unit' | 'operator';

export type Subject = { readonly unit: string; readonly name?: string } | { readonly operator: true; readonly name?: string };

/** What `token list` shows: never the token or its hash. */
export interface Credential {
  readonly id: number;
  readonly kind: CredentialKind;
  /** The unit's 统一社会信用代码, for a unit's credential. */
  readonly unitCode?: string;
  readonly name?: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/**
 * The caller of one request; `open` is the loopback-only trial mode, where nobody is asked.
 * `name` is the one the credential was issued under, so a client can show whose token it holds.
 */
export type Caller =
  | { readonly kind: 'unit'; readonly id: number; readonly unitCode: string; readonly name?: string }
  | { readonly kind: 'operator'; readonly id: number; readonly name?: string }
  | { readonly kind: 'open' };

const TOKEN_PREFIX = 'pledge_';

/** 32 random bytes: guessing one is hopeless, so a plain SHA-256 of it is a sound thing to store. */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** What the store keeps of a token (or a session's cookie) and looks it up by. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Issues a credential and answers the token, the only time it is ever known. `token` is for test
 * fixtures that need a fixed one; the command always draws a new one.
 *
 * @example const { token } = await issueToken('./pf', { unit: '122399214012770352', name: '青山县政务服务中心' });
 */
export function issueToken(location: StoreLocation | string, subject: Subject, token?: string): Promise<{ readonly id: number; readonly token: string }> {
  return withStore(location, (store) => store.credentials.issue(subject, token));
}

export function listTokens(location: StoreLocation | string): Promise<Credential[]> {
  return withStore(location, (store) => store.credentials.list());
}

export function revokeToken(location: StoreLocation | string, id: number): Promise<boolean> {
  return withStore(location, (store) => store.credentials.revoke(id));
}
