import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP proxy that flips one bit of request bodies at given totals of body bytes (over
 * every connection), as a faulty link or middlebox would: the request still parses and arrives
 * whole, only its content differs. Requests must carry `Content-Length`, as fetch does for a byte
 * body; headers are never touched.
 */
export interface CorruptingProxy {
  readonly url: string;
  /** Bits flipped so far. */
  readonly corrupted: number;
  /** Body bytes that went through, over every connection. */
  readonly bodyBytes: number;
  close(): Promise<void>;
}

const END_OF_HEAD = '\r\n\r\n';

export async function startCorruptingProxy(options: { readonly target: string; readonly corruptAt: readonly number[] }): Promise<CorruptingProxy> {
  const target = new URL(options.target);
  const pending = new Set(options.corruptAt);
  let bodyBytes = 0;
  let corrupted = 0;
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.on('data', (chunk: Buffer) => client.write(chunk));

    // Per connection: the head read so far, then how many body bytes the current request has left.
    let head = '';
    let remaining = 0;
    client.on('data', (input: Buffer) => {
      const chunk = Buffer.from(input);
      let at = 0;
      while (at < chunk.length) {
        if (remaining === 0) {
          const before = head.length;
          head += chunk.subarray(at).toString('latin1');
          const end = head.indexOf(END_OF_HEAD);
          if (end === -1) break;
          at += end + END_OF_HEAD.length - before;
          remaining = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
          head = '';
          continue;
        }
        const take = Math.min(remaining, chunk.length - at);
        for (let i = 0; i < take; i += 1) {
          if (pending.delete(bodyBytes + i)) {
            chunk[at + i]! ^= 0x01;
            corrupted += 1;
          }
        }
        bodyBytes += take;
        remaining -= take;
        at += take;
      }
      upstream.write(chunk);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get corrupted() {
      return corrupted;
    },
    get bodyBytes() {
      return bodyBytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
