import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { letterFromTemplate } from '../../core/letter/templates';
import { PlatformRejection, type UploadOptions } from '../../core/outbox/platform-client';
import { buildPackage } from '../../core/package/build-package';
import type { DocumentFonts } from '../../core/pdf/document-fonts';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { isFinalRejection, type Receipt } from '../../core/protocol/reference-protocol';
import { createOutboxService } from '../../host/outbox/outbox-service';
import { fileTokenVault } from '../../host/outbox/token-vault';
import { TusPlatformClient } from '../../host/outbox/tus-platform-client';
import { loadNodeDocumentFonts } from '../../node/fonts/node-document-fonts';
import { startCuttingProxy } from '../support/cutting-proxy';
import { refOf, startTestPlatform, TOKEN } from '../support/submission-fixtures';

/**
 * Issue 5 point 8, over loopback against the reference platform started in-process:
 * the wire ratio of a ~5 MB package sent through a proxy that cuts the link at every quarter,
 * for our resuming sender and for a sender that restarts from zero; and the time to drain an
 * outbox of 50 small packages. Figures only: nothing here fails on a slow machine.
 */
const BIG_PACKAGE_BYTES = 5 * 1024 * 1024;
const SCANNED_PAGES = 2;
const DRAIN_PACKAGES = 50;
const DRAIN_MIN_BYTES = 50 * 1024;
const DRAIN_MAX_BYTES = 200 * 1024;
/** A sender that never gets through is a bug, not a slow machine: stop instead of looping forever. */
const MAX_ATTEMPTS = 50;
const DRAIN_TIMEOUT_MS = 5 * 60_000;

export interface WireRun {
  /** Client→server bytes through the proxy (request lines, headers and bodies), every attempt. */
  readonly bytesUp: number;
  /** Server→client bytes through the proxy. */
  readonly bytesDown: number;
  readonly attempts: number;
  readonly cuts: number;
  /** bytesUp ÷ package size. */
  readonly ratio: number;
  /** Packages the platform stored under packages/ (one expected) and submissions it lists (one expected). */
  readonly storedCopies: number;
  readonly listedSubmissions: number;
  readonly receiptMatches: boolean;
}

export interface SyncBenchmark {
  readonly packageBytes: number;
  readonly pdfBytes: number;
  readonly resuming: WireRun;
  readonly restarting: WireRun;
  readonly drain: { readonly packages: number; readonly totalBytes: number; readonly ms: number; readonly perSecond: number };
}

/** Bytes that open like a JPEG and are incompressible, as a photographed or scanned page is. */
function scannedPage(bytes: number): Uint8Array {
  const page = new Uint8Array(bytes);
  page.set(randomBytes(bytes));
  page.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  return page;
}

