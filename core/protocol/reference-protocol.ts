import { z } from 'zod';
import { ReceiptSignatureSchema } from './receipt-signature';
import { ReceivingOfficeSchema } from './receiving-office';

/**
 * The reference protocol between Pledge Desk and a receiving platform (docs/domain/interchange.md: no public
 * upload specification exists, so we own one and a server that speaks it). The server in
 * `platform/` and the client (`host/outbox/tus-platform-client.ts`) both build on these names and shapes.
 *
 * - `GET  /health`                       → 200 `HealthSchema`, no auth: the connectivity probe;
 *   `storage: 'low'` when the platform is below its free-space reserve and takes no uploads.
 * - `POST /files/` … `PATCH` / `HEAD`    → tus 1.0.0 resumable upload of one package (creation,
 *   creation-with-upload; no termination). `Upload-Metadata` carries `filename`, `submissionId`,
 *   `sha256` (hex, of the whole package) and optionally `creditCode` (the unit's 统一社会信用代码,
 *   so a package of another unit is refused before its bytes are sent); `submissionId` and `sha256` are required and
 *   `Upload-Length` too (no deferred length), else 400 `bad-metadata`; over the server's limit →
 *   413 `too-large`. The PATCH that completes the upload answers 200 with the receipt as JSON when
 *   the package was accepted (a creation-with-upload POST that completes it answers 201 with the
 *   receipt), or an error status with `ErrorBody`: 422 `hash-mismatch` when the bytes that arrived
 *   do not hash to the declared `sha256` (damaged on the way: the upload is dropped, send it again
 *   from zero), 422 `invalid-package` when the package itself fails the check, 409 `conflict`.
 *   The same bytes again under an accepted id get the original receipt, so a client without an
 *   upload in progress asks for the receipt first and creates an upload only on 404. A finished
 *   upload is removed from `/files/`: if that response was lost, HEAD answers 404 and the client
 *   fetches the receipt by id. An unfinished upload is dropped after a while without progress (a
 *   day on the reference platform); then HEAD and PATCH answer 404 and the client starts afresh.
 *   An upload belongs to the credential that created it: HEAD and PATCH with another answer 404.
 *   The same route takes a progress package (`pledge-progress-package/1`, core/progress/) under the
 *   same metadata: a submission of its own, with its own receipt (no `commitmentCode`), accepted
 *   only from the unit of the letter it reports on, which the platform must hold: a letter of
 *   another unit → 403 `forbidden`, one not received or of another year → 422 `invalid-package`.
 *   403 `forbidden` (final) when the package's unit is not the caller's; 429 `too-many-uploads`
 *   when the caller has too many unfinished uploads; 507 `insufficient-storage` when the platform
 *   is short of disk space (both retryable).
 *   tus's own refusals (offset mismatch 409, unknown upload 404) come as `bad-request`/`not-found`,
 *   so a client resumes from HEAD rather than treating them as final. Error bodies from the tus
 *   routes may lack a JSON `Content-Type`; parse them as `ErrorBody` regardless.
 * - `GET  /submissions/:id/receipt`      → 200 `ReceiptSchema` (a letter's or a progress report's), or 404 `ErrorBody` (also for
 *   another unit's submission, so ids do not leak). The same receipt, byte for byte, every time;
 *   signed (./receipt-signature.ts) by a platform that publishes its key at:
 * - `GET  /.well-known/pledge-platform.json` → 200 `PlatformDocumentSchema` (./platform-document.ts),
 *   no auth: the receiving office's name, 统一社会信用代码, 行政区划代码 and receipt key.
 * - `GET  /submissions`                  → 200 `{ submissions: SubmissionListing[] }`: the caller's
 *   unit's letters, or every unit's for an operator of the city credit office (no progress reports).
 * - `GET  /credential`                   → 200 `CredentialInfoSchema`: whom the token stands for
 *   (its own unit only), or 401 `unauthorized`; lets a client tell a refused token from a
 *   platform that cannot be reached before it sends anything.
 * - `GET  /coverage[?year=YYYY]`         → 200 `CoverageSchema`, for an operator's token only (a
 *   unit's → 403 `forbidden`): the year's (default: the current year in Beijing) roster units
 *   with and without a delivered unit letter, in all, by 区县 and by 单位类型, the `missing` list,
 *   units outside the roster that sent letters, the days left to 5月1日 and 8月31日, and
 *   `fulfilment`: per unit, the items of its letters' latest progress reports kept, in progress
 *   and not kept, and the rate (null, not 0, without a report).
 * - `GET  /records[?year=YYYY][&format=csv]` → 200 .xlsx (default) or .csv (UTF-8 with BOM), for an
 *   operator only (its token, or the dashboard's session; a unit's token → 403, none → 401): the
 *   year's national 信用承诺 records (core/records/), one row per letter in force, for the provincial
 *   platform's batch import; a letter a correction replaced is left out (its record is kept).
 *   `&stage=fulfilment`: the year-end fulfilment records instead (承诺履行状态 from each letter's
 *   latest year-end progress report); letters without one are left out and counted in the
 *   `X-Pledge-Without-Year-End` header.
 * - `GET  /public[?year=YYYY][&q=…]`   → 200 HTML, no auth: the public column (政务承诺专栏), the
 *   year's published letters (default: the current year in Beijing), found by unit name or code.
 * - `GET  /public/<year>/<统一社会信用代码>` → 200 HTML, no auth: a unit's letter of that year, the
 *   latest published one of its correction chain, at an address that a unit can print (a QR code
 *   on a service card) before delivery and that survives corrections; 404 HTML until one is
 *   published. `GET  /public/letters/<承诺编码>` → the same for a civil servant's own letter, one
 *   per submission (303 to the published correction once one replaces it). Under either address,
 *   `/letter.pdf` (the approved PDF) and `/signed/<n>` (the n-th signed copy), inline, as stored.
 *   The page shows 履约进度 from the letter's latest progress report; `/progress/<period>/evidence/<n>`
 *   serves that report's n-th evidence file only if the unit published it (`public: true`), else 404.
 *   Build them with ./public-letter-path.ts.
 *
 * Every route but `/health` needs `Authorization: Bearer <token>`: a unit's token, bound to its
 * 统一社会信用代码, or an operator's, both issued by the platform.
 */

