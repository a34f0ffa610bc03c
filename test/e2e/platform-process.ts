import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../support/free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { saveIdentity } from '../../platform/identity/identity-file';
import { OFFICE } from '../support/office';

/**
 * The reference platform exactly as an operator starts it, `npm run platform -- …`, in its own
 * process group on a loopback port chosen beforehand, so a test can give the app the address
 * while nothing listens there yet and start the platform later. The unit's token is issued
 * beforehand with `npm run -s platform -- token issue`, as a city credit office would.
 */
export interface PlatformProcess {
  readonly url: string;
  /** The unit's token, as `token issue` printed it. */
  readonly token: string;
  /** The credit office's token (`token issue --operator`), for the dashboard; issued only when asked for. */
  readonly operatorToken?: string;
  start(): Promise<void>;
  /** The submissions the platform lists to the unit. */
  list(): Promise<{ submissionId: string; receiptId: string; sha256: string }[]>;
  stop(): Promise<void>;
}

export async function platformProcess(unit: { readonly code: string; readonly name: string }, options: { readonly operator?: boolean } = {}): Promise<PlatformProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-e2e-platform-'));
  // -s: npm's own banner would otherwise come before the token on standard output.
  const issued = await promisify(execFile)('npm', ['run', '-s', 'platform', '--', 'token', 'issue', '--data', dataDir, '--unit', unit.code, '--name', unit.name]);
  const token = issued.stdout.trim();
  const operatorToken = options.operator ? (await promisify(execFile)('npm', ['run', '-s', 'platform', '--', 'token', 'issue', '--data', dataDir, '--operator', '--name', '市信用办 值班员'])).stdout.trim() : undefined;
  await saveIdentity(dataDir, OFFICE);
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    url,
    token,
    ...(operatorToken ? { operatorToken } : {}),
    async start() {
      const started = spawn('npm', ['run', 'platform', '--', 'serve', '--port', String(port), '--data', dataDir], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`The platform did not start in 60 s:\n${output}`)), 60_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(url)) {
            clearTimeout(timer);
            resolve();
          }
        };
        started.stdout!.on('data', read);
        started.stderr!.on('data', read);
        started.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`The platform exited with ${code}:\n${output}`));
        });
      });
    },
    async list() {
      const response = await fetch(`${url}/submissions`, { headers: { Authorization: `Bearer ${token}` } });
      return ((await response.json()) as { submissions: { submissionId: string; receiptId: string; sha256: string }[] }).submissions;
    },
    async stop() {
      if (child?.pid !== undefined && child.exitCode === null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
