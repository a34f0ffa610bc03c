import type { IncomingMessage, ServerResponse } from 'node:http';
import { t } from '../i18n/translate';
import { refusalBody } from '../platform-refusal';

/**
 * The path the platform sits under when a reverse proxy publishes it at
 * `https://credit.example.gov.cn/pledge/` (`serve --base-path /pledge`): every route of the
 * platform, the protocol's, tus's `/files/` and the pages', is served below it and nothing else is.
 * The proxy forwards the path as it is, prefix kept, which is what nginx's `proxy_pass` does without
 * a URI part; a platform that moved its routes to the root would have every link it makes wrong.
 */

/** A path segment an operator would type: no dot segments, no escapes, nothing a proxy rewrites. */
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._~-]+$/;

/**
 * The base path as the platform keeps it: `''` at the root, else `/a/b` with no trailing slash
 * (`/pledge/` and `pledge` read as `/pledge`). A value it cannot serve is a RangeError whose
 * message, in Chinese, is for the operator.
 *
 * @example parseBasePath('/pledge/') // '/pledge'
 * @example parseBasePath('/') // ''
 */
export function parseBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim();
  const inner = trimmed.replace(/^\//, '').replace(/\/$/, '');
  if (inner === '' && !trimmed.includes('//')) return '';
  const segments = inner.split('/');
  if (!segments.every((segment) => SEGMENT.test(segment))) throw new RangeError(t('platform.cli.badBasePath', { value: trimmed }));
  return `/${segments.join('/')}`;
}

/**
 * The request's path below `basePath` (always starting with `/`; the base itself is `/`), or
 * `undefined` when the request is outside it. Read after the URL parser has resolved dot
 * segments, so `/pledge/../health` is outside and `/x/../pledge/health` inside.
 */
export function pathBelow(basePath: string, pathname: string): string | undefined {
  if (basePath === '') return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

/**
 * Mounts a request handler at `basePath`: a request inside it reaches `handle` with `req.url`
 * rewritten to the path below the base (query kept), so the routing never sees the prefix; one
 * outside it is answered 404 here. Links and the upload URLs tus makes add the prefix back
 * (`RouteContext.basePath`, tus's `path` option).
 */
export function mountAt(basePath: string, handle: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  if (basePath === '') return handle;
  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // The handler words a malformed URL itself.
      return handle(req, res);
    }
    const below = pathBelow(basePath, url.pathname);
    if (below === undefined) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(refusalBody({ status: 404, code: 'not-found', message: t('platform.error.outsideBasePath', { path: basePath }) })));
      return;
    }
    req.url = `${below}${url.search}`;
    handle(req, res);
  };
}
