import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The per-launch key a web host bound beyond loopback asks for: others on the network can reach
 * the port, so reaching it must not be enough. The printed address carries the key once; the
 * page trades it for an HttpOnly, SameSite=Strict cookie, which the bridge then requires.
 */
export interface LaunchKey {
  /** Goes in the printed address as `?key=…`. */
  readonly key: string;
  readonly cookieName: string;
  /** The `Set-Cookie` value given in exchange for the key. */
  readonly setCookie: string;
  isKey(candidate: string): boolean;
  hasSession(req: IncomingMessage): boolean;
}

export const KEY_PARAMETER = 'key';

export function createLaunchKey(port: number): LaunchKey {
  const key = randomBytes(32).toString('base64url');
  // Not the key itself: a cookie read from disk cannot be typed into the address bar elsewhere.
  const session = randomBytes(32).toString('base64url');
  // Cookies ignore ports: a name per port keeps two hosts on one machine from overwriting each other's.
  const cookieName = `pledge-desk-${port}`;
  return {
    key,
    cookieName,
    setCookie: `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
    isKey: (candidate) => sameSecret(candidate, key),
    hasSession: (req) => {
      const value = cookieValue(req.headers.cookie, cookieName);
      return value !== undefined && sameSecret(value, session);
    },
  };
}

/** Compared in constant time; hashing first gives both sides one length. */
function sameSecret(candidate: string, secret: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(candidate), digest(secret));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}
