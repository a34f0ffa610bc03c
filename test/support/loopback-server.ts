import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  readonly url: string;
  /** Every request it got, with the token it carried. */
  readonly requests: { method: string; path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** A real HTTP server on a loopback port, answering as `handle` says: the platform gone wrong, or whatever stands in its place. */
export async function startLoopbackServer(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<LoopbackServer> {
  const requests: LoopbackServer['requests'] = [];
  const http = createServer((request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization });
    response.on('error', () => undefined);
    handle(request, response);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** Forwards every request to `target` (and logs it), except those `intercept` answers itself. `Host` is passed on, so upload URLs the platform makes point back here. */
export async function startForwarder(target: string, intercept: (request: IncomingMessage, response: ServerResponse) => boolean = () => false): Promise<LoopbackServer> {
  const to = new URL(target);
  return startLoopbackServer((request, response) => {
    if (intercept(request, response)) return;
    const upstream = httpRequest({ host: to.hostname, port: to.port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
      answer.on('error', () => response.destroy());
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
}
