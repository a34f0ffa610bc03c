import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterFromTemplate } from '../../../core/letter/templates';
import { buildPackage } from '../../../core/package/build-package';
import { verifyPackage, type PackageVerification } from '../../../core/package/verify-package';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import type { PackageCheckResponse } from '../../../node/package-check/package-check';
import { createPackageChecker } from '../../../node/package-check/package-check';
import { loadNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import { ErrorBodySchema, ReceiptSchema } from '../../../core/protocol/reference-protocol';
import { ID, OTHER_ID, packageInput } from '../../support/package-fixtures';
import { upload } from '../../support/platform-requests';
import { startTestPlatform, TOKEN } from '../../support/submission-fixtures';

const exec = promisify(execFile);

import { buildElectron } from '../../../scripts/build-electron.mjs';

async function renderedPdf(template: Parameters<typeof letterFromTemplate>[0]): Promise<Uint8Array> {
  const result = await renderLetterPdf(letterFromTemplate(template, { year: 2026 }), await loadNodeDocumentFonts());
  if (!result.ok) throw new Error('the template letter should render');
  return result.bytes;
}

/** A tiny loopback server: how long another request waits while a package is checked. */
let server: Server;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('pong'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function ping(): Promise<number> {
  const started = performance.now();
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a kept-alive one may time out on the server while the loop is held.
    request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * How long the event loop was held while `work` ran: the longest gap between ticks of a 10 ms
 * timer, and how long a loopback request sent as the work starts waited for its answer.
 */
async function stallDuring<T>(work: () => Promise<T>): Promise<{ result: T; worstGap: number; pingMs: number }> {
  let last = performance.now();
  let worstGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, 10);
  const pinged = ping();
  const result = await work();
  const pingMs = await pinged;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  return { result, worstGap, pingMs };
}

describe('createPackageChecker', { timeout: 120_000 }, () => {
  it('checks a package that inflates to 120 MB off the event loop: a loopback request meanwhile answers promptly', async () => {
    const pdf = new Uint8Array(120 * 1024 * 1024);
    pdf.set(strToU8('%PDF-1.7\n'));
    const big = buildPackage(packageInput({ pdf }));
    const checker = createPackageChecker({ readPdfText: false });
    try {
      await checker.check(buildPackage(packageInput())); // the thread starts once, not per package

      const threaded = await stallDuring(() => checker.check(big));
      expect(threaded.result.ok).toBe(true);
      // Copying the bytes for the thread is the only work left here; the machine may be busy too.
      expect(threaded.pingMs).toBeLessThan(500);
      expect(threaded.worstGap).toBeLessThan(500);

      // The same check on the event loop holds the request until it is done: what the thread prevents.
      const inline = await stallDuring(async () => verifyPackage(big));
      expect(inline.result.ok).toBe(true);
      expect(inline.pingMs).toBeGreaterThan(Math.max(1000, 3 * threaded.pingMs));
    } finally {
      await checker.close();
    }
  });

  it('gives back what verifyPackage gives, files included', async () => {
    const zip = buildPackage(packageInput());
    const checker = createPackageChecker({ readPdfText: false, maxThreads: 2 });
    try {
      const results = await Promise.all([checker.check(zip), checker.check(zip), checker.check(strToU8('not a zip'))]);
      expect(results[0]).toEqual(verifyPackage(zip));
      expect(results[1]).toEqual(verifyPackage(zip));
      expect(results[2]).toEqual({ ok: false, reason: '所选文件不是有效的报送包：无法按 ZIP 格式读取。' });
      // The caller's bytes are its own still: only a copy went to the thread.
      expect(zip.byteLength).toBeGreaterThan(0);
    } finally {
      await checker.close();
    }
    await expect(checker.check(zip)).rejects.toThrow(/closed/);
  });

  it('reads letter.pdf with pdf.js when asked, refusing the PDF of another letter and bytes that are no PDF', async () => {
    const own = await renderedPdf('service');
    const checker = createPackageChecker({ readPdfText: true });
    try {
      expect((await checker.check(buildPackage(packageInput({ pdf: own })))).ok).toBe(true);
      const other = await checker.check(buildPackage(packageInput({ pdf: await renderedPdf('policy') })));
      expect(other).toEqual({
        ok: false,
        reason: '报送包中的 letter.pdf 的文字与承诺书 letter.json 不一致（PDF 中为“发展和改革局2026年度”，按承诺书应为“政务服务中心2026年度”），不是这份承诺书的 PDF，已拒绝读取。',
      });
      const fake = await checker.check(buildPackage(packageInput({ pdf: strToU8('%PDF-1.7\nnothing else') })));
      expect(fake.ok).toBe(false);
      expect((fake as { reason: string }).reason).toMatch(/^报送包中的 letter\.pdf 无法作为 PDF 读取（.+），已拒绝读取。$/);
      // Without the reading, the same package passes: the comparison is what refuses it.
      const blind = createPackageChecker({ readPdfText: false });
      expect((await blind.check(buildPackage(packageInput({ pdf: await renderedPdf('policy') })))).ok).toBe(true);
      await blind.close();
    } finally {
      await checker.close();
    }
  });

  it('plugs into the platform as its verify option: the PDF of another letter is refused as invalid, the letter’s own gets a receipt', async () => {
    const checker = createPackageChecker({ readPdfText: true });
    const test = await startTestPlatform({ verify: (bytes) => checker.check(bytes) });
    try {
      const swapped = buildPackage(packageInput({ pdf: await renderedPdf('policy') }));
      const refused = await upload(test.platform.url, swapped, { submissionId: ID, token: TOKEN });
      expect(refused.status).toBe(422);
      const body = ErrorBodySchema.parse(await refused.json());
      expect(body.error.code).toBe('invalid-package');
      expect(body.error.message).toContain('不是这份承诺书的 PDF');

      const own = buildPackage(packageInput({ submissionId: OTHER_ID }));
      const accepted = await upload(test.platform.url, own, { submissionId: OTHER_ID, token: TOKEN });
      expect(accepted.status).toBe(200);
      expect(ReceiptSchema.parse(await accepted.json()).submissionId).toBe(OTHER_ID);
    } finally {
      await test.stop();
      await checker.close();
    }
  });

  it('runs under tsx, as npm run platform and npm run web do, although a worker does not inherit tsx', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pledge-tsx-'));
    try {
      const script = join(dir, 'check.mts');
      const zipFile = join(dir, 'package.zip');
      const checker = pathToFileURL(join(import.meta.dirname, '../../../node/package-check/package-check.ts')).href;
      await writeFile(script, `import { readFileSync } from 'node:fs';
import { createPackageChecker } from ${JSON.stringify(checker)};
const checker = createPackageChecker({ readPdfText: false });
const result = await checker.check(new Uint8Array(readFileSync(process.argv[2])));
console.log(JSON.stringify(result.ok ? { ok: true, id: result.manifest.submissionId } : result));
`);
      await writeFile(zipFile, buildPackage(packageInput()));
      const tsx = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
      const { stdout } = await exec(tsx, [script, zipFile]);
      expect(JSON.parse(stdout)).toEqual({ ok: true, id: ID });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs from the Electron build, where the worker is its own bundle beside main.cjs', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'pledge-electron-build-'));
    try {
      await buildElectron(outdir);
      const worker = new Worker(join(outdir, 'package-check-worker.cjs'));
      const zip = buildPackage(packageInput());
      const response = await new Promise<PackageCheckResponse>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, bytes: zip, readPdfText: false });
      });
      await worker.terminate();
      expect(response.id).toBe(7);
      expect(response.result).toEqual(verifyPackage(zip) satisfies PackageVerification);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
