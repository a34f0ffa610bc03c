import type { IncomingMessage } from 'node:http';

/** A form body over its cap: the caller answers 413 rather than read on. */
export class FormTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`form body over ${maxBytes} bytes`);
  }
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new FormTooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new FormTooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A posted form, url-encoded or multipart, parsed by the runtime's own `Request` (undici's
 * multipart parser), so the platform needs no parser of its own.
 */
export async function readForm(req: IncomingMessage, maxBytes: number): Promise<FormData> {
  const body = await readBody(req, maxBytes);
  const contentType = req.headers['content-type'] ?? 'application/x-www-form-urlencoded';
  return new Request('http://localhost/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
}
