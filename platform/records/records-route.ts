import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROUTES } from '../../core/protocol/reference-protocol';
import { coverageYear } from '../coverage/coverage-year';
import { bearerOperator, isOperator, sessionOperator, type Operator } from '../dashboard/operator-access';
import { sendRefusal } from '../http/json-response';
import type { PlatformRoute, RouteContext } from '../http/route-context';
import { t } from '../i18n/translate';
import type { PlatformRefusal } from '../platform-refusal';
import { exportFulfilment, fulfilmentFileName } from './export-fulfilment';
import { exportRecords, RECORDS_CONTENT_TYPES, RECORDS_FORMATS, RECORDS_STAGES, recordsFileName, type RecordsFormat, type RecordsStage } from './export-records';

/**
 * `GET /records?year=YYYY[&format=csv][&stage=fulfilment]`: the year's national 信用承诺 records for
 * the provincial platform's batch import, .xlsx by default (./export-records.ts), or with
 * `stage=fulfilment` the 信用承诺履行 records made from the year-end progress reports
 * (./export-fulfilment.ts), the count of letters without one in `X-Pledge-Without-Year-End`. The
 * operator's only, by bearer token or by the dashboard's session (its buttons link here); they hold
 * personal ID numbers (承诺人代码 of a civil servant) and what units did not keep, which the
 * template needs and nothing else the platform shows does.
 */
export const recordsRoute: PlatformRoute = async (req, res, path, context) => {
  if (path !== ROUTES.records) return false;
  const access = await recordsOperator(req, context);
  if (!isOperator(access)) {
    sendRefusal(res, access);
    return true;
  }
  if (req.method !== 'GET') {
    sendRefusal(res, badRequest(405, t('platform.error.badRequest', { detail: `${req.method} ${path}` })));
    return true;
  }
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const year = coverageYear(query, context.now());
  const format = (query.get('format') ?? 'xlsx') as RecordsFormat;
  const stage = (query.get('stage') ?? 'commitment') as RecordsStage;
  if (year === undefined) sendRefusal(res, badRequest(400, t('platform.error.badYear', { value: query.get('year') ?? '' })));
  else if (!RECORDS_FORMATS.includes(format)) sendRefusal(res, badRequest(400, t('platform.records.badFormat', { value: format.slice(0, 20) })));
  else if (!RECORDS_STAGES.includes(stage)) sendRefusal(res, badRequest(400, t('platform.records.badStage', { value: stage.slice(0, 20) })));
  else if (stage === 'fulfilment') {
    const exported = await exportFulfilment(context.store, context.reports, context.identity, year, format);
    // Counts only, as for the commitment records.
    context.log(`records: operator ${access.id} exported ${exported.count} fulfilment records of ${year} as ${format} (${exported.withoutYearEnd.length} letters without a year-end report, ${exported.unreadable} unreadable)`);
    sendSheet(res, exported.bytes, format, `fulfilment-${year}`, fulfilmentFileName(year, format), { 'x-pledge-without-year-end': String(exported.withoutYearEnd.length) });
  } else {
    const exported = await exportRecords(context.store, year, format);
    // Counts only: the rows hold names and ID numbers, which stay out of the log.
    context.log(`records: operator ${access.id} exported ${exported.count} records of ${year} as ${format} (${exported.replaced} replaced left out, ${exported.unrecorded} without a record)`);
    sendSheet(res, exported.bytes, format, `records-${year}`, recordsFileName(year, format));
  }
  return true;
};

function sendSheet(res: ServerResponse, bytes: Uint8Array, format: RecordsFormat, ascii: string, name: string, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(200, {
    'content-type': RECORDS_CONTENT_TYPES[format],
    'content-length': bytes.byteLength,
    'content-disposition': `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(bytes);
}

/**
 * A bearer token when the request has one (an operator's script), else the dashboard's session
 * cookie; neither, or a unit's token, is refused as /coverage refuses it (401, 403).
 */
async function recordsOperator(req: IncomingMessage, context: RouteContext): Promise<Operator | PlatformRefusal> {
  if (req.headers.authorization === undefined) {
    const session = await sessionOperator(req, context);
    if (session) return session.operator;
  }
  return bearerOperator(req, context);
}

function badRequest(status: number, message: string): PlatformRefusal {
  return { status, code: 'bad-request', message };
}