async function renderedLetterPdf(fonts: DocumentFonts): Promise<Uint8Array> {
  const result = await renderLetterPdf(letterFromTemplate('service', { year: 2026 }), fonts);
  if (!result.ok) throw new Error(`delivery benchmark: the template letter does not render: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.bytes;
}

function letterPackage(pdf: Uint8Array, scanBytes: readonly number[], submissionId: string): Uint8Array {
  return buildPackage({
    letter: letterFromTemplate('service', { year: 2026 }),
    pdf,
    signed: scanBytes.map((bytes, i) => ({ name: `扫描件第${i + 1}页.jpg`, bytes: scannedPage(bytes) })),
    submissionId,
    createdAt: new Date(),
  });
}

/**
 * One ~5 MB package through the cutting proxy until delivered, against a fresh platform.
 * `resume`: each attempt passes the upload URL of the last one (the adapter asks HEAD where the
 * server stands); otherwise each attempt is a new upload from byte zero.
 */
async function sendThroughCuts(bytes: Uint8Array, submissionId: string, cutAt: readonly number[], resume: boolean): Promise<WireRun> {
  const server = await startTestPlatform();
  const proxy = await startCuttingProxy({ target: server.platform.url, cutAt });
  try {
    const ref = refOf(bytes, submissionId);
    const adapter = new TusPlatformClient({ endpoint: proxy.url, token: TOKEN, readPackage: async () => bytes });
    let resumeUrl: string | undefined;
    let receipt: Receipt | undefined;
    let attempts = 0;
    while (receipt === undefined) {
      attempts += 1;
      if (attempts > MAX_ATTEMPTS) throw new Error(`delivery benchmark: not delivered after ${MAX_ATTEMPTS} attempts`);
      const options: UploadOptions = {
        ...(resume && resumeUrl !== undefined ? { resumeUrl, resumeOffset: 0 } : {}),
        onUploadUrl: (url) => {
          resumeUrl = url;
        },
        onProgress: () => undefined,
      };
      try {
        receipt = await adapter.upload(ref, options);
      } catch (error) {
        if (error instanceof PlatformRejection && isFinalRejection(error.code)) throw error;
      }
    }
    const listing = await fetch(new URL('/submissions', server.platform.url), { headers: { Authorization: `Bearer ${TOKEN}` } });
    const listed = ((await listing.json()) as { submissions: unknown[] }).submissions.length;
    const stored = await server.storedPackages();
    if (stored.some((name) => name !== `${submissionId}.zip`)) throw new Error(`delivery benchmark: the platform stored ${stored.join(', ')}`);
    return {
      bytesUp: proxy.bytesUp,
      bytesDown: proxy.bytesDown,
      attempts,
      cuts: proxy.cuts,
      ratio: proxy.bytesUp / bytes.byteLength,
      storedCopies: stored.length,
      listedSubmissions: listed,
      receiptMatches: receipt.submissionId === submissionId && receipt.sha256 === ref.sha256,
    };
  } finally {
    await proxy.close();
    await server.stop();
  }
}

/**
 * 50 packages of 50–200 KB added to the app's outbox as the host runs it (the outbox
 * service: durable files under a data folder, real clock, timers and randomness), sent straight
 * to the platform. Timed from the first add to the last receipt, so the adds' verification and
 * writes count too.
 */
async function drainOutbox(pdf: Uint8Array): Promise<SyncBenchmark['drain']> {
  const packages: Uint8Array[] = [];
  for (let i = 0; i < DRAIN_PACKAGES; i += 1) {
    const target = DRAIN_MIN_BYTES + Math.round(((DRAIN_MAX_BYTES - DRAIN_MIN_BYTES) * i) / (DRAIN_PACKAGES - 1));
    packages.push(letterPackage(pdf, [Math.max(1024, target - pdf.byteLength - 4096)], randomUUID()));
  }
  const totalBytes = packages.reduce((sum, bytes) => sum + bytes.byteLength, 0);

  const server = await startTestPlatform();
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-bench-outbox-'));
  const outbox = createOutboxService({ dataDir, vault: fileTokenVault(join(dataDir, 'sync', 'token')), chooseSavePath: async () => null });
  try {
    await outbox.start();
    await outbox.handlers['outbox.saveConnection']({ endpoint: server.platform.url, token: { set: TOKEN } });
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const drained = new Promise<void>((resolve, reject) => {
      timeout = setTimeout(() => reject(new Error(`delivery benchmark: outbox not drained after ${DRAIN_TIMEOUT_MS / 1000} s`)), DRAIN_TIMEOUT_MS);
      outbox.subscribe(({ items }) => {
        const rejected = items.find((item) => item.entry.state.status === 'rejected');
        if (rejected) reject(new Error(`delivery benchmark: ${rejected.entry.package.submissionId} was rejected: ${JSON.stringify(rejected.entry.state)}`));
        if (items.length === DRAIN_PACKAGES && items.every((item) => item.entry.state.status === 'delivered')) resolve();
      });
    });
    const start = performance.now();
    for (const bytes of packages) {
      const added = await outbox.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'bench' }, base64: Buffer.from(bytes).toString('base64') });
      if (!added.ok) throw new Error(`delivery benchmark: a package was not added: ${added.message}`);
    }
    await drained.finally(() => clearTimeout(timeout));
    const ms = performance.now() - start;
    const stored = await server.storedPackages();
    if (stored.length !== DRAIN_PACKAGES) throw new Error(`delivery benchmark: the platform stored ${stored.length} packages, expected ${DRAIN_PACKAGES}`);
    return { packages: DRAIN_PACKAGES, totalBytes, ms, perSecond: DRAIN_PACKAGES / (ms / 1000) };
  } finally {
    outbox.stop();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Cuts: the proxy counts client→server bytes over all connections and cuts at the totals given.
 * Resuming sender: at every quarter of the package size crossing the wire (q, 2q, 3q, 4q, …),
 * which it reaches four times, the last just before it finishes. A restarting sender under the
 * same totals would never finish (each attempt gets q bytes through), so it is cut when it has
 * got a quarter, a half and three quarters of the package through its current attempt
 * (totals q, q+2q, 3q+3q): 0.25 + 0.5 + 0.75 + 1 = 2.5 packages in all.
 */
export async function measureSync(fonts?: DocumentFonts): Promise<SyncBenchmark> {
  const pdf = await renderedLetterPdf(fonts ?? (await loadNodeDocumentFonts()));
  const pageBytes = Math.floor((BIG_PACKAGE_BYTES - pdf.byteLength - 8 * 1024) / SCANNED_PAGES);
  const submissionId = randomUUID();
  const big = letterPackage(pdf, Array.from({ length: SCANNED_PAGES }, () => pageBytes), submissionId);
  const q = Math.floor(big.byteLength / 4);

  const resuming = await sendThroughCuts(
    big,
    submissionId,
    Array.from({ length: 4 * MAX_ATTEMPTS }, (_, i) => (i + 1) * q),
    true,
  );
  const restarting = await sendThroughCuts(big, submissionId, [q, 3 * q, 6 * q], false);
  const drain = await drainOutbox(pdf);
  return { packageBytes: big.byteLength, pdfBytes: pdf.byteLength, resuming, restarting, drain };
}

/** Prints the figures in the style of bench.ts. */
export function printSync(result: SyncBenchmark): void {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  const line = (label: string, run: WireRun) =>
    console.log(
      `      ${label.padEnd(34)} ${run.ratio.toFixed(3)}  (${mb(run.bytesUp)} up, ${mb(run.bytesDown)} down; ${run.cuts} cuts, ${run.attempts} attempts; ` +
        `server: ${run.storedCopies} stored, ${run.listedSubmissions} listed, receipt ${run.receiptMatches ? 'matches' : 'DOES NOT MATCH'})`,
    );
  console.log(`\ndelivery over loopback, ${mb(result.packageBytes)} package (rendered letter PDF ${(result.pdfBytes / 1024).toFixed(0)} KB + ${SCANNED_PAGES} scanned pages), link cut at every quarter:`);
  console.log(`      wire ratio = client→server bytes through the proxy (headers included) ÷ package size`);
  line('ours (resumes via HEAD):', result.resuming);
  console.log(`      ${''.padEnd(34)} (target ≤ 1.10)`);
  line('restart from zero (peer):', result.restarting);
  console.log(`      ${''.padEnd(34)} (expected ≈ 2.5)`);
  const d = result.drain;
  console.log(
    `      outbox drain (the app’s outbox: verify, durable files, send): ${d.packages} packages (${mb(d.totalBytes)}, 50–200 KB each) to delivered in ${(d.ms / 1000).toFixed(2)} s, ${d.perSecond.toFixed(1)} packages/s`,
  );
}
