import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root, where `npm run platform` runs. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A server the load bench started as its own Node process, as an office would run it. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Peak resident memory of the process so far (Linux's VmHWM, worker threads included); undefined elsewhere. */
  peakRssBytes(): number | undefined;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** What both the platform (platform.cli.listening, its base path included) and the baseline print once they listen. */
const LISTENING = /http:\/\/127\.0\.0\.1:\d+[^\s（]*/;

/**
 * Runs a TypeScript entry point of the repository under Node with tsx loaded in the process itself
 * (not `npx tsx`, which would put a second process between us and the server, whose memory we read),
 * and answers once it prints its loopback address.
 */
export async function startServerProcess(script: string, args: readonly string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`platform load bench: ${script} did not start within ${START_TIMEOUT_MS / 1000} s\n${stderr}`)), START_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const found = LISTENING.exec(stdout);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform load bench: ${script} ended with ${code} before it listened\n${stderr}`));
    });
  });
  child.stdout.resume();
  const pid = child.pid!;
  return {
    url,
    pid,
    peakRssBytes: () => peakRss(pid),
    stop: () => stopProcess(child, script, () => stderr),
  };
}

function peakRss(pid: number): number | undefined {
  try {
    const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}

/** SIGTERM, which the platform answers by closing its store; a process that will not end is killed, and that is an error. */
async function stopProcess(child: ChildProcess, script: string, stderr: () => string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) throw new Error(`platform load bench: ${script} ended during the run (${child.exitCode ?? child.signalCode})\n${stderr()}`);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS)))]);
  clearTimeout(timer);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`platform load bench: ${script} did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM`);
  }
  if (code !== 0) throw new Error(`platform load bench: ${script} stopped with exit code ${code}\n${stderr()}`);
}
