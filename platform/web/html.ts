import type { ServerResponse } from 'node:http';

// The markup itself is core's, shared with the unit's own portal folder (core/publication).
export { escapeHtml, html, page, trusted, type Html, type PageOptions } from '../../core/publication/html';

export interface HtmlResponse {
  readonly status?: number;
  /** Content-Security-Policy; the default allows no script and nothing from elsewhere. */
  readonly csp?: string;
  readonly headers?: Readonly<Record<string, string | string[]>>;
}

export const NO_SCRIPT_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function sendHtml(res: ServerResponse, document: string, options: HtmlResponse = {}): void {
  res.writeHead(options.status ?? 200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': options.csp ?? NO_SCRIPT_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...options.headers,
  });
  res.end(document);
}
