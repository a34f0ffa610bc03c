import type { AttachmentType } from '../../core/drafts/draft-record';
import { SIGNED_EXTENSIONS } from '../../core/package/package-entries';
import { MAX_PROGRESS_PACKAGE_BYTES, MAX_PROGRESS_PACKAGE_ENTRIES, PROGRESS_JSON_ENTRY } from '../../core/progress/progress-package-format';
import type { ProgressReport } from '../../core/progress/progress-schema';
import { entriesOf, readStoredZip, storedProgressFile, type StoredFile } from './stored-package';

/**
 * The accepted progress packages (`<packagesDir>/progress/<submissionId>.zip`) read back: the
 * report, for what the store does not keep (notes, reasons, the evidence list), and an evidence
 * file. They passed the package check on arrival, so the bounded reader is all they need again.
 * A stored package never changes under its id, so reports are kept once read (the last
 * {@link REPORT_CACHE_SIZE}), and the column does not unzip every report on every visit.
 */
export interface StoredReports {
  /** The report (`progress.json`); undefined when the package file is gone. */
  report(submissionId: string): Promise<ProgressReport | undefined>;
  /** `evidence/<n>.<ext>`, the report's n-th evidence file; undefined when there is none. */
  evidence(submissionId: string, n: number): Promise<StoredFile | undefined>;
}

export const REPORT_CACHE_SIZE = 2000;

const LIMITS = { maxBytes: MAX_PROGRESS_PACKAGE_BYTES, maxEntries: MAX_PROGRESS_PACKAGE_ENTRIES } as const;

export function storedReports(packagesDir: string): StoredReports {
  const cache = new Map<string, ProgressReport>();
  const zipOf = (submissionId: string) => readStoredZip(storedProgressFile(packagesDir, submissionId));
  return {
    report: async (submissionId) => {
      const known = cache.get(submissionId);
      if (known) return known;
      const zip = await zipOf(submissionId);
      const bytes = zip && entriesOf(zip, [PROGRESS_JSON_ENTRY], LIMITS).get(PROGRESS_JSON_ENTRY);
      if (!bytes) return undefined;
      // The normalised report the package check validated on arrival.
      const report = JSON.parse(new TextDecoder().decode(bytes)) as ProgressReport;
      cache.set(submissionId, report);
      if (cache.size > REPORT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return report;
    },
    evidence: async (submissionId, n) => {
      const zip = await zipOf(submissionId);
      if (!zip) return undefined;
      // The check gave each file the extension of the type its bytes are: the name tells the type.
      const candidates = Object.entries(SIGNED_EXTENSIONS).map(([type, extension]) => ({ type: type as AttachmentType, name: `evidence/${n}.${extension}` }));
      const found = entriesOf(zip, candidates.map((candidate) => candidate.name), LIMITS);
      const match = candidates.find((candidate) => found.has(candidate.name));
      return match && { bytes: found.get(match.name)!, type: match.type };
    },
  };
}
