import { PROTOCOL_VERSION } from '../../core/protocol/reference-protocol';
import { PLATFORM_DOCUMENT_PATH, type PlatformDocument } from '../../core/protocol/platform-document';
import { openReceiptKey } from '../identity/receipt-key';
import type { PlatformRoute } from '../http/route-context';

/** `GET /.well-known/pledge-platform.json`, no credential: who the platform is and the key its receipts are signed with. */
export const wellKnownRoute: PlatformRoute = async (req, res, path, context) => {
  if (path !== PLATFORM_DOCUMENT_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const { key } = await openReceiptKey(context.dataDir);
  const { name, creditCode, regionCode } = context.identity;
  const document: PlatformDocument = { protocol: PROTOCOL_VERSION, platform: { name, creditCode, regionCode }, receiptKey: key };
  const body = JSON.stringify(document);
  // Public and the same for everyone; a minute of caching spares a busy morning, and a changed key still shows soon.
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
};
