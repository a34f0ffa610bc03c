import { Agent, createServer, request, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of the platform that answers in the platform's place (a 500, a
 * gateway's 503), forwards a request but never passes its answer back, or holds each PATCH for a
 * while (a slow link), and logs every request. Unlike the TCP proxy in cutting-proxy.ts it sees
 * requests, so a fault can hit "the fourth PATCH" rather than a byte count.
 */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  /** How many requests with this method came before it, from 0. */
  readonly nth: number;
}

export type Fault =
  /** Answered by the proxy; the server never sees the request. */
  | { readonly kind: 'answer'; readonly status: number; readonly body?: string; readonly contentType?: string }
  /** Forwarded, and the server acts on it, but its answer never comes back: the client can only time out. */
  | { readonly kind: 'swallow' };

export interface Exchange extends ProxiedRequest {
  /** Body bytes passed on to the server (0 when the proxy answered or the client went away first). */
  readonly forwardedBytes: number;
  /** What the client was told; `undefined` while pending, for a swallowed answer, or when the link broke. */
  status: number | undefined;
  outcome: 'pending' | 'answered' | 'injected' | 'swallowed' | 'dropped';
}

export interface FaultProxy {
  readonly url: string;
  readonly log: readonly Exchange[];
  /** The next `times` requests that `match` accepts meet `fault`. */
  inject(match: (request: ProxiedRequest) => boolean, fault: Fault, times?: number): void;
  /** Holds every PATCH this long before passing it on; 0 turns the slow link off. */
  setPatchDelay(ms: number): void;
  /** Resolves once no request is on its way through the proxy, e.g. one held back when its client was killed. */
  idle(): Promise<void>;
  /** PATCH body bytes the server took (answered 2xx) among `exchanges`. */
  patchBytesTaken(exchanges?: readonly Exchange[]): number;
  close(): Promise<void>;
}

interface Rule {
  readonly match: (request: ProxiedRequest) => boolean;
  readonly fault: Fault;
  times: number;
}

export async function startFaultProxy(options: { readonly target: string }): Promise<FaultProxy> {
  const target = new URL(options.target);
  const rules: Rule[] = [];
  const seen = new Map<string, number>();
  const log: Exchange[] = [];
  const upstreams = new Set<ClientRequest>();
  // No pooling towards the server: each request gets its own connection, so close() leaves nothing behind.
  const agent = new Agent({ keepAlive: false });
  let patchDelayMs = 0;
  let busy = 0;
  const whenIdle: (() => void)[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    busy += 1;
    try {
      await pass(req, res);
    } finally {
      busy -= 1;
      if (busy === 0) for (const resolve of whenIdle.splice(0)) resolve();
    }
  }

  /** Settles once the client has its answer, or the proxy knows it never will. */
  async function pass(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const nth = seen.get(method) ?? 0;
    seen.set(method, nth + 1);
    const rule = rules.find((candidate) => candidate.times > 0 && candidate.match({ method, path, nth }));
    if (rule) rule.times -= 1;
    const fault = rule?.fault;

    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      // The client went away mid-request (killed, timed out): nothing reaches the server.
      log.push({ method, path, nth, forwardedBytes: 0, status: undefined, outcome: 'dropped' });
      return;
    }
    const body = Buffer.concat(chunks);

    if (fault?.kind === 'answer') {
      log.push({ method, path, nth, forwardedBytes: 0, status: fault.status, outcome: 'injected' });
      const text = Buffer.from(fault.body ?? '', 'utf8');
      res.writeHead(fault.status, { 'Content-Length': text.byteLength, ...(fault.contentType ? { 'Content-Type': fault.contentType } : {}) });
      res.end(text);
      return;
    }
    if (method === 'PATCH' && patchDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, patchDelayMs));

    const exchange: Exchange = { method, path, nth, forwardedBytes: body.byteLength, status: undefined, outcome: 'pending' };
    log.push(exchange);
    await new Promise<void>((settle) => {
      // Headers go on unchanged, Host included, so the Location the server answers points back at the proxy.
      const upstream = request({ host: target.hostname, port: Number(target.port), method, path, headers: req.headers, agent }, (answer) => {
        if (fault?.kind === 'swallow') {
          exchange.outcome = 'swallowed';
          answer.resume();
          settle();
          return;
        }
        exchange.status = answer.statusCode;
        exchange.outcome = 'answered';
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', settle);
        answer.on('error', settle);
      });
      upstreams.add(upstream);
      upstream.on('close', () => {
        upstreams.delete(upstream);
        settle();
      });
      upstream.on('error', () => {
        exchange.outcome = 'dropped';
        res.destroy();
      });
      upstream.end(body);
    });
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    inject(match, fault, times = 1) {
      rules.push({ match, fault, times });
    },
    idle: () => (busy === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenIdle.push(resolve))),
    setPatchDelay(ms) {
      patchDelayMs = ms;
    },
    patchBytesTaken: (exchanges = log) =>
      exchanges.filter((e) => e.method === 'PATCH' && e.status !== undefined && e.status >= 200 && e.status < 300).reduce((sum, e) => sum + e.forwardedBytes, 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const upstream of upstreams) upstream.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
