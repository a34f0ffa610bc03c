import { statfsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MAX_PACKAGE_BYTES } from '../core/package/package-format';
import type { PackageVerification } from '../core/package/verify-package';
import { t } from './i18n/translate';
import { isLoopbackAddress } from '../node/loopback-address';
import { PROTOCOL_VERSION, ROUTES, type CredentialInfo } from '../core/protocol/reference-protocol';
import { findAccepted, verifyInProcess, visibleTo } from './accept-package';
import type { Caller } from './credentials';
import { mountAt, parseBasePath } from './http/base-path';
import { PLATFORM_ROUTES } from './http/platform-routes';
import type { RouteContext } from './http/route-context';
import type { PlatformIdentity } from './identity/platform-identity';
import type { PlatformRefusal } from './platform-refusal';
import { sendJson, sendRefusal } from './http/json-response';
import { createUploadRoutes, ownerOf } from './platform-uploads';
import { storedPackages } from './packages/stored-package';
import { storedReports } from './packages/stored-progress';
import { issueReceipt } from './receipts/issue-receipt';
import { openReceiptKey } from './identity/receipt-key';
import { openStore } from './store/open-store';
import { isUploadId, readUploadInfo, sweepUploads } from './upload-folder';

/**
 * The receiving platform (core/protocol/reference-protocol.ts): tus uploads under `/files/`, the
 * package check and deduplication when an upload finishes, packages under
 * `<data>/packages/<submissionId>.zip`, everything else in its store (SQLite in
 * `<data>/index.sqlite`, or PostgreSQL), and the routes of http/platform-routes.ts.
 */
export interface PlatformOptions {
  readonly dataDir: string;
  /** A PostgreSQL connection string; the data folder's SQLite file when absent. */
  readonly database?: string;
  /** The receiving office: it begins every 承诺编码 and is named in every receipt. */
  readonly identity: PlatformIdentity;
  readonly port: number;
  readonly host?: string;
  /**
   * The path the platform is served under (`/pledge` for `https://credit.example.gov.cn/pledge/`,
   * http/base-path.ts); requests outside it get 404. The root by default.
   */
  readonly basePath?: string;
  /**
   * Believe `Forwarded` / `X-Forwarded-Proto` / `X-Forwarded-Host` when making upload URLs: only
   * behind a proxy that sets them itself (a TLS-terminating one), since any client can send them.
   */
  readonly trustProxy?: boolean;
  /**
   * Trial mode: nobody is asked for a token and every caller may do everything. Loopback only;
   * otherwise every route but `/health` needs a token issued with `token issue` (credentials.ts).
   */
  readonly open?: boolean;
  /** Largest package accepted (tus `Tus-Max-Size`); the package format's own cap by default. */
  readonly maxBytes?: number;
  /**
   * Finished uploads checked at once; the others wait. Each check holds its package in memory,
   * so this times `maxBytes` bounds what many uploads finishing together can take.
   */
  readonly maxConcurrentVerifications?: number;
  /**
   * An unfinished upload is dropped after this long without a byte arriving; swept at start and
   * then at least every hour, with the orphaned halves of uploads.
   */
  readonly uploadExpiryMs?: number;
  /** Unfinished uploads one credential may hold at once, and their declared bytes in all. */
  readonly maxUnfinishedUploads?: number;
  readonly maxUnfinishedBytes?: number;
  /** Free space the data folder's disk keeps: below it uploads get 507 and `/health` says `storage: 'low'`. */
  readonly minFreeBytes?: number;
  /** The package check; in this thread by default. */
  readonly verify?: (bytes: Uint8Array) => Promise<PackageVerification>;
  readonly now?: () => Date;
  /** Told when the check of a finished upload starts and ends, for operators' logs and tests. */
  readonly observe?: (event: PlatformEvent) => void;
  /** The operator's log, where the details of internal errors go (standard error by default). */
  readonly log?: (line: string) => void;
}

export interface PlatformEvent {
  readonly type: 'verification-started' | 'verification-finished';
  readonly uploadId: string;
}

