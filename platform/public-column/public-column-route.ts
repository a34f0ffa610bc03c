import type { ServerResponse } from 'node:http';
import { letterTitle } from '../../core/letter/letter-title';
import { SIGNED_EXTENSIONS } from '../../core/package/package-entries';
import { PUBLIC_COLUMN_PATH } from '../../core/protocol/public-letter-path';
import { beijingDay, coverageYear } from '../coverage/coverage-year';
import type { PlatformRoute, RouteContext } from '../http/route-context';
import { t } from '../i18n/translate';
import { latestByLetter, latestReport } from '../progress/latest-report';
import type { StoredProgress, StoredSubmission } from '../store/platform-store';
import { columnProgress, publishedEvidence } from './column-progress';
import { withoutIdNumbers } from './hide-id-numbers';
import { sendHtml } from '../web/html';
import { columnLetters, matchesQuery, personalLetterOf, replacementOf, unitLetterOf, yearsOf } from './published-letters';
import { indexPage, letterHref, letterPage, messagePage, STYLESHEET_PATH, type ColumnEntry, type ColumnFrame } from './public-column-pages';
import { PUBLIC_COLUMN_CSS } from './public-column-style';
import { columnPackages, type ColumnPackages } from './column-packages';
import type { StoredFile } from '../packages/stored-package';

/**
 * The public column (政务承诺专栏), open to anyone, no credential:
 *
 * - `GET /public[?year=2026][&q=…]` the year's published letters (this year in Beijing by default),
 *   found by unit name or 统一社会信用代码;
 * - `GET /public/<year>/<统一社会信用代码>` a unit's letter, at an address that survives corrections;
 * - `GET /public/letters/<承诺编码>` a civil servant's letter;
 * - under either, `/letter.pdf` (the approved PDF) and `/signed/<n>` (the signed copies), and
 *   `/progress/<period>/evidence/<n>`: an evidence file of the letter's latest progress report, only
 *   one the unit published (`public: true`) and only while that report is the latest shown.
 *
 * What shows is decided in ./published-letters.ts; everything else is a Chinese 404 page.
 */
export function publicColumnRoute(): PlatformRoute {
  const packages = new Map<string, ColumnPackages>();
  const packagesOf = (context: RouteContext) => {
    let known = packages.get(context.packagesDir);
    if (!known) packages.set(context.packagesDir, (known = columnPackages(context.packagesDir, context.packages)));
    return known;
  };

  return async (req, res, path, context) => {
    if (path !== PUBLIC_COLUMN_PATH && !path.startsWith(`${PUBLIC_COLUMN_PATH}/`)) return false;
    const now = context.now();
    const visit: Visit = { res, context, packages: packagesOf(context), now, thisYear: Number(beijingDay(now).slice(0, 4)) };
    const rest = path.slice(PUBLIC_COLUMN_PATH.length);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPage(visit, 405, messagePage(frameOf(visit, visit.thisYear), t('platform.public.title'), t('platform.public.readOnly')), { allow: 'GET, HEAD' });
    } else if (path === STYLESHEET_PATH) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' });
      res.end(PUBLIC_COLUMN_CSS);
    } else if (rest === '' || rest === '/') {
      await serveIndex(visit, new URL(req.url ?? '/', 'http://localhost').searchParams);
    } else {
      const address = letterAddress(rest);
      if (address) await serveLetter(visit, address);
      else notFound(visit, t('platform.public.notFound.page'), visit.thisYear);
    }
    return true;
  };
}

/** One request to the column. */
interface Visit {
  readonly res: ServerResponse;
  readonly context: RouteContext;
  readonly packages: ColumnPackages;
  readonly now: Date;
  /** This year in Beijing. */
  readonly thisYear: number;
}

/** What a letter's address names: whose letter, and which of its files (its page when none). */
type LetterAddress = { readonly kind: 'unit'; readonly year: number; readonly creditCode: string; readonly file?: string } | { readonly kind: 'person'; readonly commitmentCode: string; readonly file?: string };

