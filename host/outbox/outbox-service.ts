import { createHash } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DesktopHandlers, ConnectionSettingsView } from '../../core/bridge/desktop-api';
import { t } from '../../core/i18n/translate';
import { createOutbox, type Outbox, type OutboxTimers } from '../../core/outbox/create-outbox';
import type { PackageRef } from '../../core/outbox/outbox-entry';
import type { Connection, ConnectionState, OutboxSnapshot, PackageOrigin, SubmissionDetails } from '../../core/outbox/outbox-item';
import type { ConnectionCheck } from '../../core/outbox/connection-check';
import { NetworkError, PlatformRejection, type PlatformClient } from '../../core/outbox/platform-client';
import type { RetryPolicy } from '../../core/outbox/retry-delay';
import { createPackageChecker } from '../../node/package-check/package-check';
import { parseEndpoint } from '../../core/protocol/endpoint';
import { makePrivate, makePrivateFolder, tightenDataFolder } from '../../node/files/private-files';
import { safeFileName } from '../files/safe-file-name';
import { openOutboxFolder } from './outbox-folder';
import { readConnectionSettings, writeConnectionSettings, type ConnectionSettings } from './connection-settings-file';
import type { TokenVault } from './token-vault';
import { TusPlatformClient, type TusPlatformClientOptions } from './tus-platform-client';
import { openPlatformKeyPins } from '../../node/receipts/platform-key-pins';
import { fetchPlatformDocument } from '../../node/receipts/fetch-platform-document';
import { platformDocumentUrl } from '../../core/protocol/platform-document';

/**
 * The outbox of the app, run by the main process (or the browser host's Node process): packages
 * and their state on disk under `<dataDir>/outbox`, the platform address in
 * `<dataDir>/sync/settings.json`, the token in the vault. The page sees it through the bridge
 * calls below and the `outbox.changed` event.
 */
export interface OutboxServiceOptions {
  readonly dataDir: string;
  readonly vault: TokenVault;
  /** Where to save an exported package, or null when the person cancelled. */
  readonly chooseSavePath: (suggestedName: string) => Promise<string | null>;
  readonly clock?: { now(): number };
  readonly timers?: OutboxTimers;
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  readonly probeRetry?: RetryPolicy;
  /** Chunk size and timeouts of the platform client. */
  readonly transfer?: Pick<TusPlatformClientOptions, 'chunkBytes' | 'requestTimeoutMs' | 'probeTimeoutMs'>;
  /** Told about files that cannot be read and saves that fail; nothing is deleted because of them. */
  readonly onError?: (error: unknown) => void;
}

export type OutboxCallName = 'outbox.getConnection' | 'outbox.saveConnection' | 'outbox.testConnection' | 'outbox.get' | 'outbox.add' | 'outbox.sendNow' | 'outbox.resend' | 'outbox.readPackage' | 'outbox.exportPackage' | 'outbox.networkHint' | 'outbox.trustPlatformKey';

export interface OutboxService {
  readonly handlers: Pick<DesktopHandlers, OutboxCallName>;
  /** Loads settings and saved submissions and starts sending; the handlers wait for it. */
  start(): Promise<void>;
  stop(): void;
  snapshot(): OutboxSnapshot;
  subscribe(listener: (snapshot: OutboxSnapshot) => void): () => void;
}

/** One per process, shared by every service: a package check runs on a worker thread, off the event loop. */
const packageChecker = createPackageChecker({ readPdfText: false });

