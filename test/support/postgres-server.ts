import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';

/**
 * A real, throwaway PostgreSQL server for one test run: vitest's globalSetup (vitest.config.ts)
 * runs initdb into a fresh temporary folder, starts `postgres` on 127.0.0.1 at a free port with
 * trust authentication for loopback only and no Unix socket, and stops it when the run ends. Each
 * test file that needs it takes a database of its own with {@link createTestDatabase}.
 *
 * initdb refuses to run as root, so as root (CI, this machine) the server runs as the `postgres`
 * OS user, in a folder it owns. Without PostgreSQL installed (or when it does not start) the run
 * goes on, and every test that asks for a database fails saying why: a PostgreSQL test never
 * passes by not running. The load bench starts its own, durable one with {@link startPostgres}.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The server's admin connection string, or why there is none. */
    postgres: { readonly url: string } | { readonly unavailable: string };
  }
}

const ADMIN_USER = 'postgres';
const START_TIMEOUT_MS = 30_000;

/** globalSetup: one server for the whole run; the returned function stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bin = postgresBinaries();
  if (typeof bin !== 'string') {
    project.provide('postgres', { unavailable: bin.unavailable });
    return async () => undefined;
  }
  try {
    const server = await startPostgres(bin);
    project.provide('postgres', { url: server.url });
    return () => server.stop();
  } catch (error) {
    // Only the tests that need the server fail, each with the reason; the rest of the run goes on.
    project.provide('postgres', { unavailable: `The test run's PostgreSQL server did not start: ${error instanceof Error ? error.message : String(error)}` });
    return async () => undefined;
  }
}

/**
 * A fresh, empty database on the run's server, answered as its connection string; every call
 * makes another. Throws when the run has no server (PostgreSQL is not installed).
 *
 * @example const database = await createTestDatabase(); // 'postgres://postgres@127.0.0.1:40123/pledge_test_…'
 */
export async function createTestDatabase(): Promise<string> {
  const provided = inject('postgres') as ReturnType<typeof inject<'postgres'>> | undefined;
  if (provided === undefined) throw new Error('No PostgreSQL server for this run: test/support/postgres-server.ts is the globalSetup of vitest.config.ts; run the tests with that config.');
  if ('unavailable' in provided) throw new Error(provided.unavailable);
  return createDatabase(provided.url, 'pledge_test');
}

/** A fresh database named `<prefix>_<random>` on the server of `adminUrl`, answered as its connection string. */
export async function createDatabase(adminUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface PostgresServer {
  /** Connection string of the `postgres` database, as the superuser. */
  readonly url: string;
  stop(): Promise<void>;
}

/** The folder of initdb and postgres: Debian's /usr/lib/postgresql/<version>/bin (newest first), else PATH. */
export function postgresBinaries(): string | { readonly unavailable: string } {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'postgres')) && existsSync(join(bin, 'initdb'))) return bin;
  }
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb'))) return dir;
  }
  return { unavailable: 'PostgreSQL is not installed (no initdb and postgres in /usr/lib/postgresql/*/bin or on PATH): the PostgreSQL tests need it; on Debian `apt-get install postgresql` (.ci/run does).' };
}

export interface PostgresServerOptions {
  /**
   * fsync, synchronous commits and full page writes on, as an office runs it (the load bench);
   * off by default: a throwaway server's durability would only slow the tests.
   */
  readonly durable?: boolean;
}

export async function startPostgres(bin: string, options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-postgres-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // Everything the server touches is the postgres user's: initdb refuses root, and the server refuses a data folder it does not own.
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', ADMIN_USER], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', ADMIN_USER], { encoding: 'utf8' })));
  const run = (command: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', ADMIN_USER, '--', command, ...args]] : [command, args]);
  try {
    const [initdb, initArgs] = run(join(bin, 'initdb'), ['-D', data, '-U', ADMIN_USER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    execFileSync(initdb, initArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    // Loopback over TCP only, whatever initdb wrote; the file is initdb's, so it stays the server's own.
    writeFileSync(join(data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n');
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${stderrOf(error)}`, { cause: error });
  }

  // Another process may take the free port before the server binds it: then it exits at once, and another port is tried.
  for (let attempt = 1; ; attempt++) {
    const server = launch(run, bin, data, await freePort(), options.durable === true);
    try {
      await server.ready;
      const stop = async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      };
      return { url: server.url, stop };
    } catch (error) {
      const exitedEarly = server.exitedEarly();
      await server.stop();
      if (attempt === 3 || !exitedEarly) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}

function launch(run: (command: string, args: string[]) => [string, string[]], bin: string, data: string, port: number, durable: boolean) {
  const settings = [
    `listen_addresses=127.0.0.1`,
    `port=${port}`,
    `unix_socket_directories=`,
    `max_connections=300`,
    ...(durable ? [] : [`fsync=off`, `synchronous_commit=off`, `full_page_writes=off`]),
  ].flatMap((setting) => ['-c', setting]);
  // A watchdog shell between us and the server: when this process ends, however it ends, its end of
  // the shell's standard input closes, `read` returns and the server is told to shut down; and the
  // shell ends with the server. (fd 3 is that input: a background list's own is /dev/null.)
  const script = `exec 3<&0; "$0" "$@" & pid=$!; { read -r _ <&3; kill -INT "$pid" 2>/dev/null; } & wait "$pid"`;
  const [command, args] = run('sh', ['-c', script, join(bin, 'postgres'), '-D', data, ...settings]);
  const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `postgres://${ADMIN_USER}@127.0.0.1:${port}/postgres`;
  return {
    url,
    ready: waitUntilReady(url, child, () => log),
    exitedEarly: () => child.exitCode !== null,
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}) before accepting connections:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${START_TIMEOUT_MS} ms (${String(error)}):\n${log()}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr;
  return stderr && stderr.length > 0 ? stderr.toString('utf8') : String(error);
}
