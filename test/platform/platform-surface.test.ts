import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackage } from '../../core/package/build-package';
import { t } from '../../platform/i18n/translate';
import { ErrorBodySchema, ROUTES } from '../../core/protocol/reference-protocol';
import { startPlatform, type Platform, type PlatformOptions } from '../../platform/platform-server';
import { ID, packageInput } from '../support/package-fixtures';
import { issueUnitToken, OFFICE, TOKEN } from '../support/submission-fixtures';
import { auth, createUpload, TUS, upload } from '../support/platform-requests';

/** What the platform shows of itself over HTTP beyond the protocol: upload names, methods, CORS, internal errors. */
const PACKAGE = buildPackage(packageInput());

let dataDir: string;
let platform: Platform;
let logged: string[];

const start = async (options: Partial<PlatformOptions> = {}) => {
  platform = await startPlatform({ dataDir, port: 0, identity: OFFICE, log: (line) => logged.push(line), ...options });
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-platform-surface-'));
  logged = [];
  await issueUnitToken(dataDir);
  await start();
});

afterEach(async () => {
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
});

const uploadsUrl = (id: string) => `${platform.url}${ROUTES.uploads}${id}`;

describe('reference platform surface', () => {
  it('answers 404 for an upload name it did not make itself, before the store reads anything under that name', async () => {
    // A well-formed pair of upload files under a name of another shape, owned by this very token (credential 1).
    const uploads = join(dataDir, 'uploads');
    const info = { id: 'planted', size: 100, offset: 0, metadata: { submissionId: ID, pledgeOwner: '1' }, creation_date: new Date().toISOString() };
    await writeFile(join(uploads, 'planted'), 'x'.repeat(10));
    await writeFile(join(uploads, 'planted.json'), JSON.stringify(info));

    expect((await fetch(uploadsUrl('planted'), { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } })).status).toBe(404);
    const patch = await fetch(uploadsUrl('planted'), {
      method: 'PATCH',
      headers: { ...TUS, ...auth(TOKEN), 'Upload-Offset': '10', 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(5),
    });
    expect(patch.status).toBe(404);
    expect(ErrorBodySchema.parse(await patch.json()).error.code).toBe('not-found');
    expect(await readFile(join(uploads, 'planted'), 'utf8')).toBe('x'.repeat(10));
    for (const odd of ['A'.repeat(32), 'a'.repeat(31), `${'a'.repeat(32)}.json`, 'planted%00']) {
      expect((await fetch(uploadsUrl(odd), { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } })).status).toBe(404);
    }
  });

  it('has no termination route: DELETE is refused with 405 and the upload stays, and OPTIONS does not offer it', async () => {
    const created = await createUpload(platform.url, PACKAGE, { submissionId: ID, token: TOKEN });
    const location = created.headers.get('location')!;
    const deleted = await fetch(location, { method: 'DELETE', headers: { ...TUS, ...auth(TOKEN) } });
    expect(deleted.status).toBe(405);
    expect(ErrorBodySchema.parse(await deleted.json()).error.code).toBe('bad-request');
    expect((await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } })).status).toBe(200);
    const options = await fetch(new URL(ROUTES.uploads, platform.url), { method: 'OPTIONS', headers: auth(TOKEN) });
    expect(options.headers.get('tus-extension') ?? '').not.toContain('termination');
  });

  it('sends no Access-Control-Allow-Origin to any origin, on creation, preflight or error', async () => {
    const origin = { Origin: 'https://evil.example' };
    const created = await fetch(new URL(ROUTES.uploads, platform.url), {
      method: 'POST',
      headers: { ...TUS, ...auth(TOKEN), ...origin, 'Upload-Length': '10', 'Upload-Metadata': 'submissionId YQ==' },
    });
    const preflight = await fetch(new URL(ROUTES.uploads, platform.url), {
      method: 'OPTIONS',
      headers: { ...auth(TOKEN), ...origin, 'Access-Control-Request-Method': 'POST' },
    });
    const real = await createUpload(platform.url, PACKAGE, { submissionId: ID, token: TOKEN });
    const noOrigin = await fetch(real.headers.get('location')!, { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } });
    for (const response of [created, preflight, real, noOrigin]) expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an internal error with a generic Chinese message, the detail only in its log and never the token', async () => {
    // packages/ replaced by a file: storing the accepted package fails (ENOTDIR) after the check.
    await rm(join(dataDir, 'packages'), { recursive: true });
    await writeFile(join(dataDir, 'packages'), '');
    const response = await upload(platform.url, PACKAGE, { submissionId: ID, token: TOKEN });
    expect(response.status).toBe(500);
    const body = ErrorBodySchema.parse(await response.json());
    expect(body.error).toEqual({ code: 'server-error', message: t('platform.error.server') });
    expect(JSON.stringify(body)).not.toContain(dataDir);
    expect(logged.join('\n')).toContain('ENOTDIR');
    expect(logged.join('\n')).not.toContain(TOKEN);
  });
});
