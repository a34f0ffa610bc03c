import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxService } from '../../host/outbox/outbox-service';
import { BRIDGE_HEADER } from '../../core/bridge/http-bridge';
import { startWebHost, type WebHost } from '../../web-host/web-host';
import { createBrowserHost } from '../../web-host/browser-host';

/** A web host on a loopback port (or `bind`) over a throwaway renderer and data folder, its outbox started. */
export async function startTestWebHost(bind?: string): Promise<{ host: WebHost; outbox: OutboxService; dir: string; port: number; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pledge-web-guard-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>政务诚信承诺填报</title>');
  const { handlers, outbox } = createBrowserHost({ info: { name: 'Pledge Desk', version: '9.9.9', platform: 'linux', dataDir: join(dir, 'data') } });
  await outbox.start();
  const host = await startWebHost({ handlers, rendererDir, port: 0, ...(bind ? { host: bind } : {}) });
  return {
    host,
    outbox,
    dir,
    port: Number(new URL(host.url).port),
    stop: async () => {
      outbox.stop();
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * One request to 127.0.0.1:`port` with any headers, `Host` included (fetch will not forge it).
 * `host` defaults to the real one; every other header is exactly what is given.
 */
export function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      // An event stream never ends by itself: its first chunk is the answer.
      const streaming = String(res.headers['content-type']).startsWith('text/event-stream');
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (streaming) res.destroy();
      });
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.on('end', done);
      res.on('close', done);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A bridge call as the page makes it, with `headers` laid over. */
export function bridgeCall(port: number, name: string, args: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(port, {
    method: 'POST',
    path: `/api/call/${name}`,
    headers: { 'content-type': 'application/json', [BRIDGE_HEADER]: '1', origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin', ...headers },
    body: JSON.stringify(args),
  });
}

/** Writes raw bytes on a TCP connection and gives back whatever comes before the server closes it (or 2 s pass). */
export function sendRaw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 2000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.write(bytes, 'latin1');
  });
}