/** A file under a letter's address: its PDF, a signed copy, an evidence file of its latest report. */
const LETTER_FILE = String.raw`(\/letter\.pdf|\/signed\/[1-9][0-9]{0,3}|\/progress\/[0-9]{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?\/evidence\/[1-9][0-9]{0,2})?`;
/** `/<year>/<code>`; the code in any case (a QR reader may change it). */
const UNIT_ADDRESS = new RegExp(String.raw`^\/([0-9]{4})\/([0-9A-Za-z]{18})${LETTER_FILE}$`);
/** `/letters/<承诺编码>`. */
const PERSON_ADDRESS = new RegExp(String.raw`^\/letters\/([0-9A-Za-z]{1,40})${LETTER_FILE}$`);
const SIGNED_FILE = /^\/signed\/([0-9]+)$/;
const EVIDENCE_FILE = /^\/progress\/([^/]+)\/evidence\/([0-9]+)$/;

function letterAddress(rest: string): LetterAddress | undefined {
  const unit = UNIT_ADDRESS.exec(rest);
  if (unit) return { kind: 'unit', year: Number(unit[1]), creditCode: unit[2]!.toUpperCase(), ...(unit[3] === undefined ? {} : { file: unit[3] }) };
  const person = PERSON_ADDRESS.exec(rest);
  if (person) return { kind: 'person', commitmentCode: person[1]!, ...(person[2] === undefined ? {} : { file: person[2] }) };
  return undefined;
}

async function serveIndex(visit: Visit, query: URLSearchParams): Promise<void> {
  // The coverage's reading of `?year=`: this year in Beijing when absent.
  const year = coverageYear(query, visit.now);
  if (year === undefined) {
    const value = (query.get('year') ?? '').slice(0, 20);
    return sendPage(visit, 400, messagePage(frameOf(visit, visit.thisYear), t('platform.public.title'), t('platform.public.badYear', { value })));
  }
  const letters = columnLetters(await visit.context.store.submissions.list());
  const words = (query.get('q') ?? '').slice(0, 100);
  const shown = letters.filter((letter) => letter.year === year && matchesQuery(letter, words)).sort(byUnitThenPerson);
  // One package that cannot be read (its file lost from the data folder) leaves the others listed.
  const read = await Promise.allSettled(shown.map((submission) => entryOf(visit, submission)));
  const readable = read.flatMap((result, i) => {
    if (result.status === 'fulfilled') return [result.value];
    // The error's name only: a parser's message may quote the letter, and the log holds no personal data.
    visit.context.log(`public column: the package of ${shown[i]!.submissionId} cannot be read (${errorName(result.reason)}); left off the index`);
    return [];
  });
  const latest = latestByLetter(await visit.context.store.progress.listOfYear(year));
  const entries = await Promise.all(readable.map(async (entry) => withProgress(visit, entry, latest.get(entry.submission.submissionId))));
  sendPage(visit, 200, indexPage({ ...frameOf(visit, year), years: yearsOf(letters), query: words, entries }));
}

async function serveLetter(visit: Visit, address: LetterAddress): Promise<void> {
  const all = await visit.context.store.submissions.list();
  const letters = columnLetters(all);
  const letter = address.kind === 'unit' ? unitLetterOf(letters, address.year, address.creditCode) : personalLetterOf(letters, address.commitmentCode);
  if (!letter) {
    const replacement = address.kind === 'person' ? replacementOf(all, letters, address.commitmentCode) : undefined;
    if (replacement) {
      visit.res.writeHead(303, { location: `${letterHref(visit.context.basePath, replacement)}${address.file ?? ''}`, ...PAGE_HEADERS });
      visit.res.end();
    } else if (address.kind === 'unit') notFound(visit, t('platform.public.notFound.unit', { code: address.creditCode, year: address.year }), address.year);
    else notFound(visit, t('platform.public.notFound.page'), visit.thisYear);
    return;
  }
  const entry = await entryOf(visit, letter);
  const latest = latestReport(await visit.context.store.progress.listForLetter(letter.submissionId));
  if (address.file === undefined) return sendPage(visit, 200, letterPage(frameOf(visit, letter.year), await withProgress(visit, entry, latest)));
  const evidence = EVIDENCE_FILE.exec(address.file);
  if (evidence) return serveEvidence(visit, letter, latest, evidence[1]!, Number(evidence[2]));
  const signed = SIGNED_FILE.exec(address.file)?.[1];
  const found = await visit.packages.file(letter.submissionId, signed === undefined ? 'letter' : { signed: Number(signed) });
  if (!found) return notFound(visit, t('platform.public.notFound.file'), letter.year);
  const title = letterTitle(entry.summary.letter);
  sendFile(visit.res, found, signed === undefined ? { name: title, ascii: 'letter' } : { name: `${title}-${signed}`, ascii: `signed-${signed}` });
}

