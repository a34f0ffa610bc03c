import { sha256Hex } from '../../core/hash/sha256-hex';
import { expect } from 'vitest';
import { ErrorBodySchema, ROUTES, type ErrorCode } from '../../core/protocol/reference-protocol';

/** A raw tus 1.0.0 client over fetch, so tests can stop half way and resume by hand. */
export const TUS = { 'Tus-Resumable': '1.0.0' } as const;

export interface UploadOptions {
  readonly submissionId: string;
  readonly sha256?: string;
  readonly token?: string;
  readonly metadata?: Record<string, string>;
}

export function auth(token: string | undefined): Record<string, string> {
  return token === undefined ? {} : { Authorization: `Bearer ${token}` };
}

export function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

/** POST: creates an upload and answers the response (Location names the upload). */
export function createUpload(baseUrl: string, bytes: Uint8Array, options: UploadOptions): Promise<Response> {
  const metadata = options.metadata ?? { filename: `${options.submissionId}.zip`, submissionId: options.submissionId, sha256: options.sha256 ?? sha256Hex(bytes) };
  return fetch(new URL(ROUTES.uploads, baseUrl), {
    method: 'POST',
    headers: { ...TUS, ...auth(options.token), 'Upload-Length': String(bytes.byteLength), 'Upload-Metadata': encodeMetadata(metadata) },
  });
}

export function patchUpload(location: string, bytes: Uint8Array, offset: number, token?: string): Promise<Response> {
  return fetch(location, {
    method: 'PATCH',
    headers: { ...TUS, ...auth(token), 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
    body: bytes.slice(offset),
  });
}

/** Creates an upload and sends every byte in one PATCH; answers the finishing PATCH's response. */
export async function upload(baseUrl: string, bytes: Uint8Array, options: UploadOptions): Promise<Response> {
  const created = await createUpload(baseUrl, bytes, options);
  if (created.status !== 201) return created;
  return patchUpload(created.headers.get('location')!, bytes, 0, options.token);
}

/** Asserts a refusal in the protocol's error shape, with a Chinese message, and answers that message. */
export async function expectRefusal(response: Response, status: number, code: ErrorCode): Promise<string> {
  expect(response.status).toBe(status);
  const body = ErrorBodySchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  return body.error.message;
}
