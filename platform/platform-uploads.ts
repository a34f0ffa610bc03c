import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer, type Upload } from '@tus/server';
import { t } from './i18n/translate';
import type { PackageVerification } from '../core/package/verify-package';
import { ErrorBodySchema } from '../core/protocol/reference-protocol';
import { moveDurablySync, syncFile, syncFolderSync } from '../node/files/durable-file';
import { PRIVATE_FOLDER_MODE } from '../node/files/private-files';
import { storedProgressFile } from './packages/stored-package';
import { acceptPackage, checkClaim, checkCreation, decideByDigest, type Acceptance, type UploadClaim } from './accept-package';
import { isProgressPackage } from '../core/progress/verify-progress-package';
import { acceptProgress } from './accept-progress';
import type { Caller } from './credentials';
import { refusalBody, tusError, type PlatformRefusal } from './platform-refusal';
import { createSemaphore } from './semaphore';
import { sha256File } from './sha256-file';
import type { ReceiptContext } from './receipts/issue-receipt';
import type { PlatformStore } from './store/platform-store';
import { listUploads, newUploadId, OWNER_KEY } from './upload-folder';

/**
 * The tus side of the platform: @tus/server over its file store in `<data>/uploads/`, with the
 * claim checked at creation, the per-credential caps, and the package check when an upload
 * finishes. The HTTP routing in front of it (platform-server.ts) has authenticated the caller,
 * checked the upload id's shape and its owner, and hands the caller over with {@link UploadRoutes.handle}.
 */
export interface UploadContext {
  readonly uploadsDir: string;
  readonly packagesDir: string;
  readonly store: Pick<PlatformStore, 'submissions' | 'progress'>;
  readonly receipts: ReceiptContext;
  readonly maxBytes: number;
  readonly maxUnfinishedUploads: number;
  readonly maxUnfinishedBytes: number;
  readonly maxConcurrentVerifications: number;
  readonly verify: (bytes: Uint8Array) => Promise<PackageVerification>;
  readonly now: () => Date;
  readonly observe?: (event: { readonly type: 'verification-started' | 'verification-finished'; readonly uploadId: string }) => void;
  /** Where the details of a 500 go; the client only gets a generic message. */
  readonly log: (line: string) => void;
  /** The platform's base path (http/base-path.ts), which the upload URLs it answers begin with. */
  readonly basePath: string;
  /** Whether the upload URLs take scheme and host from a proxy's `Forwarded` / `X-Forwarded-*` headers. */
  readonly trustProxy: boolean;
}

export interface UploadRoutes {
  handle(req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void>;
  /** Uploads being checked now, which no sweep may touch. */
  readonly busy: ReadonlySet<string>;
}

/** Who owns an upload, as stamped into its metadata at creation. */
export const ownerOf = (caller: Caller): string => (caller.kind === 'open' ? 'open' : String(caller.id));

/**
 * The file store, with creation serialised behind the per-credential caps so two uploads created
 * at once cannot both slip under them. No termination: an office cannot delete an upload, and
 * nobody else can name it.
 */
class CappedFileStore extends FileStore {
  private readonly serial = createSemaphore(1);

  constructor(
    directory: string,
    private readonly admit: (upload: Upload) => Promise<void>,
  ) {
    super({ directory });
    this.extensions = this.extensions.filter((extension) => extension !== 'termination');
  }

