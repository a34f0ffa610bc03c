import { parentPort } from 'node:worker_threads';
import { t } from '../../core/i18n/translate';
import { LETTER_PDF_ENTRY } from '../../core/package/package-format';
import { verifyPackage, type PackageVerification } from '../../core/package/verify-package';
import { isProgressPackage, verifyProgressPackage } from '../../core/progress/verify-progress-package';
import type { AnyPackageVerification, PackageCheckRequest, PackageCheckResponse } from './package-check';
import { errorText } from '../../core/errors/error-text';

/*
 * The package check off the main thread: inflating up to 128 MB and reading the PDF take seconds
 * of CPU that would otherwise stall every other request of the platform or the desktop.
 */

async function check(request: PackageCheckRequest): Promise<PackageVerification | AnyPackageVerification> {
  if (request.accept === 'letters-and-progress') {
    // Told apart by the central directory alone; each kind then trusts nothing of the other's rules.
    if (isProgressPackage(request.bytes)) {
      const progress = verifyProgressPackage(request.bytes);
      return progress.ok ? { ...progress, kind: 'progress' } : progress;
    }
    const letter = await checkLetter(request);
    return letter.ok ? { ...letter, kind: 'letter' } : letter;
  }
  return checkLetter(request);
}

async function checkLetter(request: PackageCheckRequest): Promise<PackageVerification> {
  const result = verifyPackage(request.bytes);
  if (!result.ok || !request.readPdfText) return result;
  // Loaded on first use only: the desktop's bundle checks without pdf.js.
  const { checkLetterPdf } = await import('./package-pdf-check');
  const reason = await checkLetterPdf(result.letter, result.files.get(LETTER_PDF_ENTRY)!);
  return reason === null ? result : { ok: false, reason };
}

/** Never rejects: what the check did not foresee still refuses the package, with the error's words. */
async function settle(request: PackageCheckRequest): Promise<PackageVerification | AnyPackageVerification> {
  try {
    return await check(request);
  } catch (error) {
    return { ok: false, reason: t('package.error.unreadable', { detail: errorText(error) }) };
  }
}

parentPort!.on('message', (request: PackageCheckRequest) => {
  void settle(request).then((result) => {
    const response: PackageCheckResponse = { id: request.id, result };
    // The inflated files go back without a copy.
    const buffers = result.ok ? [...new Set([...result.files.values()].map((bytes) => bytes.buffer as ArrayBuffer))] : [];
    parentPort!.postMessage(response, buffers);
  });
});
