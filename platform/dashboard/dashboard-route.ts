import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSubmissionId } from '../../core/package/package-format';
import { coverageYear } from '../coverage/coverage-year';
import { platformCoverage, readYear } from '../coverage/read-coverage';
import { yearEndLetters } from '../records/year-end-reports';
import type { PlatformRoute, RouteContext } from '../http/route-context';
import { t } from '../i18n/translate';
import { importRoster } from '../roster/import-roster';
import { sendHtml } from '../web/html';
import { dashboardPage, liveSections, type DashboardView, type RosterOutcome } from './dashboard-page';
import { DASHBOARD_CSS } from './dashboard-style';
import { sendJson } from '../http/json-response';
import { LIVE_SCRIPT } from './live-script';
import { loginPage, messagePage } from './login-page';
import { missingXlsx } from './missing-xlsx';
import { csrfMatches, csrfToken, SESSION_MS, sessionOperator, setSessionCookie, type Operator } from './operator-access';
import { FormTooLarge, readForm } from './read-form';

/**
 * `/dashboard`: the operator's Chinese page of the year's coverage, the missing list and its
 * .xlsx, every letter with its files and its place on the public column, and the roster upload.
 * Logged in with the operator's token into a session cookie (./operator-access.ts); every form
 * that changes something carries the session's CSRF token. Works without script; the one script
 * only swaps in fresh sections (./live-script.ts).
 */
export const LIVE_INTERVAL_MS = 3000;
const FORM_MAX_BYTES = 64 * 1024;
/** An 编办 list of a few thousand units is well under a megabyte; ten leaves room for formatting. */
const ROSTER_MAX_BYTES = 10 * 1024 * 1024;
const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const PRIVATE = { 'cache-control': 'no-store' };
const LETTER_FILE = /^\/letters\/([^/]+)\/(letter\.pdf|signed\/(\d+)|publication)$/;

export const dashboardRoute: PlatformRoute = async (req, res, path, context) => {
  if (path !== '/dashboard' && !path.startsWith('/dashboard/')) return false;
  const sub = path.slice('/dashboard'.length) || '/';
  const method = req.method ?? 'GET';
  if (method === 'GET' && sub === '/assets/dashboard.css') return sendAsset(res, 'text/css; charset=utf-8', DASHBOARD_CSS);
  if (method === 'GET' && sub === '/assets/live.js') return sendAsset(res, 'text/javascript; charset=utf-8', LIVE_SCRIPT);
  if (method === 'POST' && sub === '/login') return login(req, res, context);

  const access = await sessionOperator(req, context);
  if (!access) return unauthenticated(res, method, sub, context);
  if (method === 'GET') return get(req, res, sub, context, access.session);
  if (method === 'POST') return post(req, res, sub, context, access);
  return refuse(res, context, 405, t('platform.error.badRequest', { detail: `${method} ${path}` }));
};

async function get(req: IncomingMessage, res: ServerResponse, sub: string, context: RouteContext, session: string): Promise<true> {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  if (sub === '/' || sub === '/live' || sub === '/missing.xlsx') {
    const year = coverageYear(query, context.now());
    if (year === undefined) return refuse(res, context, 400, t('platform.error.badYear', { value: query.get('year') ?? '' }));
    const view = await readView(context, year, session);
    if (sub === '/live') {
      const sections = liveSections(view);
      sendJson(res, 200, { version: versionOf(view), announcement: t('platform.dashboard.live'), sections: Object.fromEntries(Object.entries(sections).map(([name, markup]) => [name, markup.html])) });
      return true;
    }
    if (sub === '/missing.xlsx') return sendXlsx(res, view);
    sendHtml(res, dashboardPage(view, versionOf(view)), { csp: PAGE_CSP, headers: PRIVATE });
    return true;
  }
  const file = LETTER_FILE.exec(sub);
  if (file && file[2] !== 'publication') {
    const id = decodeURIComponent(file[1]!);
    const letter = isSubmissionId(id) ? await context.store.submissions.find(id) : undefined;
    const found = letter && (await context.packages.file(id, file[3] === undefined ? 'letter' : { signed: Number(file[3]) }));
    if (!found) return refuse(res, context, 404, t('platform.dashboard.notFound'));
    const extension = found.type === 'application/pdf' ? 'pdf' : found.type === 'image/png' ? 'png' : 'jpg';
    const name = file[3] === undefined ? `letter-${id}.pdf` : `signed-${id}-${file[3]}.${extension}`;
    res.writeHead(200, { 'content-type': found.type, 'content-length': found.bytes.byteLength, 'content-disposition': `inline; filename="${name}"`, 'x-content-type-options': 'nosniff', ...PRIVATE });
    res.end(found.bytes);
    return true;
  }
  return refuse(res, context, 404, t('platform.dashboard.notFound'));
}