export const DEFAULT_MAX_CONCURRENT_VERIFICATIONS = 2;
export const DEFAULT_UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_UNFINISHED_UPLOADS = 8;
/** Per credential: twice the largest package, so one upload and a fresh start of it fit. */
export const DEFAULT_MAX_UNFINISHED_BYTES_FACTOR = 2;
export const DEFAULT_MIN_FREE_BYTES = 512 * 1024 * 1024;
const MAX_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** How old a lone half of an upload must be before a sweep while running drops it: the store writes the two halves one after the other. */
const MAX_ORPHAN_GRACE_MS = 10 * 60 * 1000;
/**
 * The same at start: another instance on the same data folder may be writing the second half of
 * an upload right now, so only halves left a while ago (by a crash before the restart) go.
 */
const STARTUP_ORPHAN_GRACE_MS = 60 * 1000;

export interface Platform {
  readonly url: string;
  close(): Promise<void>;
}

const UPLOADS_PATH = ROUTES.uploads.replace(/\/$/, '');
const RECEIPT_ROUTE = /^\/submissions\/([^/]+)\/receipt$/;

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const expiryMs = options.uploadExpiryMs ?? DEFAULT_UPLOAD_EXPIRY_MS;
  if (!(Number.isInteger(expiryMs) && expiryMs > 0)) throw new RangeError(`startPlatform: uploadExpiryMs must be a positive integer, got ${expiryMs}.`);
  const host = options.host ?? '127.0.0.1';
  if (options.open && !isLoopbackAddress(host)) throw new RangeError(t('platform.cli.openBeyondLoopback', { host }));
  const maxBytes = options.maxBytes ?? MAX_PACKAGE_BYTES;
  const basePath = parseBasePath(options.basePath);
  const minFreeBytes = options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
  const log = options.log ?? ((line: string) => console.error(line));
  const uploadsDir = join(options.dataDir, 'uploads');
  const packagesDir = join(options.dataDir, 'packages');
  await mkdir(uploadsDir, { recursive: true });
  await mkdir(packagesDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const store = await openStore({ dataDir: options.dataDir, ...(options.database === undefined ? {} : { database: options.database }) }, now);
  // Made now if the folder has none, so the first receipt and the well-known document agree from the start.
  const receipts = { identity: options.identity, signingKey: await openReceiptKey(options.dataDir) };
  const context: RouteContext = { store, dataDir: options.dataDir, packagesDir, packages: storedPackages(packagesDir), reports: storedReports(packagesDir), identity: options.identity, basePath, now, log };
  const uploads = createUploadRoutes({
    uploadsDir,
    packagesDir,
    store,
    receipts,
    maxBytes,
    maxUnfinishedUploads: options.maxUnfinishedUploads ?? DEFAULT_MAX_UNFINISHED_UPLOADS,
    maxUnfinishedBytes: options.maxUnfinishedBytes ?? DEFAULT_MAX_UNFINISHED_BYTES_FACTOR * maxBytes,
    maxConcurrentVerifications: options.maxConcurrentVerifications ?? DEFAULT_MAX_CONCURRENT_VERIFICATIONS,
    verify: options.verify ?? verifyInProcess,
    now,
    log,
    basePath,
    trustProxy: options.trustProxy === true,
    ...(options.observe ? { observe: options.observe } : {}),
  });

  const sweep = (orphanGraceMs: number) => sweepUploads(uploadsDir, { idleMs: expiryMs, orphanGraceMs, busy: uploads.busy, now: Date.now() });
  // Uploads abandoned or half written while the platform was down go before it takes new ones.
  await sweep(Math.min(expiryMs, STARTUP_ORPHAN_GRACE_MS));

  /** Whether the disk would keep less than the reserve after `incoming` more bytes; synchronous for the reason readUploadInfo is. */
  const storageLow = (incoming: number): boolean => {
    const { bavail, bsize } = statfsSync(options.dataDir);
    return bavail * bsize - incoming < minFreeBytes;
  };

  /**
   * Resolved without a turn of the event loop on SQLite (see readUploadInfo for why that matters
   * to uploads); on PostgreSQL a cut connection may lose the bytes that arrived during the lookup,
   * which the client's next attempt sends again.
   */
  const authenticate = async (header: string | undefined): Promise<Caller | undefined> => {
    if (options.open) return { kind: 'open' };
    const token = /^Bearer ([\x21-\x7e]+)$/.exec(header ?? '')?.[1];
    return token === undefined ? undefined : store.credentials.authenticate(token);
  };

  const route = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === ROUTES.health) return sendJson(res, 200, { status: 'ok', protocol: PROTOCOL_VERSION, storage: storageLow(0) ? 'low' : 'ok' });
    for (const platformRoute of PLATFORM_ROUTES) if (await platformRoute(req, res, path, context)) return;
    const caller = await authenticate(req.headers.authorization);
    if (!caller) return sendRefusal(res, { status: 401, code: 'unauthorized', message: t('platform.error.unauthorized') });
    if (path === UPLOADS_PATH || path.startsWith(ROUTES.uploads)) return uploadRoute(req, res, path, caller);
    if (req.method !== 'GET') return sendRefusal(res, notAllowed(req, path));
    if (path === ROUTES.submissions) return sendJson(res, 200, { submissions: await store.submissions.list(caller.kind === 'unit' ? { creditCode: caller.unitCode } : {}) });
    if (path === ROUTES.credential) return sendJson(res, 200, credentialInfo(caller));
    const receipt = RECEIPT_ROUTE.exec(path);
    const id = receipt ? decodeURIComponent(receipt[1]!) : path;
    // A progress report's receipt too: a client asks for it by id before it sends, as for a letter.
    const listing = receipt ? await findAccepted(store, id) : undefined;
    // Another unit's submission is answered as one that does not exist, so ids do not leak.
    if (listing && visibleTo(caller, listing)) return sendJson(res, 200, issueReceipt(listing, receipts));
    sendRefusal(res, { status: 404, code: 'not-found', message: t('platform.error.notFound', { id }) });
  };

  /** No await before @tus/server has the request (see readUploadInfo). */
  const uploadRoute = (req: IncomingMessage, res: ServerResponse, path: string, caller: Caller): Promise<void> | void => {
    if (req.method === 'DELETE') return sendRefusal(res, notAllowed(req, path));
    if (req.method !== 'POST' && req.method !== 'OPTIONS') {
      // Checked before the store is asked: only names the platform gave, and only the creator's.
      const id = path.slice(ROUTES.uploads.length);
      const info = isUploadId(id) ? readUploadInfo(uploadsDir, id) : undefined;
      if (!info || info.owner !== ownerOf(caller)) return sendRefusal(res, { status: 404, code: 'not-found', message: t('platform.error.uploadNotFound') });
    }
    if (req.method === 'POST' || req.method === 'PATCH') {
      const declared = req.method === 'POST' ? Number(req.headers['upload-length']) : 0;
      if (storageLow(Number.isSafeInteger(declared) && declared > 0 ? declared : 0)) {
        return sendRefusal(res, { status: 507, code: 'insufficient-storage', message: t('platform.error.insufficientStorage') });
      }
    }
    return uploads.handle(req, res, caller);
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    let path: string;
    // A malformed URL or escape must be a 400 for that request, never an exception that ends the process.
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return sendRefusal(res, { status: 400, code: 'bad-request', message: t('platform.error.badRequest', { detail: 'URL' }) });
    }
    route(req, res, path).catch((error: unknown) => {
      if (error instanceof URIError) {
        if (!res.headersSent) sendRefusal(res, { status: 400, code: 'bad-request', message: t('platform.error.badRequest', { detail: 'URL' }) });
        return;
      }
      log(`platform: ${req.method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendRefusal(res, { status: 500, code: 'server-error', message: t('platform.error.server') });
      else res.destroy();
    });
  };
  const server: Server = createServer(mountAt(basePath, handleRequest));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const sweeper = setInterval(
    () => {
      // A sweep that fails (an upload finishing under it) is simply done again by the next one.
      sweep(Math.min(expiryMs, MAX_ORPHAN_GRACE_MS)).catch((error: unknown) => log(`platform: sweeping uploads failed: ${String(error)}`));
    },
    Math.min(expiryMs, MAX_SWEEP_INTERVAL_MS),
  );
  sweeper.unref();
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${shownHost}:${address.port}${basePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.close(() => void store.close().then(resolve, resolve));
        server.closeAllConnections();
      }),
  };
}

/** The caller's own identity and nothing else: no other unit's name or code is ever answered. */
function credentialInfo(caller: Caller): CredentialInfo {
  const name = caller.kind !== 'open' && caller.name !== undefined ? { name: caller.name } : {};
  if (caller.kind === 'unit') return { kind: 'unit', creditCode: caller.unitCode, ...name };
  return caller.kind === 'operator' ? { kind: 'operator', ...name } : { kind: 'open' };
}

const notAllowed = (req: IncomingMessage, path: string): PlatformRefusal => ({ status: 405, code: 'bad-request', message: t('platform.error.badRequest', { detail: `${req.method} ${path}` }) });
