import { createDatabase, postgresBinaries, startPostgres } from '../support/postgres-server';

/** A PostgreSQL server for the load bench's runs, each on a database of its own. */
export interface BenchPostgres {
  newDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The tests' throwaway server (test/support/postgres-server.ts), but durable: fsync and
 * synchronous commits on, as an office would run it, since the SQLite store it is compared with
 * fsyncs its commits too. Answers why there is none when PostgreSQL is not installed.
 */
export async function startBenchPostgres(): Promise<BenchPostgres | { readonly unavailable: string }> {
  const bin = postgresBinaries();
  if (typeof bin !== 'string') return bin;
  const server = await startPostgres(bin, { durable: true });
  return { newDatabase: () => createDatabase(server.url, 'pledge_bench'), stop: () => server.stop() };
}