export const PROTOCOL_VERSION = 'pledge-sync/1';

export const ROUTES = {
  health: '/health',
  uploads: '/files/',
  receipt: (submissionId: string) => `/submissions/${encodeURIComponent(submissionId)}/receipt`,
  submissions: '/submissions',
  credential: '/credential',
  records: '/records',
} as const;

/** Keys of tus `Upload-Metadata`: all but `creditCode` are required. */
export const UPLOAD_METADATA = { filename: 'filename', submissionId: 'submissionId', sha256: 'sha256', creditCode: 'creditCode' } as const;

/** `storage` is optional so a client also accepts a platform that does not report it. */
export const HealthSchema = z.object({ status: z.literal('ok'), protocol: z.literal(PROTOCOL_VERSION), storage: z.enum(['ok', 'low']).optional() });

/**
 * Whom a token stands for, as `GET /credential` answers: a unit (its code and the name the
 * platform issued it under), an operator, or anyone on a platform in trial mode.
 */
export const CredentialInfoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), creditCode: z.string().min(1).max(18), name: z.string().max(200).optional() }),
  z.object({ kind: z.literal('operator'), name: z.string().max(200).optional() }),
  z.object({ kind: z.literal('open') }),
]);
export type CredentialInfo = z.infer<typeof CredentialInfoSchema>;

