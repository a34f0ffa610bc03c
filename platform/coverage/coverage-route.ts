import { sendJson, sendRefusal } from '../http/json-response';
import { bearerOperator, isOperator } from '../dashboard/operator-access';
import type { PlatformRoute } from '../http/route-context';
import { t } from '../i18n/translate';
import { coverageYear } from './coverage-year';
import { readCoverage } from './read-coverage';

/** `GET /coverage[?year=]`: the operator's figures as JSON (`CoverageSchema` in core/protocol/reference-protocol.ts). */
export const coverageRoute: PlatformRoute = async (req, res, path, context) => {
  if (path !== '/coverage') return false;
  const access = await bearerOperator(req, context);
  if (!isOperator(access)) {
    sendRefusal(res, access);
    return true;
  }
  if (req.method !== 'GET') {
    sendRefusal(res, { status: 405, code: 'bad-request', message: t('platform.error.badRequest', { detail: `${req.method} ${path}` }) });
    return true;
  }
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const now = context.now();
  const year = coverageYear(query, now);
  if (year === undefined) sendRefusal(res, { status: 400, code: 'bad-request', message: t('platform.error.badYear', { value: query.get('year') ?? '' }) });
  else sendJson(res, 200, await readCoverage(context.store, year, now));
  return true;
};
