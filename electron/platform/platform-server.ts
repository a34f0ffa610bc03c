import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { renameSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer, type Upload } from '@tus/server';
import { MAX_PACKAGE_BYTES } from '../../core/package/package-format';
import { t } from '../../core/i18n/translate';
import { ErrorBodySchema, PROTOCOL_VERSION, ROUTES, type ErrorBody } from '../../core/sync/reference-protocol';
import { acceptPackage, checkClaim, checkNotConflicting, type AcceptanceContext } from './accept-package';
import { refusalBody, tusError, type PlatformRefusal } from './platform-refusal';
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
  readonly now?: () => Date;
}

export interface Platform {
  readonly url: string;
  close(): Promise<void>;
}

const UPLOADS_PATH = ROUTES.uploads.replace(/\/$/, '');
const RECEIPT_ROUTE = /^\/submissions\/([^/]+)\/receipt$/;

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const uploadsDir = join(options.dataDir, 'uploads');
  const packagesDir = join(options.dataDir, 'packages');
  await mkdir(uploadsDir, { recursive: true });
  await mkdir(packagesDir, { recursive: true });
  const index = openSubmissionIndex(join(options.dataDir, 'index.sqlite'));
  const tus = createTusServer({ ...options, uploadsDir, packagesDir, index });
  const isAuthorized = tokenCheck(options.token);

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
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
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

  /** The upload's own files go in every outcome: moved to packages/, or not kept at all. */
  const discard = async (upload: Upload, moved: boolean) => {
    if (moved) await store.configstore.delete(upload.id);
    else await store.remove(upload.id);
  };

  return new TusServer({
    path: UPLOADS_PATH,
    datastore: store,
    maxSize: maxBytes,
    onUploadCreate: async (_req, upload) => {
      if (upload.sizeIsDeferred) throw tusError({ status: 400, code: 'bad-request', message: t('platform.error.lengthRequired') });
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
      const bytes = await readFile(join(context.uploadsDir, upload.id));
      const acceptance: AcceptanceContext = {
        index: context.index,
        storePackage: (submissionId) => renameSync(join(context.uploadsDir, upload.id), join(context.packagesDir, `${submissionId}.zip`)),
        now,
        newReceiptId: randomUUID,
      };
      const outcome = acceptPackage(acceptance, claim.claim, bytes);
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
