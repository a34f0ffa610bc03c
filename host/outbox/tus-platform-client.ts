import { t } from '../../core/i18n/translate';
import { NetworkError, PlatformRejection, UploadTimeoutError, type PlatformClient, type UploadOptions } from '../../core/outbox/platform-client';
import type { PackageRef } from '../../core/outbox/outbox-entry';
import { parseEndpoint, platformUrl } from '../../core/protocol/endpoint';
import { sanitizePlatformMessage } from '../../core/protocol/platform-message';
import type { ConnectionCheck } from '../../core/outbox/connection-check';
import { CredentialInfoSchema, ErrorBodySchema, HealthSchema, ReceiptSchema, ROUTES, UPLOAD_METADATA, type Receipt } from '../../core/protocol/reference-protocol';
import { errorText } from '../../core/errors/error-text';

/**
 * The client side of the reference protocol (core/protocol/reference-protocol.ts) over Node's fetch.
 *
 * Why not tus-js-client: the protocol answers the receipt in the body of the finishing PATCH, and
 * a finished upload disappears (HEAD 404), after which the receipt is fetched by submission id;
 * tus-js-client would start a fresh upload on that 404 and resend every byte, and it has no
 * per-request timeout. What is left of tus here (POST, HEAD, PATCH with offsets) is small.
 */
export interface TusPlatformClientOptions {
  /** Base URL of the platform, e.g. `https://platform.example.gov.cn` or `https://credit.example.gov.cn/pledge`: every route goes under its path. */
  readonly endpoint: string;
  readonly token?: string;
  /** Finds the bytes of a package; the outbox only passes references. */
  readonly readPackage: (pkg: PackageRef) => Promise<Uint8Array>;
  /** Bytes per PATCH: what a cut can cost at most. */
  readonly chunkBytes?: number;
  /** How long one request (one chunk) may take before it counts as lost. */
  readonly requestTimeoutMs?: number;
  readonly probeTimeoutMs?: number;
}

export const DEFAULT_CHUNK_BYTES = 256 * 1024;
/** 256 KiB at 8 KiB/s, a weak mobile link, takes 32 s: a minute leaves room. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

const TUS_VERSION = { 'Tus-Resumable': '1.0.0' } as const;
/**
 * Most bytes read of one answer. A receipt or an error body is well under 1 KB; the cap is there
 * so a platform (or whatever answers in its place) that streams without end cannot fill memory.
 */
export const MAX_ANSWER_BYTES = 64 * 1024;
/** The health answer is a few dozen bytes, and a probe runs often. */
export const MAX_HEALTH_BYTES = 4 * 1024;
/** How much of a redirect's `Location` a message repeats. */
const LOCATION_MAX_CHARS = 200;
/** Offset mismatches in a row before giving up on this attempt; each one is answered by a HEAD. */
const MAX_OFFSET_MISMATCHES = 3;

