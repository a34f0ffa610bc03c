import type { IncomingMessage } from 'node:http';
import { ROUTES } from '../../core/protocol/reference-protocol';
import { coverageYear } from '../coverage/coverage-year';
import { bearerOperator, isOperator, sessionOperator, type Operator } from '../dashboard/operator-access';
import { sendRefusal } from '../http/json-response';
import type { PlatformRoute, RouteContext } from '../http/route-context';
import { t } from '../i18n/translate';
import type { PlatformRefusal } from '../platform-refusal';
import { exportRecords, RECORDS_CONTENT_TYPES, RECORDS_FORMATS, recordsFileName, type RecordsFormat } from './export-records';

/**
 * `GET /records?year=YYYY[&format=csv]`: the year's national 信用承诺 records for the provincial
 * platform's batch import, .xlsx by default (./export-records.ts). The operator's only, by bearer
 * token or by the dashboard's session (its button links here); they hold personal ID numbers
 * (承诺人代码 of a civil servant), which the template needs and nothing else the platform shows does.
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
  if (year === undefined) sendRefusal(res, badRequest(400, t('platform.error.badYear', { value: query.get('year') ?? '' })));
  else if (!RECORDS_FORMATS.includes(format)) sendRefusal(res, badRequest(400, t('platform.records.badFormat', { value: format.slice(0, 20) })));
  else {
    const exported = await exportRecords(context.store, year, format);
    // Counts only: the rows hold names and ID numbers, which stay out of the log.
    context.log(`records: operator ${access.id} exported ${exported.count} records of ${year} as ${format} (${exported.replaced} replaced left out, ${exported.unrecorded} without a record)`);
    res.writeHead(200, {
      'content-type': RECORDS_CONTENT_TYPES[format],
      'content-length': exported.bytes.byteLength,
      'content-disposition': `attachment; filename="records-${year}.${format}"; filename*=UTF-8''${encodeURIComponent(recordsFileName(year, format))}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(exported.bytes);
  }
  return true;
};

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
