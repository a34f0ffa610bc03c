import type { ServerResponse } from 'node:http';
import type { ErrorBody } from '../../core/protocol/reference-protocol';
import { refusalBody, type PlatformRefusal } from '../platform-refusal';

/** JSON as every route of the platform answers it; never cached, for it changes with every letter. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

export function sendRefusal(res: ServerResponse, refusal: PlatformRefusal): void {
  sendJson(res, refusal.status, refusalBody(refusal) satisfies ErrorBody);
}
