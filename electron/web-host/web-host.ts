import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { desktopEvents, type DesktopHandlers, type EmitDesktopEvent } from '../../core/bridge/desktop-api';
import { DesktopCallRejected, dispatchDesktopCall } from '../../core/bridge/dispatch-call';
import { RENDERER_SECURITY_HEADERS } from '../services/content-security-policy';

/**
 * Serves the built renderer and the bridge over HTTP, so the whole app runs in a browser with
 * the same services as in Electron. Calls are `POST /api/call/<name>` with the argument list as
 * JSON; events stream from `GET /api/events` (server-sent events).
 */
export interface WebHostOptions {
  readonly handlers: DesktopHandlers;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  readonly port: number;
  readonly host?: string;
}

export interface WebHost {
  readonly url: string;
  readonly emit: EmitDesktopEvent;
  close(): Promise<void>;
}

/** Cross-site pages cannot send this header without a preflight we never grant. */
export const BRIDGE_HEADER = 'x-pledge-desk';
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

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/call/')) {
      void handleCall(options.handlers, decodeURIComponent(url.pathname.slice('/api/call/'.length)), req, res);
    } else if (url.pathname === '/api/events') {
      openEventStream(req, res, listeners);
    } else if (url.pathname.startsWith('/api/')) {
      sendJson(res, 404, { error: 'Not found' });
    } else {
      statics(req, res, () => sendJson(res, 404, { error: 'Not found' }));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;

  const emit: EmitDesktopEvent = (event, payload) => {
    const data = JSON.stringify(desktopEvents[event].parse(payload));
    for (const res of listeners) res.write(`event: ${event}\ndata: ${data}\n\n`);
  };

  return {
    url: `http://${address.address}:${address.port}`,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handleCall(handlers: DesktopHandlers, name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST' });
  if (req.headers[BRIDGE_HEADER] !== '1') return sendJson(res, 403, { error: `Missing ${BRIDGE_HEADER} header` });
  try {
    const args: unknown = JSON.parse(await readBody(req));
    sendJson(res, 200, { result: await dispatchDesktopCall(handlers, name, args) });
  } catch (error) {
    const rejected = error instanceof DesktopCallRejected || error instanceof SyntaxError || error instanceof BodyTooLarge;
    sendJson(res, rejected ? 400 : 500, { error: error instanceof Error ? error.message : String(error) });
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
