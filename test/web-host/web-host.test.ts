import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../host/security/content-security-policy';
import { errorLogPath } from '../../host/diagnostics/error-log';
import { BRIDGE_HEADER } from '../../core/bridge/http-bridge';
import { startWebHost, type WebHost } from '../../web-host/web-host';
import { createBrowserHost } from '../../web-host/browser-host';

let dir: string;
let host: WebHost;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-web-host-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>政务诚信承诺填报</title>');
  const { handlers } = createBrowserHost({
    info: { name: 'Pledge Desk', version: '9.9.9', platform: 'linux', dataDir: join(dir, 'data') },
    now: () => new Date('2026-04-20T08:00:00Z'),
  });
  host = await startWebHost({ handlers, rendererDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

function call(name: string, args: unknown, headers: Record<string, string> = { [BRIDGE_HEADER]: '1' }) {
  return fetch(`${host.url}/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });
}

describe('web host', () => {
  it('listens on loopback only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the renderer, falling back to index.html for app routes', async () => {
    for (const path of ['/', '/drafts/123']) {
      const response = await fetch(`${host.url}${path}`);
      expect(response.status).toBe(200);
      // The same policy as the desktop app, so the browser specs run under what ships.
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('政务诚信承诺填报');
    }
  });

  it('keeps serving when a rebuild removes a file it served', async () => {
    await writeFile(join(dir, 'renderer', 'app-old.js'), 'old');
    const second = await startWebHost({ handlers: createBrowserHost({ info: { name: 'x', version: '0', platform: 'linux', dataDir: dir } }).handlers, rendererDir: join(dir, 'renderer'), port: 0 });
    try {
      expect((await fetch(`${second.url}/app-old.js`)).status).toBe(200);
      await rm(join(dir, 'renderer', 'app-old.js'));
      expect((await fetch(`${second.url}/app-old.js`)).headers.get('content-type')).not.toContain('javascript');
      expect((await fetch(`${second.url}/`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('answers a call from the contract', async () => {
    const response = await call('app.getInfo', []);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { name: 'Pledge Desk', version: '9.9.9', shell: 'web', platform: 'linux', dataDir: join(dir, 'data') } });
  });

  it('writes a reported error to the log in the data folder', async () => {
    const response = await call('diagnostics.reportError', [{ message: '草稿读取失败', source: 'test' }]);
    expect(await response.json()).toEqual({ result: { logged: true } });
    const line = JSON.parse((await readFile(errorLogPath(join(dir, 'data')), 'utf8')).trim()) as Record<string, unknown>;
    expect(line).toEqual({ at: '2026-04-20T08:00:00.000Z', message: '草稿读取失败', source: 'test' });
  });

  it('saves a PDF under a plain file name, whatever name the page sends', async () => {
    const base64 = Buffer.from('%PDF-1.7 test').toString('base64');
    const response = await call('files.saveFile', [{ kind: 'pdf', suggestedName: '../../etc/承诺书', base64 }]);
    const { result } = (await response.json()) as { result: { saved: boolean; path: string } };
    expect(result.saved).toBe(true);
    expect(result.path).toBe(join(dir, 'data', 'exports', '_.._etc_承诺书.pdf'));
    expect(await readFile(result.path, 'utf8')).toBe('%PDF-1.7 test');
  });

  it('never replaces an earlier export: the same name again, or twice at once, gets the next number', async () => {
    const save = async (kind: 'pdf' | 'receipt', text: string) => {
      const response = await call('files.saveFile', [{ kind, suggestedName: '承诺书', base64: Buffer.from(text).toString('base64') }]);
      return ((await response.json()) as { result: { path: string } }).result.path;
    };
    const first = await save('pdf', 'approved');
    const [second, third] = await Promise.all([save('pdf', 'draft A'), save('pdf', 'draft B')]);
    expect(first).toBe(join(dir, 'data', 'exports', '承诺书.pdf'));
    expect([second, third].sort()).toEqual([join(dir, 'data', 'exports', '承诺书 (2).pdf'), join(dir, 'data', 'exports', '承诺书 (3).pdf')]);
    expect(await readFile(first, 'utf8')).toBe('approved');
    expect([await readFile(second, 'utf8'), await readFile(third, 'utf8')].sort()).toEqual(['draft A', 'draft B']);
    // Another kind has its own extension, so its first copy takes the plain name.
    expect(await save('receipt', '{}')).toBe(join(dir, 'data', 'exports', '承诺书.json'));
  });

  it('saves a backup with its own extension', async () => {
    const response = await call('files.saveFile', [{ kind: 'backup', suggestedName: '草稿备份-2026-04-20', base64: Buffer.from('PK').toString('base64') }]);
    const { result } = (await response.json()) as { result: { saved: boolean; path: string } };
    expect(result.path).toBe(join(dir, 'data', 'exports', '草稿备份-2026-04-20.pledgebackup'));
  });

  it('writes a PDF to print into its own temporary folder, and says it opened nothing', async () => {
    const base64 = Buffer.from('%PDF-1.7 print').toString('base64');
    const first = (await (await call('files.openPdf', [{ suggestedName: '承诺书', base64 }])).json()) as { result: { opened: boolean; path: string } };
    const second = (await (await call('files.openPdf', [{ suggestedName: '承诺书', base64 }])).json()) as { result: { opened: boolean; path: string } };
    expect(first.result.opened).toBe(false);
    expect(first.result.path.startsWith(join(dir, 'data', 'print'))).toBe(true);
    expect(first.result.path).not.toBe(second.result.path);
    expect(await readFile(first.result.path, 'utf8')).toBe('%PDF-1.7 print');
  });

  it.skipIf(process.platform === 'win32')('keeps what it writes in the data folder to this user: folders 0700, files 0600', async () => {
    const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
    const base64 = Buffer.from('%PDF-1.7 test').toString('base64');
    const saved = (await (await call('files.saveFile', [{ kind: 'pdf', suggestedName: '承诺书', base64 }])).json()) as { result: { path: string } };
    const printed = (await (await call('files.openPdf', [{ suggestedName: '承诺书', base64 }])).json()) as { result: { path: string } };
    await call('diagnostics.reportError', [{ message: '草稿读取失败', source: 'test' }]);
    for (const folder of ['data', 'data/exports', 'data/print', 'data/logs']) expect({ folder, mode: await modeOf(join(dir, folder)) }).toEqual({ folder, mode: 0o700 });
    for (const file of [saved.result.path, printed.result.path, errorLogPath(join(dir, 'data'))]) expect({ file, mode: await modeOf(file) }).toEqual({ file, mode: 0o600 });
  });

  it('has no window waiting to close', async () => {
    expect(await (await call('app.readyToClose', [])).json()).toEqual({ result: { closing: false } });
  });

  it('refuses unknown calls, bad arguments and bad JSON with 400', async () => {
    expect((await call('fs.readFile', ['/etc/passwd'])).status).toBe(400);
    expect((await call('diagnostics.reportError', [{ message: 1 }])).status).toBe(400);
    const raw = await fetch(`${host.url}/api/call/app.getInfo`, { method: 'POST', headers: { 'content-type': 'application/json', [BRIDGE_HEADER]: '1' }, body: '{not json' });
    expect(raw.status).toBe(400);
  });

  it('refuses calls without the bridge header (cross-site requests) and non-POST methods', async () => {
    expect((await call('app.getInfo', [], {})).status).toBe(403);
    expect((await fetch(`${host.url}/api/call/app.getInfo`)).status).toBe(405);
  });

  it('streams events to subscribers', async () => {
    const response = await fetch(`${host.url}/api/events`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain(': connected');
    host.emit('app.command', { command: 'new-letter' });
    while (!text.includes('\n\ndata') && !text.endsWith('}\n\n')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: app.command\ndata: {"command":"new-letter"}\n\n');
    await reader.cancel();
  });
});
