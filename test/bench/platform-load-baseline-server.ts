import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The load bench's floor: the least a server can do with an upload and still keep it. One POST
 * per package; the body is written to `<dir>/<name>` and fsynced before the 201. No checks,
 * no index, no resumption. Run as its own process, as the platform is, by platform-load.ts:
 * `node --import tsx test/bench/platform-load-baseline-server.ts --dir <folder>`.
 */
const { values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string', default: '0' } } });
const dir = values.dir;
if (dir === undefined) throw new Error('platform-load-baseline-server: --dir is required');
const NAME = /^\/([0-9a-f-]{36})$/;

const server = createServer((req, res) => {
  const name = NAME.exec(req.url ?? '')?.[1];
  if (req.method !== 'POST' || name === undefined) {
    res.writeHead(404).end();
    return;
  }
  void (async () => {
    const file = await open(join(dir, name), 'wx');
    let size = 0;
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        await file.write(chunk);
      }
      await file.sync();
    } finally {
      await file.close();
    }
    res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ name, size }));
  })().catch((error: unknown) => {
    if (!res.headersSent) res.writeHead(500).end(String(error));
  });
});

server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
