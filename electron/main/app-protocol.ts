import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Protocol } from 'electron';
import { RENDERER_SECURITY_HEADERS } from '../../host/security/content-security-policy';

/**
 * The renderer is served from `app://pledge-desk/`, not `file://`: a privileged standard scheme
 * gives the page a real, fixed origin (its IndexedDB lives under it), lets the CSP apply, and
 * confines the page to the renderer folder.
 *
 * The origin must never change between versions: IndexedDB is keyed by it, so a new origin
 * would make every draft look lost. A test pins it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pledge-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL is on the app's own origin. Compared by scheme and host: Node's URL gives
 * non-special schemes an opaque origin ("null"), unlike Chromium once the scheme is registered.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The privileges to register before the app is ready (`protocol.registerSchemesAsPrivileged`). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The file under `root` that an `app://` URL names, or null for anything else: another host,
 * a path that climbs out of `root` (also when encoded: `%2e%2e`, `%2f`, backslashes), a NUL, or
 * a type the renderer does not have.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const url = new URL(requestUrl);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  if (!(extname(file) in MIME_TYPES)) return null;
  return file;
}

/** Answers one `app://` request: the file with its type and the security headers, or 404. */
export async function answerAppRequest(root: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  const file = request.method === 'GET' || request.method === 'HEAD' ? resolveAppFile(root, request.url) : null;
  const body = file === null ? null : await readFile(file).catch(() => null);
  if (file === null || body === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...RENDERER_SECURITY_HEADERS } });
  return new Response(new Uint8Array(body), { status: 200, headers: { 'Content-Type': MIME_TYPES[extname(file)]!, ...RENDERER_SECURITY_HEADERS } });
}

/** Serves the renderer folder on `app://pledge-desk/`; call once the app is ready. */
export function setupAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(root, request));
}
