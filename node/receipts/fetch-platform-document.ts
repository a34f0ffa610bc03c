import { t } from '../../core/i18n/translate';
import { MAX_PLATFORM_DOCUMENT_BYTES, PlatformDocumentSchema, type PlatformDocument } from '../../core/protocol/platform-document';

export type DocumentAnswer =
  | { readonly kind: 'document'; readonly document: PlatformDocument }
  /** The platform answers, but has no such document (404): one from before signed receipts. */
  | { readonly kind: 'none' }
  /** Could not be asked, or answered with something that is not such a document. */
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Fetches a platform's well-known document from its full URL. Redirects are not followed (a
 * document elsewhere is not this platform's word), the answer is capped, and the message says what
 * went wrong in Chinese.
 */
export async function fetchPlatformDocument(url: string, timeoutMs = 10_000): Promise<DocumentAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    return { kind: 'failed', message: t('receipt.document.unreachable', { url, reason: typeof cause === 'string' ? cause : (error as Error).name }) };
  }
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'none' };
  }
  const text = response.status === 200 ? await readCapped(response) : undefined;
  if (text === undefined) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'failed', message: t('receipt.document.bad-answer', { url, detail: `HTTP ${response.status}` }) };
  }
  return parsePlatformDocument(text, url);
}

/** A document's text, as fetched or read from a file. */
export function parsePlatformDocument(text: string, where: string): DocumentAnswer {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'failed', message: t('receipt.document.not-document', { where }) };
  }
  const parsed = PlatformDocumentSchema.safeParse(value);
  return parsed.success ? { kind: 'document', document: parsed.data } : { kind: 'failed', message: t('receipt.document.not-document', { where }) };
}

async function readCapped(response: Response): Promise<string | undefined> {
  if (Number(response.headers.get('content-length')) > MAX_PLATFORM_DOCUMENT_BYTES) return undefined;
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_PLATFORM_DOCUMENT_BYTES) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    return undefined;
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
