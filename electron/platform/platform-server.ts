import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer, type Upload } from '@tus/server';
import { MAX_PACKAGE_BYTES } from '../../core/package/package-format';
import { t } from '../../core/i18n/translate';
import { ErrorBodySchema, PROTOCOL_VERSION, ROUTES, type ErrorBody } from '../../core/sync/reference-protocol';
import { acceptPackage, checkClaim, checkNotConflicting, decideByDigest, type Acceptance, type AcceptanceContext, type UploadClaim } from './accept-package';
import { moveDurablySync, sha256File, syncFile } from './durable-package';
import { refusalBody, tusError, type PlatformRefusal } from './platform-refusal';
import { createSemaphore } from './semaphore';
import { openSubmissionIndex, receiptOf, type SubmissionIndex } from './submission-index';

/**
 * The reference receiving platform (core/sync/reference-protocol.ts): tus uploads under
 * `/files/`, the package check and deduplication when an upload finishes, packages under
 * `<data>/packages/<submissionId>.zip` and their index in `<data>/index.sqlite`.
 */
export interface PlatformOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly host?: string;
  /** Without one, every route is open (tests, a platform on a private link). */
  readonly token?: string;
  /** Largest package accepted (tus `Tus-Max-Size`); the package format's own cap by default. */
  readonly maxBytes?: number;
  /**
   * Finished uploads checked at once; the others wait. Each check holds its package in memory,
   * so this times `maxBytes` bounds what many uploads finishing together can take.
   */
  readonly maxConcurrentVerifications?: number;
  /**
   * An unfinished upload is dropped this long after it was created (measured from creation, as
   * @tus/file-store does); swept at start and then at least every hour.
   */
  readonly uploadExpiryMs?: number;
  readonly now?: () => Date;
  /** Told when the check of a finished upload starts and ends, for operators' logs and tests. */
  readonly observe?: (event: PlatformEvent) => void;
}

export interface PlatformEvent {
  readonly type: 'verification-started' | 'verification-finished';
  readonly uploadId: string;
}

export const DEFAULT_MAX_CONCURRENT_VERIFICATIONS = 2;
export const DEFAULT_UPLOAD_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_EXPIRY_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface Platform {
  readonly url: string;
  close(): Promise<void>;
}

