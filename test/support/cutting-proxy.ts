import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP proxy in front of the platform that breaks links on purpose and counts what
 * crosses it, for the fault tests and the wire-ratio benchmark.
 */
export interface CuttingProxyOptions {
  /** `http://127.0.0.1:<port>` of the real server. */
  readonly target: string;
  /**
   * Totals of client→server bytes (over every connection) at which the connection carrying
   * them is cut, both ways, right after that byte went through.
   */
  readonly cutAt?: readonly number[];
  /** The first this many connections get a bare 503 with a non-JSON body, as a gateway would send, and are closed. */
  readonly unavailableConnections?: number;
}

export interface CuttingProxy {
  readonly url: string;
  /** Client→server bytes that reached the server, headers included. */
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly cuts: number;
  close(): Promise<void>;
}

const UNAVAILABLE = 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 19\r\nConnection: close\r\n\r\nService Unavailable';

export async function startCuttingProxy(options: CuttingProxyOptions): Promise<CuttingProxy> {
  const target = new URL(options.target);
  const cutAt = [...(options.cutAt ?? [])].sort((a, b) => a - b);
  let unavailable = options.unavailableConnections ?? 0;
  let bytesUp = 0;
  let bytesDown = 0;
  let cuts = 0;
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (unavailable > 0) {
      unavailable -= 1;
      client.end(UNAVAILABLE);
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());

    client.on('data', (chunk: Buffer) => {
      const limit = cutAt[0];
      if (limit !== undefined && bytesUp + chunk.byteLength >= limit) {
        const part = chunk.subarray(0, limit - bytesUp);
        bytesUp += part.byteLength;
        cutAt.shift();
        cuts += 1;
        // The server sees the bytes before the cut, as it would when a mobile link drops.
        upstream.write(part, () => {
          upstream.destroy();
          client.destroy();
        });
        return;
      }
      bytesUp += chunk.byteLength;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      bytesDown += chunk.byteLength;
      client.write(chunk);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get bytesUp() {
      return bytesUp;
    },
    get bytesDown() {
      return bytesDown;
    },
    get cuts() {
      return cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
