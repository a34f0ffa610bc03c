import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { t } from '../../core/i18n/translate';
import type { PackageRef } from '../../core/outbox/outbox-entry';
import { toUploadFailure, type UploadFailure } from '../../core/outbox/platform-client';
import { retryDelay, type RetryPolicy } from '../../core/outbox/retry-delay';
import { verifyPackage } from '../../core/package/verify-package';
import { isProgressPackage, verifyProgressPackage } from '../../core/progress/verify-progress-package';
import { parseEndpoint } from '../../core/protocol/endpoint';
import { isFinalRejection, type Receipt } from '../../core/protocol/reference-protocol';
import { TusPlatformClient } from '../../host/outbox/tus-platform-client';
import { defaultUploadStateFiles, UploadStateStore, type UploadState } from '../../host/outbox/upload-state-file';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';

/** A person waits at the terminal: short waits, unlike the app's outbox, which can wait minutes. */
export const CLI_RETRY_POLICY: RetryPolicy = { baseMs: 500, capMs: 10_000 };
export const DEFAULT_SEND_ATTEMPTS = 6;

/** What tests change: shorter waits, smaller chunks, a fixed random draw. */
export interface SendTuning {
  readonly retry?: RetryPolicy;
  readonly chunkBytes?: number;
  readonly requestTimeoutMs?: number;
  readonly random?: () => number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * `pledge send <pkg.zip> --endpoint <url> [--token <token>] [--retries N] [--state <file>]`:
 * verifies the package, delivers it and prints the receipt as JSON (exit 0). A final refusal
 * exits 1 with the platform's reason; a platform still unreachable after N attempts exits 3 and
 * keeps the state file, so running the command again resumes the upload rather than restarting it.
 * The state lives in the user's cache folder by default (see {@link defaultUploadStateFiles}), so
 * a package on read-only media resumes too; where nothing can be written it is kept in memory.
 */
export async function sendCommand(args: string[], io: CliIo, tuning: SendTuning = {}): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: { endpoint: { type: 'string' }, token: { type: 'string' }, retries: { type: 'string' }, state: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (file === undefined) throw new CliFailure(t('cli.missing-send-argument'), EXIT.unusable);
  if (positionals.length > 1) throw new CliFailure(t('cli.extra-argument', { option: positionals[1]! }), EXIT.unusable);
  const endpoint = endpointOption(values.endpoint);
  const attempts = parseAttempts(values.retries);
  const env = tuning.env ?? process.env;
  const token = values.token ?? env['PLEDGE_TOKEN'];

  const bytes = new Uint8Array(await readInputFile(file));
  // A progress report travels the same way as a letter, under its own submission id.
  const verified = isProgressPackage(bytes) ? verifyProgressPackage(bytes) : verifyPackage(bytes);
  if (!verified.ok) {
    io.stderr.write(`${t('cli.send-package-invalid', { file, reason: verified.reason })}\n`);
    return EXIT.invalid;
  }
  const pkg: PackageRef = { submissionId: verified.manifest.submissionId, sha256: sha256Hex(bytes), size: bytes.byteLength };
  const client = new TusPlatformClient({ endpoint, token, readPackage: async () => bytes, chunkBytes: tuning.chunkBytes, requestTimeoutMs: tuning.requestTimeoutMs });

  const store = new UploadStateStore(values.state === undefined ? defaultUploadStateFiles(pkg.sha256, env) : [values.state], (stateFile, reason) =>
    io.stderr.write(`${t('cli.send-progress-in-memory', { file: stateFile, reason })}\n`),
  );
  let state = store.read(pkg.sha256);
  const save = (next: UploadState) => {
    state = next;
    store.save(next);
  };
  let failure: UploadFailure | undefined;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    let receipt: Receipt;
    try {
      receipt = await client.upload(pkg, {
        ...(state ? { resumeUrl: state.uploadUrl, resumeOffset: state.offset } : {}),
        onUploadUrl: (uploadUrl) => save({ sha256: pkg.sha256, uploadUrl, offset: state?.uploadUrl === uploadUrl ? state.offset : 0 }),
        onProgress: (offset) => state && save({ ...state, offset }),
      });
    } catch (error) {
      failure = toUploadFailure(error);
      if (failure.kind === 'platform' && isFinalRejection(failure.code)) {
        store.remove();
        io.stderr.write(`${rejectionMessage(file, failure.code, failure.message, token !== undefined)}\n`);
        return EXIT.invalid;
      }
      if (attempt === attempts) break;
      const delay = retryDelay(attempt, (tuning.random ?? Math.random)(), tuning.retry ?? CLI_RETRY_POLICY);
      io.stderr.write(`${t('cli.send-retrying', { attempt, reason: failure.message, seconds: (delay / 1000).toFixed(1) })}\n`);
      await sleep(delay);
      continue;
    }
    store.remove();
    io.stdout.write(`${JSON.stringify(receipt, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stderr.write(`${t(store.inMemoryOnly ? 'cli.send-unreachable-unsaved' : 'cli.send-unreachable', { attempts, file, reason: failure?.message ?? '' })}\n`);
  return EXIT.unreachable;
}

/** The platform's words about a token point to the app's settings; here the token comes from the command line. */
function rejectionMessage(file: string, code: string, reason: string, tokenGiven: boolean): string {
  if (code === 'unauthorized') return t(tokenGiven ? 'cli.token-refused' : 'cli.token-missing', { file });
  if (code === 'forbidden') return t('cli.token-forbidden', { file, reason });
  return t('cli.send-rejected', { file, reason });
}

function endpointOption(value: string | undefined): string {
  if (value === undefined) throw new CliFailure(t('cli.missing-endpoint'), EXIT.unusable);
  const parsed = parseEndpoint(value);
  if (!parsed.ok) throw new CliFailure(parsed.message, EXIT.unusable);
  return parsed.url;
}

function parseAttempts(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SEND_ATTEMPTS;
  const attempts = Number(value);
  if (!/^\d+$/.test(value) || attempts < 1 || attempts > 100) throw new CliFailure(t('cli.bad-retries', { value }), EXIT.unusable);
  return attempts;
}