  override create(upload: Upload): Promise<Upload> {
    return this.serial(async () => {
      await this.admit(upload);
      return super.create(upload);
    });
  }
}

export function createUploadRoutes(context: UploadContext): UploadRoutes {
  const callers = new WeakMap<IncomingMessage, Caller>();
  const busy = new Set<string>();
  const verifying = createSemaphore(context.maxConcurrentVerifications);

  /** The caller the router authenticated for this request; srvx wraps Node's request and keeps it. */
  const callerOf = (req: unknown): Caller => {
    const node = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
    const caller = node && callers.get(node);
    if (!caller) throw new Error('platform: a tus request reached the store without an authenticated caller');
    return caller;
  };

  const admit = async (upload: Upload): Promise<void> => {
    const owner = upload.metadata?.[OWNER_KEY];
    const mine = (await listUploads(context.uploadsDir)).filter((other) => other.owner === owner);
    const bytes = mine.reduce((sum, other) => sum + other.size, upload.size ?? 0);
    if (mine.length >= context.maxUnfinishedUploads || bytes > context.maxUnfinishedBytes) {
      throw tusError({ status: 429, code: 'too-many-uploads', message: t('platform.error.tooManyUploads', { count: context.maxUnfinishedUploads, bytes: context.maxUnfinishedBytes }) });
    }
  };
  const store = new CappedFileStore(context.uploadsDir, admit);

  /** The upload's own files go in every outcome: moved to packages/, or not kept at all. */
  const discard = async (upload: Upload, moved: boolean) => {
    if (moved) await store.configstore.delete(upload.id);
    else await store.remove(upload.id);
  };

  /** Reads the package into memory only when its digest leaves the decision open. */
  const judge = async (upload: Upload, caller: Caller, claim: UploadClaim): Promise<Acceptance> => {
    const file = join(context.uploadsDir, upload.id);
    const sha256 = await sha256File(file);
    const decided = await decideByDigest(context.store, context.receipts, caller, claim, sha256);
    if (decided) return decided;
    const bytes = await readFile(file);
    // Flushed before it can be renamed into packages/, so no index row ever names a partial file.
    await syncFile(file);
    // One upload route for both kinds, so a client sends a progress package as it sends a letter's.
    const accept = isProgressPackage(bytes) ? acceptProgress : acceptPackage;
    return accept(
      {
        submissions: context.store.submissions,
        progress: context.store.progress,
        receipts: context.receipts,
        verify: context.verify,
        // Synchronous: the store runs it inside the transaction that records the submission.
        storePackage: (submissionId) => moveDurablySync(file, join(context.packagesDir, `${submissionId}.zip`)),
        storeProgressPackage: (submissionId) => moveIntoNewFolder(file, storedProgressFile(context.packagesDir, submissionId)),
        now: context.now,
        newReceiptId: randomUUID,
      },
      caller,
      claim,
      { sha256, bytes },
    );
  };

  const tus = new TusServer({
    // The request reaches tus with the base path removed (http/base-path.ts mountAt), which matters
    // not: it takes the upload id from the URL's last segment, and this path only for the Location.
    path: `${context.basePath}/files`,
    // Behind a TLS-terminating proxy the Location must be the public https URL; a header any client
    // can send is believed only when the operator says a proxy in front sets it.
    respectForwardedHeaders: context.trustProxy,
    datastore: store,
    maxSize: context.maxBytes,
    namingFunction: newUploadId,
    // @tus/server answers `Access-Control-Allow-Origin: *` (or the caller's Origin) by default: no web page is to read these answers.
    allowedOrigins: () => false,
    onUploadCreate: async (req, upload) => {
      if (upload.sizeIsDeferred) throw tusError({ status: 400, code: 'bad-metadata', message: t('platform.error.lengthRequired') });
      const claim = checkClaim(upload.metadata);
      if (!claim.ok) throw tusError(claim.refusal);
      const caller = callerOf(req);
      const refusal = await checkCreation(context.store, caller, claim.claim);
      if (refusal) throw tusError(refusal);
      // Set here, over anything the client sent under that key: the upload is the creator's alone.
      return { metadata: { ...upload.metadata, [OWNER_KEY]: ownerOf(caller) } };
    },
    onUploadFinish: async (req, upload) => {
      const claim = checkClaim(upload.metadata);
      if (!claim.ok) {
        await discard(upload, false);
        throw tusError(claim.refusal);
      }
      const caller = callerOf(req);
      busy.add(upload.id);
      try {
        const outcome = await verifying(async () => {
          context.observe?.({ type: 'verification-started', uploadId: upload.id });
          try {
            return await judge(upload, caller, claim.claim);
          } finally {
            context.observe?.({ type: 'verification-finished', uploadId: upload.id });
          }
        });
        await discard(upload, outcome.ok && outcome.fresh);
        if (!outcome.ok) throw tusError(outcome.refusal);
        // A PATCH would answer 204, which cannot carry the receipt; a POST keeps its 201 and Location.
        return { ...(req.method === 'PATCH' ? { status_code: 200 } : {}), headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(outcome.receipt) };
      } finally {
        busy.delete(upload.id);
      }
    },
    onResponseError: (_req, error) => {
      const status = 'status_code' in error ? error.status_code : 500;
      const body = 'body' in error ? error.body : error.message;
      if (isErrorBody(body)) return { status_code: status, body };
      if (status >= 500) context.log(`platform: upload failed with ${status}: ${error instanceof Error ? (error.stack ?? error.message) : body}`);
      return { status_code: status, body: JSON.stringify(refusalBody(tusRefusal(status, body, context.maxBytes))) };
    },
  });

  return {
    busy,
    async handle(req, res, caller) {
      callers.set(req, caller);
      await tus.handle(req, res);
    },
  };
}

/** {@link moveDurablySync} into a folder made on first use, whose own entry is flushed too so the file's path survives a crash. */
function moveIntoNewFolder(from: string, to: string): void {
  const folder = dirname(to);
  if (mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE }) !== undefined) syncFolderSync(dirname(folder));
  moveDurablySync(from, to);
}

/** Words the refusals @tus/server makes itself (size, offsets, unknown uploads) in the protocol's terms. */
function tusRefusal(status: number, detail: string, maxBytes: number): PlatformRefusal {
  if (status === 413) return { status, code: 'too-large', message: t('platform.error.tooLarge', { max: maxBytes }) };
  if (status === 404 || status === 410) return { status, code: 'not-found', message: t('platform.error.uploadNotFound') };
  // An offset mismatch (409) is not the protocol's conflict: the client should ask HEAD and resume.
  if (status < 500) return { status, code: 'bad-request', message: t('platform.error.badRequest', { detail: detail.trim() }) };
  return { status, code: 'server-error', message: t('platform.error.server') };
}

function isErrorBody(body: string): boolean {
  try {
    return ErrorBodySchema.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
}