/** What the office keeps as proof of delivery; fetching it again by submission id gives the same receipt. */
export const ReceiptSchema = z.object({
  receiptId: z.string().min(1),
  submissionId: z.string().min(1),
  /** Of the whole package file, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.iso.datetime({ offset: true }),
  /** The submission this one replaces, when it corrects an earlier one. */
  supersedes: z.string().optional(),
  /**
   * 承诺编码: the number the city's credit system gives the commitment, for platforms that issue
   * one on receipt; the printed receipt shows it when present. The reference platform gives 20
   * digits: its 行政区划代码, the letter's date (YYYYMMDD) and a 6-digit serial.
   */
  commitmentCode: z.string().min(1).max(100).optional(),
  /*
   * The members below are what a signed receipt adds (optional: receipts of earlier platforms,
   * kept in outboxes and files, stay valid). The signature covers every other member; see
   * ./receipt-signature.ts.
   */
  /** The unit that committed, as the package names it. */
  unit: z.object({ name: z.string().min(1).max(200), creditCode: z.string().min(1).max(18) }).optional(),
  /** The office that received it. */
  platform: ReceivingOfficeSchema.optional(),
  /** 承诺年度 */
  year: z.number().int().optional(),
  signature: ReceiptSignatureSchema.optional(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/**
 * Machine-readable reasons a platform refuses; `message` is Chinese, for the person at the desk.
 * `bad-metadata` is a request the platform will refuse however often it is sent; `bad-request`
 * covers protocol hiccups (an offset mismatch) that the next attempt can get past.
 */
export const ERROR_CODES = [
  'unauthorized',
  'invalid-package',
  'conflict',
  'too-large',
  'not-found',
  'bad-request',
  'server-error',
  'bad-metadata',
  'hash-mismatch',
  'forbidden',
  'too-many-uploads',
  'insufficient-storage',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * A refusal that sending again will not change, as opposed to a network fault or a 5xx.
 * `hash-mismatch` is not final: bytes damaged on the way arrive intact on another try; nor are
 * `too-many-uploads` and `insufficient-storage`, which pass once uploads finish or space is freed.
 * `forbidden` is: the token does not belong to the package's unit.
 */
export function isFinalRejection(code: ErrorCode): boolean {
  return code === 'invalid-package' || code === 'conflict' || code === 'too-large' || code === 'unauthorized' || code === 'bad-metadata' || code === 'forbidden';
}

/** A row of `GET /submissions`: what the receipt says (its unit, office and signature aside, which the row has as fields of its own or not at all), and more. */
export const SubmissionListingSchema = ReceiptSchema.omit({ unit: true, platform: true, signature: true }).extend({
  unitName: z.string(),
  creditCode: z.string(),
  year: z.number().int(),
  size: z.number().int().nonnegative(),
  /** Set when a later submission replaced this one. */
  supersededBy: z.string().optional(),
});
export type SubmissionListing = z.infer<typeof SubmissionListingSchema>;

/** One 区县 or 单位类型 of the roster: its units, how many committed (a unit letter delivered this year), how many not. */
export const CoverageGroupSchema = z.object({
  name: z.string(),
  units: z.number().int().nonnegative(),
  committed: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  /** committed / units, 0 to 1 (0 for a group without units). */
  rate: z.number().min(0).max(1),
});

const CoverageUnitSchema = z.object({ name: z.string(), creditCode: z.string(), district: z.string(), type: z.string() });

/**
 * Items of progress reports counted by outcome (core/progress/item-outcome.ts): 已调整 is not kept.
 * `rate` is kept ÷ items, null without an item to count (no report), which is not 0 %.
 */
export const FulfilmentTallySchema = z.object({
  items: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
  inProgress: z.number().int().nonnegative(),
  notKept: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1).nullable(),
});

/**
 * A unit's fulfilment: its unit letters of the year in force, how many have an accepted progress
 * report, the latest report's period (null without one), and the items of each letter's latest
 * report counted.
 */
export const UnitFulfilmentSchema = FulfilmentTallySchema.extend({
  creditCode: z.string(),
  name: z.string(),
  letters: z.number().int().positive(),
  reported: z.number().int().nonnegative(),
  latestPeriod: z.string().nullable(),
});

/**
 * What `GET /coverage` answers: the notice's own check (the 编办's list against the letters
 * received). A unit counts as committed once a unit letter of the year was delivered, even if a
 * correction superseded it since; a personal letter never covers its unit.
 */
export const CoverageSchema = z.object({
  year: z.number().int(),
  /** The day the figures are for, YYYY-MM-DD in Beijing. */
  today: z.iso.date(),
  totals: CoverageGroupSchema.omit({ name: true }),
  byDistrict: z.array(CoverageGroupSchema),
  byType: z.array(CoverageGroupSchema),
  /** Roster units without a delivered unit letter of the year, in roster order. */
  missing: z.array(CoverageUnitSchema),
  /** Units not on the roster that delivered letters this year (unit or personal), by code. */
  outsideRoster: z.array(z.object({ creditCode: z.string(), name: z.string(), letters: z.number().int().positive() })),
  /** 5月1日 (letters made and uploaded) and 8月31日 (published, the city's check): 0 on the day, negative once passed. */
  deadlines: z.array(z.object({ date: z.iso.date(), daysLeft: z.number().int() })),
  /** The year's fulfilment from the progress reports (践诺); absent from a platform that takes no reports. */
  fulfilment: z
    .object({
      totals: FulfilmentTallySchema.extend({ letters: z.number().int().nonnegative(), reported: z.number().int().nonnegative() }),
      units: z.array(UnitFulfilmentSchema).readonly(),
    })
    .optional(),
});
export type Coverage = z.infer<typeof CoverageSchema>;
export type CoverageGroup = z.infer<typeof CoverageGroupSchema>;
