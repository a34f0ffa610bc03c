import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, PlatformRejection, UploadTimeoutError, type UploadOptions } from '../../../core/outbox/platform-client';
import { buildPackage } from '../../../core/package/build-package';
import { isFinalRejection, ReceiptSchema } from '../../../core/protocol/reference-protocol';
import { MAX_ANSWER_BYTES, TusPlatformClient, type TusPlatformClientOptions } from '../../../host/outbox/tus-platform-client';
import { ID, packageInput, tamper } from '../../support/package-fixtures';
import { startCorruptingProxy, type CorruptingProxy } from '../../support/corrupting-proxy';
import { startForwarder as forwarderTo, startLoopbackServer as loopbackServer, type LoopbackServer } from '../../support/loopback-server';
import { startCuttingProxy, type CuttingProxy } from '../../support/cutting-proxy';
import { bigPackage, deadEndpoint, refOf, silentEndpoint, startTestPlatform, TOKEN } from '../../support/submission-fixtures';

const CHUNK = 16 * 1024;
const PACKAGE = bigPackage(200 * 1024);
const REF = refOf(PACKAGE, ID);
/** Request lines and headers of one tus request, generously. */
const PER_REQUEST_OVERHEAD = 400;

let server: Awaited<ReturnType<typeof startTestPlatform>>;
let proxy: CuttingProxy | CorruptingProxy | undefined;
let hostile: LoopbackServer[] = [];

beforeEach(async () => {
  server = await startTestPlatform();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await Promise.all(hostile.map((one) => one.close()));
  hostile = [];
  await server.stop();
});

function adapter(options: Partial<TusPlatformClientOptions> & { bytes?: Uint8Array } = {}): TusPlatformClient {
  const bytes = options.bytes ?? PACKAGE;
  return new TusPlatformClient({ endpoint: server.platform.url, token: TOKEN, chunkBytes: CHUNK, readPackage: async () => bytes, ...options });
}

/** Records what the adapter reports, to check the URL comes before any byte and to resume with it. */
function recorder(resume: { url?: string; offset?: number } = {}) {
  const seen = { url: undefined as string | undefined, offsets: [] as number[], urlBeforeBytes: true };
  const options: UploadOptions = {
    ...(resume.url ? { resumeUrl: resume.url, resumeOffset: resume.offset ?? 0 } : {}),
    onUploadUrl: (url) => {
      seen.url = url;
    },
    onProgress: (offset) => {
      if (seen.url === undefined) seen.urlBeforeBytes = false;
      seen.offsets.push(offset);
    },
  };
  return { seen, options };
}

async function submissionCount(): Promise<number> {
  const response = await fetch(new URL('/submissions', server.platform.url), { headers: { Authorization: `Bearer ${TOKEN}` } });
  return ((await response.json()) as { submissions: unknown[] }).submissions.length;
}