const UPLOADS_PATH = ROUTES.uploads.replace(/\/$/, '');
const RECEIPT_ROUTE = /^\/submissions\/([^/]+)\/receipt$/;

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const expiryMs = options.uploadExpiryMs ?? DEFAULT_UPLOAD_EXPIRY_MS;
  if (!(Number.isInteger(expiryMs) && expiryMs > 0)) throw new RangeError(`startPlatform: uploadExpiryMs must be a positive integer, got ${expiryMs}.`);
  const uploadsDir = join(options.dataDir, 'uploads');
  const packagesDir = join(options.dataDir, 'packages');
  await mkdir(uploadsDir, { recursive: true });
  await mkdir(packagesDir, { recursive: true });
  const index = openSubmissionIndex(join(options.dataDir, 'index.sqlite'));
  const tus = createTusServer({ ...options, uploadsDir, packagesDir, index });
  const isAuthorized = tokenCheck(options.token);

  // tus's expiration lives in a store of its own, used only to sweep: with expiration on the
  // serving store, @tus/server 2.4 re-reads a creation-with-upload after onUploadFinish, when
  // ours is already moved to packages/ or dropped, and answers 404 instead of the receipt.
  const expiry = new FileStore({ directory: uploadsDir, expirationPeriodInMilliseconds: expiryMs });
  // Uploads abandoned while the platform was down go before it takes new ones.
  await expiry.deleteExpired();

  const server: Server = createServer((req, res) => {
    // A malformed URL or escape must be a 400 for that request, never an exception that ends the process.
    try {
      route(req, res);
    } catch {
      if (!res.headersSent) sendRefusal(res, { status: 400, code: 'bad-request', message: t('platform.error.badRequest', { detail: 'URL' }) });
    }
  });
  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === ROUTES.health) return sendJson(res, 200, { status: 'ok', protocol: PROTOCOL_VERSION });
    if (!isAuthorized(req.headers.authorization)) return sendRefusal(res, { status: 401, code: 'unauthorized', message: t('platform.error.unauthorized') });
    if (path === UPLOADS_PATH || path.startsWith(ROUTES.uploads)) return void tus.handle(req, res);
    if (req.method !== 'GET') return sendRefusal(res, { status: 405, code: 'bad-request', message: t('platform.error.badRequest', { detail: `${req.method} ${path}` }) });
    if (path === ROUTES.submissions) return sendJson(res, 200, { submissions: index.list() });
    const receipt = RECEIPT_ROUTE.exec(path);
    const listing = receipt && index.find(decodeURIComponent(receipt[1]!));
    if (listing) return sendJson(res, 200, receiptOf(listing));
    const id = receipt ? decodeURIComponent(receipt[1]!) : path;
    sendRefusal(res, { status: 404, code: 'not-found', message: t('platform.error.notFound', { id }) });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const sweeper = setInterval(() => {
    // A sweep that fails (an upload finishing under it) is simply done again by the next one.
    expiry.deleteExpired().catch(() => undefined);
  }, Math.min(expiryMs, MAX_EXPIRY_SWEEP_INTERVAL_MS));
  sweeper.unref();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.close(() => {
          index.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

interface TusContext extends PlatformOptions {
  readonly uploadsDir: string;
  readonly packagesDir: string;
  readonly index: SubmissionIndex;
}

function createTusServer(context: TusContext): TusServer {
  const maxBytes = context.maxBytes ?? MAX_PACKAGE_BYTES;
  const store = new FileStore({ directory: context.uploadsDir });
  const now = context.now ?? (() => new Date());
  const verifying = createSemaphore(context.maxConcurrentVerifications ?? DEFAULT_MAX_CONCURRENT_VERIFICATIONS);

  /** The upload's own files go in every outcome: moved to packages/, or not kept at all. */
  const discard = async (upload: Upload, moved: boolean) => {
    if (moved) await store.configstore.delete(upload.id);
    else await store.remove(upload.id);
  };

  /** Reads the package into memory only when its digest leaves the decision open. */
  const judge = async (upload: Upload, claim: UploadClaim): Promise<Acceptance> => {
    const file = join(context.uploadsDir, upload.id);
    const sha256 = await sha256File(file);
    const decided = decideByDigest(context.index, claim, sha256);
    if (decided) return decided;
    const bytes = await readFile(file);
    // Flushed before it can be renamed into packages/, so no index row ever names a partial file.
    await syncFile(file);
    const acceptance: AcceptanceContext = {
      index: context.index,
      storePackage: (submissionId) => moveDurablySync(file, join(context.packagesDir, `${submissionId}.zip`)),
      now,
      newReceiptId: randomUUID,
    };
    return acceptPackage(acceptance, claim, { sha256, bytes });
  };

  return new TusServer({
    path: UPLOADS_PATH,
    datastore: store,
    maxSize: maxBytes,
    onUploadCreate: async (_req, upload) => {
      if (upload.sizeIsDeferred) throw tusError({ status: 400, code: 'bad-metadata', message: t('platform.error.lengthRequired') });
      const claim = checkClaim(upload.metadata);
      if (!claim.ok) throw tusError(claim.refusal);
      const conflict = checkNotConflicting(context.index, claim.claim);
      if (conflict) throw tusError(conflict);
      return {};
    },
    onUploadFinish: async (req, upload) => {
      const claim = checkClaim(upload.metadata);
      if (!claim.ok) {
        await discard(upload, false);
        throw tusError(claim.refusal);
      }
      const outcome = await verifying(async () => {
        context.observe?.({ type: 'verification-started', uploadId: upload.id });
        try {
          return await judge(upload, claim.claim);
        } finally {
          context.observe?.({ type: 'verification-finished', uploadId: upload.id });
        }
      });
      await discard(upload, outcome.ok && outcome.fresh);
      if (!outcome.ok) throw tusError(outcome.refusal);
      // A PATCH would answer 204, which cannot carry the receipt; a POST keeps its 201 and Location.
      return { ...(req.method === 'PATCH' ? { status_code: 200 } : {}), headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(outcome.receipt) };
    },
    onResponseError: (_req, error) => {
      const status = 'status_code' in error ? error.status_code : 500;
      const body = 'body' in error ? error.body : error.message;
      if (isErrorBody(body)) return { status_code: status, body };
      return { status_code: status, body: JSON.stringify(refusalBody(tusRefusal(status, body, maxBytes))) };
    },
  });
}

/** Words the refusals @tus/server makes itself (size, offsets, unknown uploads) in the protocol's terms. */
function tusRefusal(status: number, detail: string, maxBytes: number): PlatformRefusal {
  if (status === 413) return { status, code: 'too-large', message: t('platform.error.tooLarge', { max: maxBytes }) };
  if (status === 404 || status === 410) return { status, code: 'not-found', message: t('platform.error.uploadNotFound') };
  // An offset mismatch (409) is not the protocol's conflict: the client should ask HEAD and resume.
  if (status < 500) return { status, code: 'bad-request', message: t('platform.error.badRequest', { detail: detail.trim() }) };
  return { status, code: 'server-error', message: t('platform.error.server', { detail: detail.trim() }) };
}

function isErrorBody(body: string): boolean {
  try {
    return ErrorBodySchema.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
}

/** Compares digests so neither the token's length nor its content leaks through timing. */
function tokenCheck(token: string | undefined): (header: string | undefined) => boolean {
  if (token === undefined) return () => true;
  const expected = createHash('sha256').update(`Bearer ${token}`).digest();
  return (header) => header !== undefined && timingSafeEqual(createHash('sha256').update(header).digest(), expected);
}

function sendRefusal(res: ServerResponse, refusal: PlatformRefusal): void {
  sendJson(res, refusal.status, refusalBody(refusal) satisfies ErrorBody);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
