import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * The platform's own entry (`platform/serve-platform.ts` under tsx), run as a separate process as
 * `npm run platform` runs it, for the tests of its commands. Servers started here are stopped by
 * {@link stopPlatformProcesses}, which each such test file calls after every test.
 */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(REPO_ROOT, 'platform/serve-platform.ts')];
const running = new Set<ChildProcess>();

/** Runs a command to its end: its exit code and both outputs. */
export async function runPlatform(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...ENTRY, ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Starts a command expected to end by itself (a refusal to serve), and waits for its exit. */
export async function exitOfPlatform(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  const started = spawn(process.execPath, [...ENTRY, ...args], { cwd: REPO_ROOT });
  let stderr = '';
  started.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const [code] = (await once(started, 'exit')) as [number];
  return { code, stderr };
}

/** Starts `serve …` and waits for the line that names its URL; standard error is kept as it comes. */
export async function servePlatform(args: readonly string[]): Promise<{ url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [...ENTRY, ...args], { cwd: REPO_ROOT });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
    if (url) return { url: url[0], stderr: () => stderr };
  }
  throw new Error(`The platform exited without printing its URL: ${output}${stderr}`);
}

/** Stops every server {@link servePlatform} started that is still running. */
export async function stopPlatformProcesses(): Promise<void> {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  running.clear();
}
