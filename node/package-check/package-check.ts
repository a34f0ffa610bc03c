import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { t } from '../../core/i18n/translate';
import type { PackageVerification } from '../../core/package/verify-package';
import type { ProgressPackageVerification } from '../../core/progress/verify-progress-package';

export interface PackageCheckerOptions {
  /** Also read `letter.pdf` with pdf.js and compare its text with the letter's layout (the platform does). */
  readonly readPdfText: boolean;
  /** Packages checked at once, each on its own thread; 1 unless given. */
  readonly maxThreads?: number;
}

/**
 * What {@link PackageChecker.checkAny} found: a letter's package or a progress report's
 * (`pledge-progress-package/1`), each verified by its own rules, or why the bytes are neither.
 */
export type AnyPackageVerification =
  | (Extract<PackageVerification, { ok: true }> & { readonly kind: 'letter' })
  | (Extract<ProgressPackageVerification, { ok: true }> & { readonly kind: 'progress' })
  | { readonly ok: false; readonly reason: string };

export interface PackageChecker {
  /** `verifyPackage` (and the PDF comparison when asked) on a worker thread; never rejects for a bad package. */
  check(bytes: Uint8Array): Promise<PackageVerification>;
  /**
   * As {@link check}, but a progress package is verified as one (verifyProgressPackage) rather
   * than refused as a letter without `letter.json`: what the app's outbox takes. Its PDF is never
   * read for text, a report's layout having no letter to compare with.
   */
  checkAny(bytes: Uint8Array): Promise<AnyPackageVerification>;
  /** Stops the threads; checks still waiting are refused. */
  close(): Promise<void>;
}

/** What goes to the worker and back; `bytes` is a copy the worker owns. `accept` absent: letters only, as before. */
export interface PackageCheckRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly readPdfText: boolean;
  readonly accept?: 'letters' | 'letters-and-progress';
}

export interface PackageCheckResponse {
  readonly id: number;
  readonly result: PackageVerification | AnyPackageVerification;
}

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly accept: 'letters' | 'letters-and-progress';
  readonly resolve: (result: PackageVerification | AnyPackageVerification) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Checks packages off the event loop, so a package that inflates to 120 MB does not stall other
 * requests. Threads start on first use and stay for the next package; an idle thread does not
 * keep the process alive.
 *
 * @example
 * const checker = createPackageChecker({ readPdfText: true });
 * const check = await checker.check(bytes);
 * if (!check.ok) console.log(check.reason);
 */
export function createPackageChecker(options: PackageCheckerOptions): PackageChecker {
  const maxThreads = Math.max(1, options.maxThreads ?? 1);
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Worker {
    const worker = new Worker(workerEntry());
    worker.on('message', (response: PackageCheckResponse) => {
      const job = busy.get(worker);
      if (job?.id !== response.id) return;
      busy.delete(worker);
      job.resolve(response.result);
      worker.unref();
      idle.push(worker);
      pump();
    });
    // A package that kills its thread (out of memory, say) is refused, and the thread replaced.
    const lost = (detail: string) => {
      const job = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      job?.resolve({ ok: false, reason: t('package.error.unreadable', { detail }) });
      pump();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => {
      if (busy.has(worker) || idle.includes(worker)) lost(`exit ${code}`);
    });
    return worker;
  }

  function pump(): void {
    while (!closed && queue.length > 0 && (idle.length > 0 || busy.size < maxThreads)) {
      const worker = idle.pop() ?? spawn();
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.ref();
      const request: PackageCheckRequest = { id: job.id, bytes: job.bytes, readPdfText: options.readPdfText, accept: job.accept };
      worker.postMessage(request, [job.bytes.buffer as ArrayBuffer]);
    }
  }

  function run(bytes: Uint8Array, accept: Job['accept']): Promise<PackageVerification | AnyPackageVerification> {
    if (closed) return Promise.reject(new Error('The package checker is closed; create another with createPackageChecker().'));
    return new Promise((resolve, reject) => {
      // A copy of its own, so handing it to the thread never detaches the caller's buffer.
      queue.push({ id: nextId++, bytes: bytes.slice(), accept, resolve, reject });
      pump();
    });
  }

  return {
    // The worker answers each request in the shape its `accept` asked for.
    check: (bytes) => run(bytes, 'letters') as Promise<PackageVerification>,
    checkAny: (bytes) => run(bytes, 'letters-and-progress') as Promise<AnyPackageVerification>,
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The package checker was closed before this package was checked.'));
      const workers = [...idle.splice(0), ...busy.keys()];
      for (const job of busy.values()) job.reject(new Error('The package checker was closed while this package was being checked.'));
      busy.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The Electron build bundles the worker next to the main bundle (`package-check-worker.cjs`);
 * from source the `.mjs` bootstrap loads the TypeScript through tsx.
 */
function workerEntry(): URL {
  const bundled = new URL('./package-check-worker.cjs', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./package-check-worker.mjs', import.meta.url);
}