describe('TusPlatformClient against the reference platform', () => {
  it('probes: true when the platform answers, false when nothing listens or nothing answers', async () => {
    expect(await adapter().probe()).toBe(true);
    expect(await adapter({ endpoint: await deadEndpoint() }).probe()).toBe(false);
    const silent = await silentEndpoint();
    try {
      const started = Date.now();
      expect(await adapter({ endpoint: silent.url, probeTimeoutMs: 200 }).probe()).toBe(false);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await silent.close();
    }
  });

  it('uploads in chunks, reports the URL before any byte, and returns the receipt of the finishing PATCH', async () => {
    const { seen, options } = recorder();
    const receipt = await adapter().upload(REF, options);
    expect(ReceiptSchema.parse(receipt)).toMatchObject({ submissionId: ID, sha256: REF.sha256 });
    expect(seen.url).toMatch(/\/files\//);
    expect(seen.urlBeforeBytes).toBe(true);
    expect(seen.offsets.length).toBeGreaterThanOrEqual(Math.floor(PACKAGE.byteLength / CHUNK));
    expect(seen.offsets.at(-1)).toBe(PACKAGE.byteLength);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it.each([0.1, 0.5, 0.9])('resumes an upload cut at %d of the package from the offset HEAD reports', async (fraction) => {
    proxy = await startCuttingProxy({ target: server.platform.url, cutAt: [Math.floor(PACKAGE.byteLength * fraction)] });
    const viaProxy = adapter({ endpoint: proxy.url });
    const first = recorder();
    await expect(viaProxy.upload(REF, first.options)).rejects.toBeInstanceOf(NetworkError);
    expect(proxy.cuts).toBe(1);
    expect(first.seen.url).toBeDefined();

    const second = recorder({ url: first.seen.url, offset: first.seen.offsets.at(-1) });
    const receipt = await viaProxy.upload(REF, second.options);
    expect(receipt.sha256).toBe(REF.sha256);
    const requests = Math.ceil(PACKAGE.byteLength / CHUNK) + 4;
    // The second attempt starts where the server stood, not at zero: at most the chunk in flight
    // behind the cut, which counts request headers too.
    expect(second.seen.offsets[0]).toBeGreaterThan(PACKAGE.byteLength * fraction - CHUNK - requests * PER_REQUEST_OVERHEAD);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
    expect(await submissionCount()).toBe(1);

    const ratio = proxy.bytesUp / PACKAGE.byteLength;
    console.log(`cut at ${fraction}: ${proxy.bytesUp} bytes up for a ${PACKAGE.byteLength}-byte package (${ratio.toFixed(3)})`);
    expect(proxy.bytesUp).toBeLessThanOrEqual(1.1 * PACKAGE.byteLength + requests * PER_REQUEST_OVERHEAD);
  });

  it('gets the receipt by id when the finishing answer was lost (HEAD 404), without sending the bytes again', async () => {
    const first = recorder();
    const receipt = await adapter().upload(REF, first.options);
    proxy = await startCuttingProxy({ target: server.platform.url });
    const again = recorder({ url: first.seen.url!.replace(server.platform.url, proxy.url), offset: 0 });
    expect(await adapter({ endpoint: proxy.url }).upload(REF, again.options)).toEqual(receipt);
    expect(proxy.bytesUp).toBeLessThan(2 * PER_REQUEST_OVERHEAD);
  });

  it('never follows a saved upload URL on another origin: it starts afresh on the configured platform', async () => {
    const foreign = await deadEndpoint();
    const { seen, options } = recorder({ url: `${foreign}/files/stolen`, offset: 1000 });
    const receipt = await adapter().upload(REF, options);
    expect(ReceiptSchema.parse(receipt).submissionId).toBe(ID);
    expect(seen.url?.startsWith(server.platform.url)).toBe(true);
  });

  it('asks for the receipt before creating an upload, so a second desk with the same package sends no package bytes', async () => {
    const first = await adapter().upload(REF, recorder().options);
    const cutting = await startCuttingProxy({ target: server.platform.url });
    proxy = cutting;
    const second = recorder();
    expect(await adapter({ endpoint: cutting.url }).upload(REF, second.options)).toEqual(first);
    expect(second.seen.url).toBeUndefined();
    expect(cutting.bytesUp).toBeLessThan(PER_REQUEST_OVERHEAD);
    expect(await submissionCount()).toBe(1);
  });

  it('starts the package afresh when the platform got damaged bytes (hash-mismatch), and delivers', async () => {
    const corrupting = await startCorruptingProxy({ target: server.platform.url, corruptAt: [Math.floor(PACKAGE.byteLength / 2)] });
    proxy = corrupting;
    const { seen, options } = recorder();
    const urls: string[] = [];
    const receipt = await adapter({ endpoint: corrupting.url }).upload(REF, { ...options, onUploadUrl: (url) => (urls.push(url), options.onUploadUrl(url)) });
    expect(receipt.sha256).toBe(REF.sha256);
    expect(corrupting.corrupted).toBe(1);
    // The damaged upload was dropped by the platform; the second went from zero under a new URL.
    expect(urls).toHaveLength(2);
    expect(urls[1]).not.toBe(urls[0]);
    expect(corrupting.bodyBytes).toBe(2 * PACKAGE.byteLength);
    expect(seen.offsets.at(-1)).toBe(PACKAGE.byteLength);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('reports damage on the fresh upload too as the retryable hash-mismatch', async () => {
    const corrupting = await startCorruptingProxy({ target: server.platform.url, corruptAt: [100, PACKAGE.byteLength + 100] });
    proxy = corrupting;
    const error = await adapter({ endpoint: corrupting.url })
      .upload(REF, recorder().options)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PlatformRejection', code: 'hash-mismatch' });
    expect(isFinalRejection((error as PlatformRejection).code)).toBe(false);
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await server.storedPackages()).toEqual([]);
  });

  it('rejects a package whose upload metadata the platform refuses as final (bad-metadata), not as something to retry', async () => {
    const ref = { ...REF, submissionId: 'not-a-submission-id' };
    const error = await adapter()
      .upload(ref, recorder().options)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PlatformRejection', code: 'bad-metadata' });
    expect(isFinalRejection((error as PlatformRejection).code)).toBe(true);
  });

  it('answers the same package sent twice from scratch with the same receipt and keeps one copy', async () => {
    const first = await adapter().upload(REF, recorder().options);
    const second = await adapter().upload(REF, recorder().options);
    expect(second).toEqual(first);
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('treats a 503 from a gateway (no JSON body) as retryable, then delivers', async () => {
    proxy = await startCuttingProxy({ target: server.platform.url, unavailableConnections: 1 });
    const viaProxy = adapter({ endpoint: proxy.url });
    const error = await viaProxy.upload(REF, recorder().options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformRejection);
    expect((error as PlatformRejection).code).toBe('server-error');
    expect(isFinalRejection((error as PlatformRejection).code)).toBe(false);
    expect((error as PlatformRejection).message).toContain('503');
    expect((await viaProxy.upload(REF, recorder().options)).sha256).toBe(REF.sha256);
  });

  it('rejects a tampered package with the final invalid-package and the platform’s Chinese reason', async () => {
    const tampered = tamper((files) => {
      files['letter.pdf'] = new TextEncoder().encode('%PDF-1.7\n% changed after signing\n%%EOF\n');
    });
    const error = await adapter({ bytes: tampered })
      .upload(refOf(tampered, ID), recorder().options)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformRejection);
    expect(error).toMatchObject({ code: 'invalid-package' });
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await server.storedPackages()).toEqual([]);
  });

  it('rejects other bytes under an accepted id with conflict, and a wrong token with unauthorized', async () => {
    await adapter().upload(REF, recorder().options);
    const other = buildPackage(packageInput({ createdAt: new Date('2026-04-22T01:30:00.000Z') }));
    await expect(adapter({ bytes: other }).upload(refOf(other, ID), recorder().options)).rejects.toMatchObject({ name: 'PlatformRejection', code: 'conflict' });
    await expect(adapter({ token: 'wrong' }).upload(REF, recorder().options)).rejects.toMatchObject({ name: 'PlatformRejection', code: 'unauthorized' });
  });

  it('fails with NetworkError when nothing listens and UploadTimeoutError when nothing answers', async () => {
    await expect(adapter({ endpoint: await deadEndpoint() }).upload(REF, recorder().options)).rejects.toBeInstanceOf(NetworkError);
    const silent = await silentEndpoint();
    try {
      const error = await adapter({ endpoint: silent.url, requestTimeoutMs: 300 })
        .upload(REF, recorder().options)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UploadTimeoutError);
      expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await silent.close();
    }
  });
});

/** A loopback server closed after the test. */
async function startLoopbackServer(...args: Parameters<typeof loopbackServer>): Promise<LoopbackServer> {
  const one = await loopbackServer(...args);
  hostile.push(one);
  return one;
}

/** Forwards to this test's platform, closed after the test. */
async function startForwarder(intercept: Parameters<typeof forwarderTo>[1]): Promise<LoopbackServer> {
  const one = await forwarderTo(server.platform.url, intercept);
  hostile.push(one);
  return one;
}

/** Writes 16 KiB every few milliseconds until the client goes away: slow enough that a client reading it all fills its memory only gradually. */
function streamWithoutEnd(response: ServerResponse, status: number): { written: () => number } {
  let written = 0;
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.write('{"error":{"code":"server-error","message":"');
  const chunk = 'x'.repeat(16 * 1024);
  const timer = setInterval(() => {
    if (response.destroyed || response.writableEnded) return clearInterval(timer);
    response.write(chunk);
    written += chunk.length;
  }, 5);
  response.on('close', () => clearInterval(timer));
  return { written: () => written };
}

describe('TusPlatformClient against a platform that misbehaves', () => {
  it.each([
    [302, 'GET'],
    [307, 'GET'],
    [307, 'POST'],
    [308, 'PATCH'],
  ])('never follows a %d redirect of %s to another loopback port: the token never reaches it, and the failure says why in Chinese', async (status, method) => {
    const elsewhere = await startLoopbackServer((_request, response) => response.end('{}'));
    const redirecting = await startForwarder((request, response) => {
      if (request.method !== method) return false;
      response.writeHead(status, { Location: `${elsewhere.url}${request.url ?? '/'}` }).end();
      return true;
    });
    const error = await adapter({ endpoint: redirecting.url })
      .upload(REF, recorder().options)
      .catch((caught: unknown) => caught);
    expect(elsewhere.requests).toEqual([]);
    expect(redirecting.requests.some((request) => request.method === method)).toBe(true);
    expect(error).toMatchObject({ name: 'PlatformRejection', code: 'server-error' });
    expect((error as Error).message).toContain('不跟随转址');
    expect((error as Error).message).toContain(String(status));
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it('sends nothing to a plain-http address that is not loopback (one saved before https was required): probe false, upload refused as final naming the address', async () => {
    const old = adapter({ endpoint: 'http://platform.example.invalid' });
    expect(await old.probe()).toBe(false);
    const error = await old.upload(REF, recorder().options).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PlatformRejection', code: 'unauthorized' });
    expect(isFinalRejection((error as PlatformRejection).code)).toBe(true);
    expect((error as Error).message).toContain('平台地址“http://platform.example.invalid”须以 https:// 开头');
  });

  it('probes false on a redirect of the health route, without contacting where it points', async () => {
    const elsewhere = await startLoopbackServer((_request, response) => response.end(JSON.stringify({ status: 'ok', protocol: 'pledge-sync/1' })));
    const redirecting = await startLoopbackServer((request, response) => response.writeHead(302, { Location: `${elsewhere.url}${request.url ?? '/'}` }).end());
    expect(await adapter({ endpoint: redirecting.url }).probe()).toBe(false);
    expect(elsewhere.requests).toEqual([]);
  });

  it.each([
    ['a receipt (200)', 200],
    ['an error body (500)', 500],
  ])('stops reading %s that never ends at the cap and fails as a retryable server fault, in Chinese', async (_label, status) => {
    let stream: { written: () => number } | undefined;
    const endless = await startLoopbackServer((_request, response) => {
      stream = streamWithoutEnd(response, status);
    });
    const started = Date.now();
    const error = await adapter({ endpoint: endless.url, requestTimeoutMs: 20_000 })
      .upload(REF, recorder().options)
      .catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).toMatchObject({ name: 'PlatformRejection', code: 'server-error' });
    expect(isFinalRejection((error as PlatformRejection).code)).toBe(false);
    expect((error as Error).message).toContain(`超过 ${MAX_ANSWER_BYTES / 1024} KB`);
    // The server may still fill the socket's buffers, but the client stopped reading near the cap.
    expect(stream!.written()).toBeLessThan(8 * 1024 * 1024);
  });

  it('probes false quickly on a health answer that never ends', async () => {
    const endless = await startLoopbackServer((_request, response) => {
      streamWithoutEnd(response, 200);
    });
    const started = Date.now();
    expect(await adapter({ endpoint: endless.url, probeTimeoutMs: 20_000 }).probe()).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('caps the platform’s message and strips control and bidirectional characters before it becomes the rejection', async () => {
    const message = `报送包\u202e已接收\u202c\u2066未通过\u2069\u200f校验\u0000\u001b[2J\r\n原因：${'长'.repeat(20_000)}`;
    const refusing = await startLoopbackServer((_request, response) => {
      response.writeHead(422, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'invalid-package', message } }));
    });
    const error = await adapter({ endpoint: refusing.url })
      .upload(REF, recorder().options)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PlatformRejection', code: 'invalid-package' });
    const shown = (error as Error).message;
    expect(shown.startsWith('报送包已接收未通过校验[2J 原因：长长')).toBe(true);
    expect(shown).not.toMatch(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
    expect(Array.from(shown).length).toBeLessThanOrEqual(500);
  });

  it.each([
    [401, 'unauthorized', true],
    [403, 'forbidden', true],
    [404, 'not-found', false],
    [429, 'too-many-uploads', false],
    [500, 'server-error', false],
    [502, 'server-error', false],
    [507, 'insufficient-storage', false],
  ])('judges a bare %d (no error body, as a gateway sends) as %s, final: %s, as the protocol judges that code', async (status, code, final) => {
    const gateway = await startLoopbackServer((_request, response) => response.writeHead(status, { 'Content-Type': 'text/html' }).end('<html>gateway</html>'));
    const error = await adapter({ endpoint: gateway.url })
      .upload(REF, recorder().options)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PlatformRejection', code });
    expect(isFinalRejection((error as PlatformRejection).code)).toBe(final);
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    [403, 'forbidden', true],
    [507, 'insufficient-storage', false],
  ])('takes the platform’s own %d %s body with its finality', async (status, code, final) => {
    const platform = await startLoopbackServer((_request, response) => response.writeHead(status).end(JSON.stringify({ error: { code, message: '平台的说明' } })));
    const error = await adapter({ endpoint: platform.url })
      .upload(REF, recorder().options)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PlatformRejection', code, message: '平台的说明' });
    expect(isFinalRejection((error as PlatformRejection).code)).toBe(final);
  });
});