export function createOutboxService(options: OutboxServiceOptions): OutboxService {
  const clock = options.clock ?? { now: () => Date.now() };
  const report = options.onError ?? (() => undefined);
  const settingsFile = join(options.dataDir, 'sync', 'settings.json');
  const folder = openOutboxFolder(join(options.dataDir, 'outbox'), (file, error) => report(new Error(`Unreadable outbox file ${file}: ${String(error)}`)));
  const details = new Map<string, SubmissionDetails>();
  // The platform's receipt key, pinned on first contact: every receipt is checked against the keys trusted here.
  const pins = openPlatformKeyPins(join(options.dataDir, 'sync', 'platform-keys.json'));
  const listeners = new Set<(snapshot: OutboxSnapshot) => void>();
  let settings: ConnectionSettings = {};
  let token: string | undefined;
  let client: TusPlatformClient | undefined;
  let connection: Connection = { state: 'not-configured' };
  /** Counts settings changes, so an upload knows whether it ran under the current ones. */
  let generation = 0;
  // Adds run one at a time, so two adds of one submission id cannot both pass the duplicate check.
  let adding: Promise<unknown> = Promise.resolve();

  const setConnection = (next: Connection) => {
    connection = next;
    notify();
  };

  /** Sends through whichever platform is configured at the moment of each call. */
  const network: PlatformClient = {
    async probe() {
      if (!client) {
        setConnection({ state: 'not-configured' });
        return false;
      }
      // The credential as well as the address: with a refused token the platform "answers" but takes nothing.
      const found = await client.check();
      const state = connectionStateOf(found);
      if (state === 'online') await observeKey();
      setConnection({ state, checkedAt: clock.now() });
      return state === 'online';
    },
    async upload(pkg, uploadOptions) {
      if (!client) throw new NetworkError(t('delivery.error.no-endpoint'));
      const startedWith = generation;
      try {
        const receipt = await client.upload(pkg, uploadOptions);
        // A receipt no trusted key proves: the platform's document says whether its key changed (a warning) or it was never pinned.
        if (receipt.signature !== undefined && pins.proof(receipt) !== 'verified') await observeKey().catch(report);
        return receipt;
      } catch (error) {
        // Refused under the address or token just replaced: the new settings get their own try.
        if (generation !== startedWith) throw new NetworkError(t('delivery.error.connection-changed'));
        throw error;
      }
    },
  };

  const outbox: Outbox = createOutbox({
    clock,
    timers: options.timers ?? { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    random: options.random ?? Math.random,
    network,
    storage: folder.storage,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.probeRetry ? { probeRetry: options.probeRetry } : {}),
    onError: report,
  });
  outbox.subscribe(() => notify());

  /** The bytes of a queued package, checked against the hash it was queued with: a damaged copy is never sent. */
  async function readPackage(pkg: PackageRef): Promise<Uint8Array> {
    // Final: sending again cannot mend a local copy; adding the same package again does (see add()).
    const bytes = await folder.readPackage(pkg.submissionId).catch((error: unknown) => {
      report(error);
      throw new PlatformRejection('invalid-package', t('outbox.error.damaged-copy'));
    });
    if (sha256(bytes) !== pkg.sha256) throw new PlatformRejection('invalid-package', t('outbox.error.damaged-copy'));
    return bytes;
  }

  function configure(): void {
    generation += 1;
    const endpoint = settings.endpoint;
    client = endpoint ? new TusPlatformClient({ endpoint, token, readPackage, ...options.transfer }) : undefined;
    connection = client ? { state: 'unknown' } : { state: 'not-configured' };
    notify();
  }

  /**
   * Reads the platform's well-known document at each successful probe: the key is pinned the first
   * time, and a different key later is a warning in every snapshot, never trusted by itself. A
   * platform without the document (404) signs nothing; one that cannot be read now is asked next time.
   */
  async function observeKey(): Promise<void> {
    const endpoint = settings.endpoint;
    if (endpoint === undefined) return;
    const answer = await fetchPlatformDocument(platformDocumentUrl(endpoint), options.transfer?.probeTimeoutMs);
    if (answer.kind !== 'document') return;
    await pins.observe(endpoint, answer.document, clock.now()).catch(report);
  }

  const settingsView = (): ConnectionSettingsView => ({ endpoint: settings.endpoint ?? null, hasToken: token !== undefined, tokenProtection: options.vault.protection });

  function snapshot(): OutboxSnapshot {
    return {
      items: outbox.list().map((entry) => {
        const found = details.get(entry.package.submissionId);
        const proof = entry.state.status === 'delivered' ? { proof: pins.proof(entry.state.receipt) } : {};
        return found ? { entry, details: found, ...proof } : { entry, ...proof };
      }),
      connection,
      ...(keyChange() ?? {}),
    };
  }

  function keyChange() {
    const change = settings.endpoint === undefined ? undefined : pins.change(settings.endpoint);
    return change ? { keyChange: change } : undefined;
  }

  function notify(): void {
    if (listeners.size === 0) return;
    const current = snapshot();
    for (const listener of listeners) listener(current);
  }

  async function add(bytes: Uint8Array, origin: PackageOrigin): Promise<{ ok: true; submissionId: string; duplicate: boolean } | { ok: false; message: string }> {
    // A letter's package or a progress report's, each verified by its own rules; anything else is refused.
    const verified = await packageChecker.checkAny(bytes);
    if (!verified.ok) return { ok: false, message: t('outbox.error.invalid-package', { reason: verified.reason }) };
    // The page says what it packed; the bytes decide. A report handed in as a letter (or the reverse) would be shown as what it is not.
    if (origin.kind === 'app' && verified.kind !== 'letter') return { ok: false, message: t('outbox.error.not-a-letter') };
    if (origin.kind === 'progress' && verified.kind !== 'progress') return { ok: false, message: t('outbox.error.not-a-report') };
    const { manifest } = verified;
    const ref: PackageRef = { submissionId: manifest.submissionId, sha256: sha256(bytes), size: bytes.byteLength };
    const existing = outbox.list().find((entry) => entry.package.submissionId === ref.submissionId);
    if (existing) {
      if (existing.package.sha256 !== ref.sha256) return { ok: false, message: t('outbox.error.other-bytes', { id: ref.submissionId }) };
      // The same package again is a chance to repair the copy kept here, should it be damaged or gone.
      const kept = await folder.readPackage(ref.submissionId).catch(() => undefined);
      if (kept === undefined || sha256(kept) !== ref.sha256) await folder.replacePackage(ref.submissionId, bytes);
      if (existing.state.status !== 'rejected') return { ok: true, submissionId: ref.submissionId, duplicate: true };
      // Packing or importing a refused submission again is the person asking to send it again.
      await outbox.resend(existing.package);
      return { ok: true, submissionId: ref.submissionId, duplicate: false };
    }
    const common = { unitName: manifest.unit.name, creditCode: manifest.unit.creditCode, year: manifest.year, createdAt: manifest.createdAt, origin, addedAt: clock.now() };
    const about: SubmissionDetails =
      verified.kind === 'letter'
        ? {
            ...common,
            ...(verified.manifest.supersedes ? { supersedes: verified.manifest.supersedes } : {}),
            ...(verified.letter.kind === 'person' ? { personName: verified.letter.person.name } : {}),
          }
        : {
            ...common,
            ...(verified.report.person ? { personName: verified.report.person.name } : {}),
            progress: { letterSubmissionId: verified.manifest.letterSubmissionId, period: verified.manifest.period },
          };
    // The package is on disk before it is queued: a queued entry always has its bytes.
    await folder.addPackage(ref.submissionId, bytes, about);
    details.set(ref.submissionId, about);
    await outbox.enqueue(ref);
    return { ok: true, submissionId: ref.submissionId, duplicate: false };
  }

  /** Queues packages whose entry was never written (the app stopped between keeping and queueing one). */
  async function requeueOrphans(): Promise<void> {
    const queued = new Set(outbox.list().map((entry) => entry.package.submissionId));
    for (const id of details.keys()) {
      if (queued.has(id)) continue;
      const bytes = await folder.readPackage(id).catch(() => undefined);
      if (bytes && (await packageChecker.checkAny(bytes)).ok) await outbox.enqueue({ submissionId: id, sha256: sha256(bytes), size: bytes.byteLength });
    }
  }

  /**
   * Probes now: through the outbox when something waits to go (it probes before it sends), and
   * directly otherwise, since the person wants to know whether the platform answers either way.
   */
  function checkNow(): void {
    if (outbox.list().some((entry) => entry.state.status === 'queued')) outbox.kick();
    else void network.probe();
  }

  let started: Promise<void> | undefined;
  const ready = () => started ?? Promise.reject(new Error('OutboxService: call start() first.'));

  const entryOf = (submissionId: string) => {
    const entry = outbox.list().find((e) => e.package.submissionId === submissionId);
    if (!entry) throw new Error(t('outbox.error.unknown-submission', { id: submissionId }));
    return entry;
  };

  return {
    start() {
      started ??= (async () => {
        // Both shells start the outbox first, on the data folder: the place to close what an earlier version left open.
        await tightenDataFolder(options.dataDir, report);
        await makePrivateFolder(join(options.dataDir, 'outbox'));
        settings = readConnectionSettings(settingsFile);
        token = await options.vault.read().catch((error: unknown) => {
          report(error);
          return undefined;
        });
        for (const [id, about] of await folder.loadDetails()) details.set(id, about);
        configure();
        await outbox.start();
        await requeueOrphans();
      })();
      return started;
    },
    stop: () => outbox.stop(),
    snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    handlers: {
      'outbox.getConnection': async () => {
        await ready();
        return settingsView();
      },
      'outbox.saveConnection': async (request) => {
        await ready();
        let endpoint: string | undefined;
        if (request.endpoint.trim() !== '') {
          const parsed = parseEndpoint(request.endpoint);
          if (!parsed.ok) return { ok: false, field: 'endpoint' as const, message: t('connection.save.bad-address', { reason: parsed.message }) };
          endpoint = parsed.url;
        }
        // A new token, or none (`clear`); absent keeps the one saved, but only for the platform it was given for.
        const given = request.token && ('set' in request.token ? request.token.set.trim() : undefined);
        if (given !== undefined && !TOKEN_CHARACTERS.test(given)) return { ok: false, field: 'token' as const, message: t('connection.save.bad-token') };
        const moved = platformOf(endpoint) !== platformOf(settings.endpoint);
        const next = request.token ? given : moved ? undefined : token;
        // A token is a secret between this unit and one platform: it never follows the address elsewhere
        // (a page that changed the address would get it with the next upload). Dropped before the address changes.
        if (moved && token !== undefined) {
          await options.vault.write(undefined);
          token = undefined;
        }
        settings = endpoint ? { endpoint } : {};
        await writeConnectionSettings(settingsFile, settings);
        if (next !== token) {
          await options.vault.write(next);
          token = next;
        }
        configure();
        // A refused token (unknown, or another unit's) is what the person just changed: those submissions go again, nothing else does.
        for (const entry of outbox.list()) {
          if (entry.state.status === 'rejected' && (entry.state.code === 'unauthorized' || entry.state.code === 'forbidden')) await outbox.resend(entry.package);
        }
        checkNow();
        return { ok: true, settings: settingsView() };
      },
      'outbox.testConnection': async (request) => {
        await ready();
        if (request.endpoint.trim() === '') return { result: 'bad-address' as const, message: t('connection.check.no-address') };
        const parsed = parseEndpoint(request.endpoint);
        if (!parsed.ok) return { result: 'bad-address' as const, message: parsed.message };
        // The saved token is tried only on the platform it was given for, as when saving.
        const given = request.token?.trim();
        const tested = given ? given : platformOf(parsed.url) === platformOf(settings.endpoint) ? token : undefined;
        const found = await new TusPlatformClient({ endpoint: parsed.url, token: tested, readPackage, ...options.transfer }).check();
        // A test of the settings in use is as good as a probe: the outbox's hints follow it.
        if (client && platformOf(settings.endpoint) === parsed.url && tested === token) setConnection({ state: connectionStateOf(found), checkedAt: clock.now() });
        return found;
      },
      'outbox.get': async () => {
        await ready();
        return snapshot();
      },
      'outbox.add': async ({ origin, base64 }) => {
        await ready();
        const run = adding.then(() => add(new Uint8Array(Buffer.from(base64, 'base64')), origin));
        adding = run.catch(() => undefined);
        return run;
      },
      'outbox.sendNow': async ({ submissionId }) => {
        await ready();
        entryOf(submissionId);
        // Asked first, so the person learns at once why nothing goes (no address, no network, a refused token).
        await network.probe().catch(() => false);
        const found = connection;
        await outbox.sendNow(submissionId);
        return { connection: found };
      },
      'outbox.resend': async ({ submissionId }) => {
        await ready();
        await outbox.resend(entryOf(submissionId).package);
        return {};
      },
      'outbox.readPackage': async ({ submissionId }) => {
        await ready();
        entryOf(submissionId);
        return { base64: Buffer.from(await folder.readPackage(submissionId)).toString('base64') };
      },
      'outbox.exportPackage': async ({ submissionId }) => {
        await ready();
        entryOf(submissionId);
        const about = details.get(submissionId);
        const unit = about?.unitName ?? '';
        const id = submissionId.slice(0, 8);
        const name = about?.progress
          ? t('outbox.export-progress-file-name', { unit, period: about.progress.period, id })
          : t('outbox.export-file-name', { unit, year: about?.year ?? '', id });
        const path = await options.chooseSavePath(safeFileName(name, '.zip'));
        if (path === null) return { saved: false };
        await makePrivateFolder(dirname(path));
        await copyFile(folder.packagePath(submissionId), path);
        await makePrivate(path);
        return { saved: true, path };
      },
      'outbox.trustPlatformKey': async ({ keyId }) => {
        await ready();
        const trusted = settings.endpoint !== undefined && (await pins.trustOffered(settings.endpoint, keyId, clock.now()));
        notify();
        return { trusted };
      },
      'outbox.networkHint': async () => {
        await ready();
        checkNow();
        return {};
      },
    },
  };
}

/** Only `online` lets the outbox send; a platform in trouble or at a wrong address counts as unreachable for now. */
function connectionStateOf(found: ConnectionCheck): ConnectionState {
  switch (found.result) {
    case 'ok':
      return 'online';
    case 'token-missing':
      return 'no-token';
    case 'token-refused':
      return 'unauthorized';
    default:
      return 'offline';
  }
}

/**
 * The platform an address names, however it was written: its origin and path (two platforms may
 * share a site under different paths). An address saved before https was required, which no longer
 * parses, reads as its origin.
 */
function platformOf(endpoint: string | undefined): string | undefined {
  if (endpoint === undefined) return undefined;
  const parsed = parseEndpoint(endpoint);
  return parsed.ok ? parsed.url : new URL(endpoint).origin;
}

/** What an HTTP header can carry as a bearer token (RFC 6750 allows less; the platform decides the rest). */
const TOKEN_CHARACTERS = /^[\x21-\x7e]{1,4096}$/;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