const entryOf = async (visit: Visit, submission: StoredSubmission): Promise<ColumnEntry> => ({ submission, summary: await visit.packages.summary(submission.submissionId) });

/** The entry with its latest report read from the report's package; without one when that package cannot be read, which is logged. */
async function withProgress(visit: Visit, entry: ColumnEntry, latest: StoredProgress | undefined): Promise<ColumnEntry> {
  if (latest === undefined) return { ...entry, progress: 'none' };
  try {
    const report = await visit.context.reports.report(latest.submissionId);
    if (report) return { ...entry, progress: columnProgress(latest, report) };
    visit.context.log(`public column: the progress package of ${latest.submissionId} is gone; its progress is not shown`);
  } catch (error) {
    visit.context.log(`public column: the progress package of ${latest.submissionId} cannot be read (${errorName(error)}); its progress is not shown`);
  }
  return entry;
}

/**
 * An evidence file of the letter's latest report, only one the unit published: any other (kept for
 * the credit office, of an earlier report, none at all) is the same 404 as a file the letter does
 * not have, so an address tells nothing of what is kept.
 */
async function serveEvidence(visit: Visit, letter: StoredSubmission, latest: StoredProgress | undefined, period: string, n: number): Promise<void> {
  const report = latest?.period === period ? await visit.context.reports.report(latest.submissionId) : undefined;
  const listed = report && publishedEvidence(report, n);
  const found = listed && (await visit.context.reports.evidence(latest!.submissionId, n));
  if (!listed || !found) return notFound(visit, t('platform.public.notFound.file'), letter.year);
  sendFile(visit.res, found, { name: withoutIdNumbers(listed.name).replace(/\.[^.]*$/, ''), ascii: `evidence-${n}` });
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'error');

const frameOf = (visit: Visit, year: number): ColumnFrame & { readonly year: number } => ({ office: visit.context.identity.name, basePath: visit.context.basePath, year });

function notFound(visit: Visit, message: string, year: number): void {
  sendPage(visit, 404, messagePage(frameOf(visit, year), t('platform.public.notFound.title'), message));
}

function sendPage(visit: Visit, status: number, document: string, headers: Readonly<Record<string, string>> = {}): void {
  sendHtml(visit.res, document, { status, headers: { ...PAGE_HEADERS, ...headers } });
}

/** Pages change when the operator publishes or withdraws: a browser asks again every time. */
const PAGE_HEADERS = { 'cache-control': 'no-cache' } as const;

function sendFile(res: ServerResponse, file: StoredFile, name: { readonly name: string; readonly ascii: string }): void {
  const extension = SIGNED_EXTENSIONS[file.type];
  res.writeHead(200, {
    'content-type': file.type,
    'content-length': file.bytes.byteLength,
    'content-disposition': `inline; filename="${name.ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name.name}.${extension}`)}`,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(file.bytes);
}

/** Units by name, then civil servants by unit and name, as a reader looks for them. */
function byUnitThenPerson(a: StoredSubmission, b: StoredSubmission): number {
  if (a.kind !== b.kind) return a.kind === 'unit' ? -1 : 1;
  return a.unitName.localeCompare(b.unitName, 'zh-CN') || (a.personName ?? '').localeCompare(b.personName ?? '', 'zh-CN') || a.submissionId.localeCompare(b.submissionId);
}