async function post(req: IncomingMessage, res: ServerResponse, sub: string, context: RouteContext, access: { operator: Operator; session: string }): Promise<true> {
  let form: FormData;
  try {
    form = await readForm(req, sub === '/roster' ? ROSTER_MAX_BYTES : FORM_MAX_BYTES);
  } catch (error) {
    if (error instanceof FormTooLarge) return refuse(res, context, 413, t('platform.dashboard.rosterTooLarge', { max: error.maxBytes }));
    return refuse(res, context, 400, t('platform.error.badRequest', { detail: 'form' }));
  }
  // SameSite=Strict keeps other sites' posts from carrying the cookie; the token is the second lock.
  const csrf = form.get('csrf');
  if (!csrfMatches(access.session, typeof csrf === 'string' ? csrf : null)) return refuse(res, context, 403, t('platform.dashboard.forbidden'));

  if (sub === '/logout') {
    await context.store.sessions.close(access.session);
    setSessionCookie(res, req, context, undefined);
    sendHtml(res, loginPage({ basePath: context.basePath, office: context.identity.name, message: t('platform.dashboard.loggedOut') }), { headers: PRIVATE });
    return true;
  }
  if (sub === '/roster') {
    const file = form.get('roster');
    let outcome: RosterOutcome;
    if (file === null || typeof file === 'string' || file.size === 0) outcome = { problem: t('platform.dashboard.rosterNoFile') };
    else {
      outcome = await importRoster(context.store, new Uint8Array(await file.arrayBuffer()), file.name);
      context.log(`dashboard: operator ${access.operator.id} imported a roster: ${outcome.added} added, ${outcome.updated} updated, ${outcome.refused.length} refused`);
    }
    const view = { ...(await readView(context, coverageYear(new URLSearchParams(), context.now())!, access.session)), rosterOutcome: outcome };
    sendHtml(res, dashboardPage(view, versionOf(view)), { csp: PAGE_CSP, headers: PRIVATE });
    return true;
  }
  const publication = LETTER_FILE.exec(sub);
  if (publication && publication[2] === 'publication') {
    const id = decodeURIComponent(publication[1]!);
    const letter = isSubmissionId(id) ? await context.store.submissions.find(id) : undefined;
    if (!letter) return refuse(res, context, 404, t('platform.dashboard.notFound'));
    const publish = form.get('publish') === '1';
    await context.store.submissions.setPublished(id, publish ? context.now().toISOString() : null);
    context.log(`dashboard: operator ${access.operator.id} ${publish ? 'published' : 'withdrew'} submission ${id}`);
    // Back to the list where the button was (post, redirect, get: a refresh does not post again).
    res.writeHead(303, { location: `${context.basePath}/dashboard?year=${letter.year}#letters`, ...PRIVATE });
    res.end();
    return true;
  }
  return refuse(res, context, 404, t('platform.dashboard.notFound'));
}

async function login(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<true> {
  const page = (status: number, message: string) => {
    sendHtml(res, loginPage({ basePath: context.basePath, office: context.identity.name, message, problem: true }), { status, headers: PRIVATE });
    return true as const;
  };
  let form: FormData;
  try {
    form = await readForm(req, FORM_MAX_BYTES);
  } catch {
    return page(400, t('platform.dashboard.loginRefused'));
  }
  const token = form.get('token');
  const caller = typeof token === 'string' && token.trim() !== '' ? await context.store.credentials.authenticate(token.trim()) : undefined;
  if (!caller) return page(401, t('platform.dashboard.loginRefused'));
  if (caller.kind !== 'operator') return page(403, t('platform.dashboard.loginUnitToken'));
  const session = await context.store.sessions.open(caller.id, new Date(context.now().getTime() + SESSION_MS));
  setSessionCookie(res, req, context, session);
  context.log(`dashboard: operator ${caller.id} logged in`);
  res.writeHead(303, { location: `${context.basePath}/dashboard`, ...PRIVATE });
  res.end();
  return true;
}

function unauthenticated(res: ServerResponse, method: string, sub: string, context: RouteContext): true {
  if (method === 'GET' && sub === '/') {
    sendHtml(res, loginPage({ basePath: context.basePath, office: context.identity.name }), { headers: PRIVATE });
  } else if (sub === '/live') {
    sendJson(res, 401, { error: { code: 'unauthorized', message: t('platform.dashboard.sessionEnded') } });
  } else {
    sendHtml(res, loginPage({ basePath: context.basePath, office: context.identity.name, message: t('platform.dashboard.sessionEnded'), problem: true }), { status: 401, headers: PRIVATE });
  }
  return true;
}

async function readView(context: RouteContext, year: number, session: string): Promise<DashboardView> {
  const records = await readYear(context.store, year);
  const letters = await Promise.all(records.submissions.map(async (submission) => ({ submission, signed: await context.packages.signedCopies(submission.submissionId) })));
  const { fulfilment, ...coverage } = platformCoverage(records, year, context.now());
  return {
    coverage,
    fulfilment,
    withoutYearEnd: yearEndLetters(records.submissions, records.reports, year).missing.length,
    letters,
    office: context.identity.name,
    basePath: context.basePath,
    csrf: csrfToken(session),
    liveMs: LIVE_INTERVAL_MS,
  };
}

/** Changes whenever anything the live sections show changes. */
function versionOf(view: DashboardView): string {
  const sections = liveSections(view);
  return createHash('sha256')
    .update(Object.values(sections).map((section) => section.html).join('\0'))
    .digest('base64url')
    .slice(0, 22);
}

async function sendXlsx(res: ServerResponse, view: DashboardView): Promise<true> {
  const bytes = await missingXlsx(view.coverage);
  const name = t('platform.dashboard.exportFile', { year: view.coverage.year });
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-length': bytes.byteLength,
    'content-disposition': `attachment; filename="missing-${view.coverage.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    ...PRIVATE,
  });
  res.end(bytes);
  return true;
}

function sendAsset(res: ServerResponse, type: string, body: string): true {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
  res.end(body);
  return true;
}

function refuse(res: ServerResponse, context: RouteContext, status: number, message: string): true {
  sendHtml(res, messagePage({ basePath: context.basePath, title: t('platform.dashboard.refused'), message }), { status, headers: PRIVATE });
  return true;
}
