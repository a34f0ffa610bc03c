import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { desktopEvents, type DesktopHandlers, type EmitDesktopEvent } from '../core/bridge/desktop-api';
import { DesktopCallRejected, dispatchDesktopCall } from '../core/bridge/dispatch-call';
import { BRIDGE_HEADER, CALL_PATH, EVENTS_PATH } from '../core/bridge/http-bridge';
import { t } from '../core/i18n/translate';
import { RENDERER_SECURITY_HEADERS } from '../host/security/content-security-policy';
import { createLaunchKey, KEY_PARAMETER, type LaunchKey } from './launch-key';
import { isLoopbackAddress } from '../node/loopback-address';
import { allowedHosts, checkBridgeRequest, checkHost, isWildcardAddress, urlHostName, type Refusal } from './request-guard';
import { errorText } from '../core/errors/error-text';

/**
 * Serves the built renderer and the bridge over HTTP, so the whole app runs in a browser with
 * the same host (host/create-host.ts) as in Electron. Calls are `POST /api/call/<name>` with the argument list as
 * JSON; events stream from `GET /api/events` (server-sent events).
 *
 * Reaching the port is not enough to use it: a request must name this host in `Host` (a page
 * that rebound its own name to 127.0.0.1 names itself), and a bridge request must come from our
 * own page (`Origin`, `Sec-Fetch-Site`, JSON body, the bridge header). Bound beyond loopback, the
 * bridge also wants the session cookie the printed key buys (see launch-key.ts).
 */
export interface WebHostOptions {
  readonly handlers: DesktopHandlers;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  readonly port: number;
  /** The address to bind, 127.0.0.1 by default; anything beyond loopback turns the launch key on. */
  readonly host?: string;
}

export interface WebHost {
  /** Where the host answers, without the key. */
  readonly url: string;
  /** The address to open (and print): `url`, with `?key=…` when the host is bound beyond loopback. */
  readonly pageUrl: string;
  readonly emit: EmitDesktopEvent;
  close(): Promise<void>;
}

const REFUSALS = {
  host: [403, 'web-host.error.host'],
  'cross-site': [403, 'web-host.error.cross-site'],
  'content-type': [415, 'web-host.error.content-type'],
} as const satisfies Record<Refusal, RefusalAnswer>;

/** Above the largest call in the contract (a backup of about 150 MB as base64); the contract caps each call too. */
const MAX_BODY_BYTES = 210 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // dev: look files up per request. The production mode lists them once at start and crashes the
  // host (an unhandled stream error) when a rebuild replaces an asset it listed.
  const statics = sirv(options.rendererDir, {
    single: true,
    etag: true,
    dev: true,
    // The same policy as the desktop app's app:// protocol, so the browser runs what ships.
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) res.setHeader(name, value);
    },
  });
  const listeners = new Set<ServerResponse>();
  const bind = options.host ?? '127.0.0.1';
  // Set once the port is known; no request is answered before.
  const access: { hosts: ReadonlySet<string>; launchKey?: LaunchKey } = { hosts: new Set() };

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    // Origin-form only ("/path"): an absolute or malformed target is no request a browser makes of us.
    const target = req.url ?? '';
    if (!target.startsWith('/')) return refuse(res, [400, 'web-host.error.bad-request']);
    const host = checkHost(req, access.hosts);
    if (host === undefined) return refuse(res, REFUSALS.host);
    // A fixed origin in front: "//name/path" stays a path rather than naming another host.
    const url = new URL(`http://${host}${target}`);
    if (url.pathname.startsWith('/api/')) {
      const isCall = url.pathname.startsWith(CALL_PATH);
      const refusal = checkBridgeRequest(req, host, isCall && req.method === 'POST');
      if (refusal) return refuse(res, REFUSALS[refusal]);
      if (access.launchKey && !access.launchKey.hasSession(req)) return refuse(res, [401, 'web-host.error.session']);
      if (isCall) {
        const name = decodePathPart(url.pathname.slice(CALL_PATH.length));
        if (name === undefined) return refuse(res, [400, 'web-host.error.bad-request']);
        void handleCall(options.handlers, name, req, res).catch(() => res.destroy());
      } else if (url.pathname === EVENTS_PATH) {
        openEventStream(req, res, listeners);
      } else {
        sendJson(res, 404, { error: 'Not found' });
      }
      return;
    }
    const key = url.searchParams.get(KEY_PARAMETER);
    if (access.launchKey && key !== null) return exchangeKey(access.launchKey, key, url, res);
    statics(req, res, () => sendJson(res, 404, { error: 'Not found' }));
  };

  const server: Server = createServer((req, res) => {
    // One request, however odd, must never end the host.
    try {
      route(req, res);
    } catch {
      if (!res.headersSent) refuse(res, [400, 'web-host.error.bad-request']);
      else res.destroy();
    }
  });
  // Bytes that are not HTTP at all: answered and closed, as Node does without a listener, but never thrown.
  server.on('clientError', (_error, socket) => {
    if (socket.writable && !socket.writableEnded) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, bind, resolve);
  });
  const address = server.address() as AddressInfo;
  access.hosts = allowedHosts([bind, address.address], address.port);
  if (!isLoopbackAddress(address.address)) access.launchKey = createLaunchKey(address.port);
  const { launchKey } = access;
  // A wildcard bind has no address of its own to print; loopback reaches it from this machine.
  const shown = isWildcardAddress(address.address) ? '127.0.0.1' : address.address;
  const url = `http://${urlHostName(shown)}:${address.port}`;

  const emit: EmitDesktopEvent = (event, payload) => {
    const data = JSON.stringify(desktopEvents[event].parse(payload));
    for (const res of listeners) res.write(`event: ${event}\ndata: ${data}\n\n`);
  };

  return {
    url,
    pageUrl: launchKey ? `${url}/?${KEY_PARAMETER}=${launchKey.key}` : url,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The key in the address is traded for the session cookie, and taken out of the address the page keeps. */
function exchangeKey(launchKey: LaunchKey, key: string, url: URL, res: ServerResponse): void {
  if (!launchKey.isKey(key)) return refuse(res, [403, 'web-host.error.key']);
  url.searchParams.delete(KEY_PARAMETER);
  // One leading slash: "//name/" would send the browser to another site.
  const location = `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
  res.writeHead(303, { location, 'set-cookie': launchKey.setCookie, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end();
}

function decodePathPart(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

type RefusalAnswer = readonly [status: number, message: Parameters<typeof t>[0]];

function refuse(res: ServerResponse, [status, message]: RefusalAnswer): void {
  sendJson(res, status, { error: t(message) });
}

async function handleCall(handlers: DesktopHandlers, name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST' });
  if (req.headers[BRIDGE_HEADER] !== '1') return sendJson(res, 403, { error: `Missing ${BRIDGE_HEADER} header` });
  try {
    const args: unknown = JSON.parse(await readBody(req));
    sendJson(res, 200, { result: await dispatchDesktopCall(handlers, name, args) });
  } catch (error) {
    const rejected = error instanceof DesktopCallRejected || error instanceof SyntaxError || error instanceof BodyTooLarge;
    sendJson(res, rejected ? 400 : 500, { error: errorText(error) });
  }
}

function openEventStream(req: IncomingMessage, res: ServerResponse, listeners: Set<ServerResponse>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  listeners.add(res);
  req.on('close', () => listeners.delete(res));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge(`Request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