interface RequestOptions {
  readonly headers?: Record<string, string>;
  readonly body?: Uint8Array<ArrayBuffer>;
  readonly timeoutMs: number;
  /** The health route needs no token, and a probe should not carry one where it is not needed. */
  readonly withToken?: boolean;
  readonly maxBytes?: number;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export class TusPlatformClient implements PlatformClient {
  /** The platform's base with its trailing slash (`https://credit.example.gov.cn/pledge/`): routes, upload URLs and the token stay under it. */
  private readonly endpoint: string;
  private readonly chunkBytes: number;
  private readonly requestTimeoutMs: number;
  private readonly probeTimeoutMs: number;
  /** Why the endpoint may not be used, when it may not (an address saved before https was required). */
  private readonly endpointRefusal: string | undefined;

  constructor(private readonly options: TusPlatformClientOptions) {
    this.endpoint = platformUrl(new URL(options.endpoint).toString(), '/');
    const parsed = parseEndpoint(options.endpoint);
    this.endpointRefusal = parsed.ok ? undefined : parsed.message;
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    if (!Number.isInteger(this.chunkBytes) || this.chunkBytes < 1) throw new RangeError(`TusPlatformClient: chunkBytes must be a positive integer, got ${this.chunkBytes}.`);
  }

  async probe(): Promise<boolean> {
    try {
      const answer = await this.request('GET', ROUTES.health, { timeoutMs: this.probeTimeoutMs, withToken: false, maxBytes: MAX_HEALTH_BYTES });
      return answer.status === 200 && HealthSchema.safeParse(JSON.parse(answer.text)).success;
    } catch {
      return false;
    }
  }

  /**
   * Checks the address, then the credential, without sending anything of a package: the health
   * route, then `GET /credential` with the token. A platform that predates the credential route
   * (404) is taken as reachable with an unverified token.
   */
  async check(): Promise<ConnectionCheck> {
    if (this.endpointRefusal !== undefined) return { result: 'bad-address', message: this.endpointRefusal };
    const quick = { timeoutMs: this.probeTimeoutMs, maxBytes: MAX_HEALTH_BYTES };
    const health = await this.checkRequest(ROUTES.health, { ...quick, withToken: false });
    if ('result' in health) return health;
    if (health.status !== 200 || !HealthSchema.safeParse(parseJson(health.text)).success) {
      return { result: 'not-platform', message: t('connection.check.not-platform-detail', { detail: `HTTP ${health.status}` }) };
    }
    const answer = await this.checkRequest(ROUTES.credential, quick);
    if ('result' in answer) return answer;
    if (answer.status === 200) {
      const credential = CredentialInfoSchema.safeParse(parseJson(answer.text));
      return credential.success ? { result: 'ok', credential: credential.data } : { result: 'ok' };
    }
    if (answer.status === 404) return { result: 'ok' };
    const rejection = rejectionOf(answer);
    if (rejection.code === 'unauthorized') return this.options.token === undefined ? { result: 'token-missing' } : { result: 'token-refused', message: rejection.message };
    return { result: 'platform-error', message: rejection.message };
  }

  /** A request of {@link check}: its answer, or what its failure says about the address. */
  private async checkRequest(path: string, options: RequestOptions): Promise<Answer | ConnectionCheck> {
    try {
      return await this.request('GET', path, options);
    } catch (error) {
      const message = errorText(error);
      // A redirect or an endless answer is something else at that address, not a network fault.
      return error instanceof PlatformRejection ? { result: 'not-platform', message } : { result: 'unreachable', message };
    }
  }

  async upload(pkg: PackageRef, options: UploadOptions): Promise<Receipt> {
    const bytes = await this.options.readPackage(pkg);
    if (bytes.byteLength !== pkg.size) throw new Error(`TusPlatformClient: package ${pkg.submissionId} has ${bytes.byteLength} bytes, the reference says ${pkg.size}.`);
    try {
      return await this.send(pkg, bytes, options, options.resumeUrl);
    } catch (error) {
      if (!(error instanceof PlatformRejection && error.code === 'hash-mismatch')) throw error;
      // The platform got other bytes than we sent and dropped the upload: damaged on the way, so
      // one fresh upload right away is likely to get through. A second mismatch goes to the outbox.
      return this.send(pkg, bytes, options, undefined);
    }
  }

  private async send(pkg: PackageRef, bytes: Uint8Array, options: UploadOptions, resumeUrl: string | undefined): Promise<Receipt> {
    let url: string | undefined;
    let offset = 0;
    // A saved URL of another platform is never followed: it would carry this platform's token there.
    if (resumeUrl !== undefined && this.isOwnUrl(resumeUrl)) {
      const resumed = await this.resume(pkg, resumeUrl);
      if ('receipt' in resumed) return resumed.receipt;
      if (resumed.offset !== undefined) {
        url = resumeUrl;
        offset = resumed.offset;
        options.onUploadUrl(url);
        options.onProgress(offset);
      }
    }
    if (url === undefined) {
      // The platform may hold this package already (sent from another desk, or before our saved
      // state was lost): its receipt then costs one GET instead of every byte again.
      const held = await this.receiptFor(pkg);
      if (held) return held;
      url = await this.create(pkg);
      // Saved before any byte leaves, so a cut during the first chunk can still resume.
      options.onUploadUrl(url);
    }

    let mismatches = 0;
    for (;;) {
      const end = Math.min(offset + this.chunkBytes, bytes.byteLength);
      const answer = await this.request('PATCH', url, {
        headers: { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
        // A copy, typed as fetch wants it; a chunk is small.
        body: bytes.slice(offset, end),
        timeoutMs: this.requestTimeoutMs,
      });
      if (answer.status === 204) {
        // 204 means the chunk was taken; a missing or malformed offset header must not derail the loop.
        const reported = Number(answer.headers.get('upload-offset') ?? end);
        offset = Number.isInteger(reported) && reported > offset && reported <= bytes.byteLength ? reported : end;
        mismatches = 0;
        options.onProgress(offset);
        continue;
      }
      if (answer.status === 200 || answer.status === 201) {
        options.onProgress(bytes.byteLength);
        return parseReceipt(answer.text);
      }
      const rejection = rejectionOf(answer);
      if (rejection.code === 'not-found') {
        // The upload finished with an answer we never saw, or it expired: the receipt says which.
        const receipt = await this.receiptFor(pkg);
        if (!receipt) throw rejection;
        return receipt;
      }
      if (answer.status === 409 && rejection.code === 'bad-request' && mismatches < MAX_OFFSET_MISMATCHES) {
        // Our offset is not the server's (an earlier chunk arrived after all): ask and go on from there.
        mismatches += 1;
        const head = await this.resume(pkg, url);
        if ('receipt' in head) return head.receipt;
        if (head.offset === undefined) throw rejection;
        offset = head.offset;
        options.onProgress(offset);
        continue;
      }
      throw rejection;
    }
  }

  /** HEAD on an earlier upload: its offset, the receipt when it already finished, or nothing when it cannot be used. */
  private async resume(pkg: PackageRef, url: string): Promise<{ offset: number | undefined } | { receipt: Receipt }> {
    const answer = await this.request('HEAD', url, { timeoutMs: this.requestTimeoutMs });
    if (answer.status === 200) {
      const offset = Number(answer.headers.get('upload-offset'));
      const length = Number(answer.headers.get('upload-length'));
      const usable = Number.isInteger(offset) && offset >= 0 && length === pkg.size;
      return { offset: usable ? offset : undefined };
    }
    if (answer.status === 404 || answer.status === 410) {
      const receipt = await this.fetchReceipt(pkg.submissionId);
      return receipt && receipt.sha256 === pkg.sha256 ? { receipt } : { offset: undefined };
    }
    throw rejectionOf(answer);
  }

  private async create(pkg: PackageRef): Promise<string> {
    const metadata = {
      [UPLOAD_METADATA.filename]: `${pkg.submissionId}.zip`,
      [UPLOAD_METADATA.submissionId]: pkg.submissionId,
      [UPLOAD_METADATA.sha256]: pkg.sha256,
    };
    const answer = await this.request('POST', ROUTES.uploads, {
      headers: { 'Upload-Length': String(pkg.size), 'Upload-Metadata': encodeMetadata(metadata) },
      timeoutMs: this.requestTimeoutMs,
    });
    const location = answer.headers.get('location');
    if (answer.status !== 201 || location === null) throw rejectionOf(answer);
    const url = new URL(location, this.endpoint).toString();
    if (!this.isOwnUrl(url)) throw new PlatformRejection('bad-request', t('delivery.error.foreignLocation', { location: sanitizePlatformMessage(location, LOCATION_MAX_CHARS) }));
    return url;
  }

  /**
   * Whether a URL is on the configured platform, the only place the token may go: same origin and
   * under its path (another application at the same site is not the platform).
   */
  private isOwnUrl(url: string): boolean {
    try {
      const own = new URL(this.endpoint);
      const other = new URL(url, own);
      return other.origin === own.origin && other.pathname.startsWith(own.pathname);
    } catch {
      return false;
    }
  }

  /** The platform's receipt for this package, if it has one; a receipt for other bytes under this id is someone else's delivery. */
  private async receiptFor(pkg: PackageRef): Promise<Receipt | undefined> {
    const receipt = await this.fetchReceipt(pkg.submissionId);
    if (receipt && receipt.sha256 !== pkg.sha256) throw new PlatformRejection('conflict', t('delivery.error.receiptForOtherBytes', { id: pkg.submissionId }));
    return receipt;
  }

  private async fetchReceipt(submissionId: string): Promise<Receipt | undefined> {
    const answer = await this.request('GET', ROUTES.receipt(submissionId), { timeoutMs: this.requestTimeoutMs });
    if (answer.status === 200) return parseReceipt(answer.text);
    if (answer.status === 404) return undefined;
    throw rejectionOf(answer);
  }

  /**
   * One request, its body read up to a cap; every way it can fail becomes one of the outbox's
   * errors. Redirects are never followed: the token and the package go to the configured
   * platform or nowhere, and a platform that redirects has to be given its real address.
   */
  private async request(method: string, route: string, options: RequestOptions): Promise<Answer> {
    const { headers = {}, body, timeoutMs, withToken = true, maxBytes = MAX_ANSWER_BYTES } = options;
    // Final until the settings change, which is what sends a refused package again; nothing, the token least, goes out before.
    if (this.endpointRefusal !== undefined) throw new PlatformRejection('unauthorized', this.endpointRefusal);
    // A route of the protocol goes under the platform's path; an upload URL the platform gave is used as given.
    const url = new URL(route.startsWith('/') ? platformUrl(this.endpoint, route) : route);
    const what = `${method} ${url.pathname}`;
    const auth: Record<string, string> = this.options.token === undefined || !withToken ? {} : { Authorization: `Bearer ${this.options.token}` };
    let response: Response;
    try {
      response = await fetch(url, { method, headers: { ...TUS_VERSION, ...auth, ...headers }, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw transportError(error, what, timeoutMs);
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = sanitizePlatformMessage(response.headers.get('location') ?? '', LOCATION_MAX_CHARS);
      throw new PlatformRejection('server-error', t('delivery.error.redirect', { what, status: response.status, location: location === '' ? '' : ` → ${location}` }));
    }
    let text: string | undefined;
    try {
      text = await readCapped(response, maxBytes);
    } catch (error) {
      throw transportError(error, what, timeoutMs);
    }
    if (text === undefined) throw new PlatformRejection('server-error', t('delivery.error.answerTooLong', { what, kilobytes: Math.round(maxBytes / 1024) }));
    return { status: response.status, headers: response.headers, text };
  }
}

/** The body as text, or `undefined` once it passes `maxBytes` (the rest is never read, and the connection is dropped). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (response.body === null) return '';
  const declared = Number(response.headers.get('content-length'));
  const reader = response.body.getReader();
  if (declared > maxBytes) {
    await reader.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseReceipt(text: string): Receipt {
  const receipt = ReceiptSchema.safeParse(parseJson(text));
  if (!receipt.success) throw new PlatformRejection('server-error', t('delivery.error.badReceipt'));
  return receipt.data;
}

/**
 * An error answer as a {@link PlatformRejection}; tus routes may send `ErrorBody` without a JSON
 * content type, so the body is read regardless. The platform's message is stored and shown, so
 * it is capped and cleaned first; without a usable body the status decides, with the same
 * finality the protocol gives its codes (403 final, 429 and 507 passing).
 */
function rejectionOf(answer: Answer): PlatformRejection {
  const detail = `HTTP ${answer.status}`;
  try {
    const body = ErrorBodySchema.safeParse(JSON.parse(answer.text));
    if (body.success) return new PlatformRejection(body.data.error.code, sanitizePlatformMessage(body.data.error.message) || t('delivery.error.unexpected', { detail }));
  } catch {
    // Not JSON: a proxy or gateway answered; judge by the status alone.
  }
  switch (answer.status) {
    case 401:
      return new PlatformRejection('unauthorized', t('delivery.error.unauthorized'));
    case 403:
      return new PlatformRejection('forbidden', t('delivery.error.forbidden', { detail }));
    case 404:
      return new PlatformRejection('not-found', t('delivery.error.unexpected', { detail }));
    case 429:
      return new PlatformRejection('too-many-uploads', t('delivery.error.server', { detail }));
    case 507:
      return new PlatformRejection('insufficient-storage', t('delivery.error.server', { detail }));
    default:
      return new PlatformRejection(answer.status >= 500 ? 'server-error' : 'bad-request', t(answer.status >= 500 ? 'delivery.error.server' : 'delivery.error.unexpected', { detail }));
  }
}

function transportError(error: unknown, what: string, timeoutMs: number): Error {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return new UploadTimeoutError(t('delivery.error.timeout', { what, seconds: Math.round(timeoutMs / 100) / 10 }));
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const reason = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : String(error);
  return new NetworkError(t('delivery.error.network', { what, reason }));
}
