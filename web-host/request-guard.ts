import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

/**
 * Who may talk to the web host. A page on another site can rebind its own name to 127.0.0.1 and
 * so become "same-origin" with us; the one thing it cannot change is the name its requests carry
 * in `Host` (and `Origin`). So every request must name this host as the person's browser does.
 */
export type Refusal = 'host' | 'cross-site' | 'content-type';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::']);

/** Bound to every address of the machine. */
export function isWildcardAddress(address: string): boolean {
  return WILDCARDS.has(address);
}

/** An address as a browser writes it in a URL or `Host`: brackets around IPv6. */
export function urlHostName(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * The `Host` values that name this server: the loopback names, and the names it is bound to, as
 * given and as resolved (every address of this machine for a wildcard bind, as any of them reaches it).
 */
export function allowedHosts(bound: readonly string[], port: number): ReadonlySet<string> {
  const addresses = bound.flatMap((name) => (isWildcardAddress(name) ? machineAddresses() : [name]));
  const names = [...LOOPBACK_NAMES, ...addresses.map(urlHostName)];
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name.toLowerCase()}:${port}`);
    // A browser leaves out the default port.
    if (port === 80) hosts.add(name.toLowerCase());
  }
  return hosts;
}

function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    // A zoned link-local address cannot be written in a Host header a browser sends.
    .filter((info) => !info.address.includes('%') && !(info.family === 'IPv6' && info.address.startsWith('fe80')))
    .map((info) => info.address);
}

/** The `Host` a request names, if it is one of ours. */
export function checkHost(req: IncomingMessage, hosts: ReadonlySet<string>): string | undefined {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && hosts.has(host) ? host : undefined;
}

/**
 * What the bridge (`/api/*`) also asks: no other site's `Origin`, a `Sec-Fetch-Site` (when the
 * browser sends one) of `same-origin`, and JSON for a body, which a plain cross-site form or
 * `<img>` cannot send.
 */
export function checkBridgeRequest(req: IncomingMessage, host: string, hasBody: boolean): Refusal | undefined {
  const { origin } = req.headers;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return 'cross-site';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return 'cross-site';
  if (hasBody && mediaType(req.headers['content-type']) !== 'application/json') return 'content-type';
  return undefined;
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}
