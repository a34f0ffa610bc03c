import type { EvidenceFile, ItemStatus, ProgressReport } from '../../core/progress/progress-schema';
import { tallyItems, type FulfilmentTally } from '../progress/fulfilment-tally';
import type { StoredProgress } from '../store/platform-store';
import { withoutIdNumbers } from './hide-id-numbers';

/**
 * What the public column shows of a letter's latest progress report (履约进度): the period, the
 * items counted as the dashboard counts them, each item's status and the unit's note, and the
 * evidence the unit published. Only evidence the report marks `public: true` is carried here, so
 * no page can link the rest; the route serves a file only when {@link publishedEvidence} finds it.
 */
export interface ColumnProgress {
  /** As stored: `2026-06`, `2026-Q2`, `2026`; part of the evidence files' addresses. */
  readonly period: string;
  readonly receivedAt: string;
  readonly tally: FulfilmentTally;
  readonly items: readonly ColumnProgressItem[];
  readonly evidence: readonly PublishedEvidence[];
}

export interface ColumnProgressItem {
  readonly number: number;
  readonly content: string;
  readonly status: ItemStatus;
  readonly note: string;
  readonly reason?: string;
}

export interface PublishedEvidence {
  /** Its place in the report's evidence list, 1…n: the package's `evidence/<n>.<ext>`. */
  readonly n: number;
  readonly name: string;
  /** The item it documents; absent for evidence of the whole report. */
  readonly item?: number;
  readonly format: 'pdf' | 'image';
}

export function columnProgress(stored: Pick<StoredProgress, 'period' | 'receivedAt'>, report: ProgressReport): ColumnProgress {
  return {
    period: stored.period,
    receivedAt: stored.receivedAt,
    tally: tallyItems(report.items),
    items: report.items.map(({ number, content, status, note, reason }) => ({
      number,
      content,
      status,
      note: withoutIdNumbers(note),
      ...(reason === undefined ? {} : { reason: withoutIdNumbers(reason) }),
    })),
    evidence: report.evidence.flatMap((file, i) =>
      file.public === true ? [{ n: i + 1, name: withoutIdNumbers(file.name), ...(file.item === undefined ? {} : { item: file.item }), format: /\.pdf$/i.test(file.name) ? ('pdf' as const) : ('image' as const) }] : [],
    ),
  };
}

/** The report's n-th evidence file when the unit published it; undefined for one kept for the credit office, or none. */
export function publishedEvidence(report: ProgressReport, n: number): EvidenceFile | undefined {
  const file = Number.isInteger(n) && n >= 1 ? report.evidence[n - 1] : undefined;
  return file?.public === true ? file : undefined;
}
