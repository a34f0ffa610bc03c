import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A Chromium this test owns: started by us (not by Playwright's launcher), in its own process group,
 * reached over CDP. Owning the process is what lets a crash test SIGKILL it mid-typing and start a
 * new one on the same profile, as a user whose machine died would.
 */
export interface ChromiumProcess {
  readonly browser: Browser;
  /** The default context's page (the about:blank tab Chromium opens), or a new one in that context. */
  readonly page: Page;
  /** The browser process; also the id of its process group. */
  readonly pid: number;
  readonly userDataDir: string;
  /**
   * SIGKILLs the whole process group (browser, renderers, GPU and utility processes, storage
   * service) at once: nothing gets to flush, unload or say goodbye. Resolves with the moment the
   * signal was sent (Date.now() just before the kill syscall) once no process of the group is left.
   */
  kill(): Promise<number>;
  /** Closes the browser politely (CDP Browser.close), falling back to kill() if it does not exit. */
  close(): Promise<void>;
  /** The last lines Chromium wrote to stderr, for error messages. */
  stderrTail(): string;
}

export interface LaunchOptions {
  readonly userDataDir: string;
  readonly executablePath?: string;
  /** How long to wait for "DevTools listening on ws://…" and for the CDP connection. */
  readonly timeoutMs?: number;
  readonly extraArgs?: readonly string[];
}

const EXIT_TIMEOUT_MS = 10_000;
const STDERR_TAIL_CHARS = 4_000;

/** A fresh, empty profile folder under the OS temp dir; remove() deletes it (call it in a finally). */
export async function createProfileDir(prefix = 'pledge-e2e-crash-'): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

export async function launchChromium(options: LaunchOptions): Promise<ChromiumProcess> {
  const executablePath = options.executablePath ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const args = [
    '--headless=new',
    `--user-data-dir=${options.userDataDir}`,
    '--remote-debugging-port=0',
    '--no-sandbox',
    '--disable-gpu',
    // This machine has no network beyond loopback: keep Chromium from reaching out (as playwright.config.ts does).
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-breakpad', // as Playwright's launcher does
    ...(options.extraArgs ?? []),
    'about:blank',
  ];

  // detached: the child calls setsid(), so it leads a new process group (pgid === pid) that holds
  // every helper Chromium forks (zygotes, renderers, GPU, network and storage services), and one
  // kill(-pid) reaches them all. Debian's /usr/bin/chromium is a shell wrapper that `exec`s the real
  // binary, so the pid stays the browser's. Debian's build still starts crashpad handlers, which
  // leave the group; they hold no profile data and exit by themselves once the browser is gone.
  const child = spawn(executablePath, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  // Keep draining stderr for the browser's whole life: a full pipe would block Chromium's logging.
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
  });
  const stderrTail = () => stderr.trim();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });

  const pid = await new Promise<number>((resolvePid, rejectPid) => {
    child.once('spawn', () => resolvePid(child.pid!));
    child.once('error', (error) => rejectPid(new Error(`Could not start Chromium at ${executablePath}: ${error.message}`)));
  });
  // If the test runner dies with the browser still up, take the whole group down with it.
  const killOnRunnerExit = () => signalGroup(pid, 'SIGKILL');
  process.on('exit', killOnRunnerExit);

  const killGroup = async (): Promise<number> => {
    const killedAt = Date.now();
    signalGroup(pid, 'SIGKILL');
    if ((await withTimeout(exited, EXIT_TIMEOUT_MS)) === 'timeout') throw new Error(`Chromium (pid ${pid}) did not exit ${EXIT_TIMEOUT_MS} ms after SIGKILL.`);
    await waitForGroupGone(pid, EXIT_TIMEOUT_MS);
    process.off('exit', killOnRunnerExit);
    return killedAt;
  };

  try {
    const wsEndpoint = await waitForDevToolsEndpoint(child.stderr, exited, timeoutMs, stderrTail, executablePath);
    const browser = await chromium.connectOverCDP(wsEndpoint, { timeout: timeoutMs });
    const context = browser.contexts()[0];
    if (!context) throw new Error(`Chromium (pid ${pid}) exposes no default browser context over CDP.`);
    const page = context.pages()[0] ?? (await context.newPage());

    return {
      browser,
      page,
      pid,
      userDataDir: options.userDataDir,
      stderrTail,
      kill: killGroup,
      async close() {
        if (child.exitCode === null && child.signalCode === null) {
          try {
            const session = await browser.newBrowserCDPSession();
            await session.send('Browser.close');
          } catch {
            // Already gone or the connection broke: the kill below covers it.
          }
          if ((await withTimeout(exited, EXIT_TIMEOUT_MS)) === 'timeout') await killGroup();
        }
        // Helpers can outlive a politely closed browser by a moment; leave none behind.
        signalGroup(pid, 'SIGKILL');
        await waitForGroupGone(pid, EXIT_TIMEOUT_MS);
        process.off('exit', killOnRunnerExit);
        await browser.close().catch(() => undefined); // over CDP this only drops the connection
      },
    };
  } catch (error) {
    await killGroup();
    throw error;
  }
}

async function waitForDevToolsEndpoint(
  stderr: NodeJS.ReadableStream,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  timeoutMs: number,
  stderrTail: () => string,
  executablePath: string,
): Promise<string> {
  let seen = '';
  let onData: ((chunk: string) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      new Promise<string>((resolveEndpoint) => {
        onData = (chunk: string) => {
          seen += chunk;
          const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
          if (match) resolveEndpoint(match[1]!);
        };
        stderr.on('data', onData);
      }),
      exited.then(({ code, signal }) => {
        throw new Error(`Chromium (${executablePath}) exited (code ${code}, signal ${signal}) before announcing its DevTools endpoint.\nstderr:\n${stderrTail()}`);
      }),
      new Promise<never>((_, rejectTimeout) => {
        timer = setTimeout(
          () => rejectTimeout(new Error(`Chromium (${executablePath}) did not print "DevTools listening on ws://…" within ${timeoutMs} ms.\nstderr:\n${stderrTail()}`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onData) stderr.off('data', onData);
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Waits until no live (non-zombie) process is left in the group; a container's init may reap late. */
async function waitForGroupGone(pgid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = liveGroupMembers(pgid);
    if (left.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Chromium process group ${pgid} still has live processes ${left.join(', ')} ${timeoutMs} ms after SIGKILL.`);
    await sleep(25);
  }
}

function liveGroupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    // No procfs: signal 0 tells whether any process (zombies included) is left in the group.
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const live: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp …": comm may contain spaces and parentheses, so parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') live.push(Number(entry));
  }
  return live;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<'timeout'>((resolveTimeout) => (timer = setTimeout(() => resolveTimeout('timeout'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
