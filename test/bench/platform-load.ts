import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentFonts } from '../../core/pdf/document-fonts';
import { SubmissionListingSchema } from '../../core/protocol/reference-protocol';
import { TusPlatformClient } from '../../host/outbox/tus-platform-client';
import { issueToken } from '../../platform/credentials';
import { saveIdentity } from '../../platform/identity/identity-file';
import { OFFICE } from '../support/office';
import { buildBenchUnits, PACKAGE_BYTES, type BenchPackage, type BenchUnit } from './platform-load-packages';
import { startBenchPostgres, type BenchPostgres } from './platform-load-postgres';
import { startServerProcess, type ServerProcess } from './platform-load-processes';

/**
 * Issue 15 point 7: N concurrent clients, each one unit's desk sending its 200 KB packages one
 * after another by tus with the app's own client (host/outbox/tus-platform-client.ts), over
 * loopback, to real `serve` processes (the package check in pdf.js worker threads, as an office
 * runs it), and to a baseline server that only writes and fsyncs the same bytes. After each run the
 * operator's listing and the packages folder must hold every package exactly once: a mismatch is
 * an error, never a figure. Figures only otherwise: nothing here fails on a slow machine.
 */
export const DEFAULT_LEVELS = [1, 10, 50, 200] as const;
/** Each level sends at least this many packages, so its p99 is more than its slowest one. */
const MIN_PACKAGES_PER_LEVEL = 100;
const MIN_PACKAGES_PER_CLIENT = 2;
/** The finishing PATCH waits for the package check, behind every other upload's at 200 clients: no request timeout should decide a figure. */
const REQUEST_TIMEOUT_MS = 10 * 60_000;

export interface LoadFigures {
  readonly packages: number;
  readonly ms: number;
  readonly perSecond: number;
  /** From the client's first request for a package (its receipt lookup, as the app's client does) to its receipt. */
  readonly p50: number;
  readonly p99: number;
  /** Peak resident memory of each server process (worker threads included), when the system says. */
  readonly peakRssBytes: readonly (number | undefined)[];
}

export interface PlatformLoad {
  /** What else the machine was doing when the run began: the figures are only as quiet as it was. */
  readonly cores: number;
  readonly loadAverage: number;
  readonly levels: readonly LevelResult[];
  /** Why the PostgreSQL runs were left out, when they were (PostgreSQL not installed). */
  readonly postgresSkipped?: string;
}

export interface LevelResult {
  readonly clients: number;
  readonly perClient: number;
  readonly baseline: LoadFigures;
  readonly targets: readonly { readonly label: string; readonly figures: LoadFigures }[];
}

/** A way of running the platform: how many `serve` processes, and on which store. */
interface Deployment {
  readonly label: string;
  readonly instances: number;
  /** On a fresh PostgreSQL database (`serve --database`) rather than the data folder's SQLite file. */
  readonly postgres: boolean;
}

const DEPLOYMENTS: readonly Deployment[] = [
  { label: 'SQLite, 1 instance', instances: 1, postgres: false },
  { label: 'PostgreSQL, 1 instance', instances: 1, postgres: true },
  // One data folder and one database, as two machines behind a load balancer would share them.
  { label: 'PostgreSQL, 2 instances', instances: 2, postgres: true },
];

export const packagesPerClient = (clients: number): number => Math.max(MIN_PACKAGES_PER_CLIENT, Math.ceil(MIN_PACKAGES_PER_LEVEL / clients));

/** `PLEDGE_BENCH_PLATFORM_LEVELS=1,10` shortens the run; the full set by default. */
export function levelsFromEnv(value = process.env['PLEDGE_BENCH_PLATFORM_LEVELS']): number[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_LEVELS];
  const levels = value.split(',').map((part) => Number(part.trim()));
  if (levels.some((level) => !Number.isInteger(level) || level < 1)) throw new Error(`PLEDGE_BENCH_PLATFORM_LEVELS: client counts (positive integers) separated by commas, got ${value}`);
  return levels;
}

export async function measurePlatformLoad(fonts: DocumentFonts, levels: readonly number[] = levelsFromEnv()): Promise<PlatformLoad> {
  // Client i is unit i at every level: it needs the most packages any level gives one client.
  const most = Math.max(...levels);
  const counts = Array.from({ length: most }, (_, i) => Math.max(...levels.filter((clients) => i < clients).map(packagesPerClient)));
  // One more unit whose packages warm each instance (pdf.js and its workers start on first use).
  const [warmUp, ...units] = await buildBenchUnits([2, ...counts], fonts);
  const results: LevelResult[] = [];
  const loadAverage = loadavg()[0] ?? 0;
  const postgres = await startBenchPostgres();
  const deployments = 'unavailable' in postgres ? DEPLOYMENTS.filter((deployment) => !deployment.postgres) : DEPLOYMENTS;
  try {
    for (const clients of levels) {
      const perClient = packagesPerClient(clients);
      const load = units.slice(0, clients).map((unit) => ({ ...unit, packages: unit.packages.slice(0, perClient) }));
      const baseline = await runBaseline(warmUp!, load);
      const targets = [];
      for (const deployment of deployments) {
        const database = deployment.postgres ? await (postgres as BenchPostgres).newDatabase() : undefined;
        targets.push({ label: deployment.label, figures: await runPlatform(deployment, warmUp!, load, database) });
      }
      results.push({ clients, perClient, baseline, targets });
    }
  } finally {
    if (!('unavailable' in postgres)) await postgres.stop();
  }
  return { cores: availableParallelism(), loadAverage, levels: results, ...('unavailable' in postgres ? { postgresSkipped: postgres.unavailable } : {}) };
}

/** Starts every client at once; each sends its packages in turn. Answers the per-package times and the wall time. */
async function drive(units: readonly BenchUnit[], send: (client: number, pkg: BenchPackage) => Promise<void>): Promise<{ times: number[]; ms: number }> {
  const times: number[] = [];
  const start = performance.now();
  await Promise.all(
    units.map(async (unit, client) => {
      for (const pkg of unit.packages) {
        const begun = performance.now();
        await send(client, pkg);
        times.push(performance.now() - begun);
      }
    }),
  );
  return { times, ms: performance.now() - start };
}

function figures(run: { times: number[]; ms: number }, servers: readonly ServerProcess[]): LoadFigures {
  const sorted = [...run.times].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    packages: sorted.length,
    ms: run.ms,
    perSecond: sorted.length / (run.ms / 1000),
    p50: rank(0.5),
    p99: rank(0.99),
    peakRssBytes: servers.map((server) => server.peakRssBytes()),
  };
}

async function runBaseline(warmUp: BenchUnit, units: readonly BenchUnit[]): Promise<LoadFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'pledge-bench-baseline-'));
  const server = await startServerProcess('test/bench/platform-load-baseline-server.ts', ['--dir', dir]);
  const post = async (pkg: BenchPackage) => {
    // A copy, as the app's client sends a copy of each chunk.
    const answer = await fetch(new URL(`/${pkg.ref.submissionId}`, server.url), { method: 'POST', body: pkg.bytes.slice(), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (answer.status !== 201) throw new Error(`platform load bench: the baseline answered ${answer.status} for ${pkg.ref.submissionId}: ${await answer.text()}`);
    await answer.body?.cancel();
  };
  try {
    await post(warmUp.packages[0]!);
    const run = await drive(units, (_client, pkg) => post(pkg));
    const result = figures(run, [server]);
    const sent = [warmUp.packages[0]!, ...units.flatMap((unit) => unit.packages)];
    const kept = await readdir(dir);
    expectSame('baseline folder', kept, sent.map((pkg) => pkg.ref.submissionId));
    for (const pkg of sent) {
      const { size } = await stat(join(dir, pkg.ref.submissionId));
      if (size !== pkg.bytes.byteLength) throw new Error(`platform load bench: the baseline kept ${size} bytes of ${pkg.ref.submissionId}, sent ${pkg.bytes.byteLength}`);
    }
    return result;
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function runPlatform(deployment: Deployment, warmUp: BenchUnit, units: readonly BenchUnit[], database: string | undefined): Promise<LoadFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-bench-platform-'));
  try {
    const location = database === undefined ? { dataDir } : { dataDir, database };
    await saveIdentity(dataDir, OFFICE);
    const operator = (await issueToken(location, { operator: true, name: '负载测试' })).token;
    const tokens: string[] = [];
    for (const unit of [warmUp, ...units]) tokens.push((await issueToken(location, { unit: unit.creditCode, name: unit.name })).token);

    const servers: ServerProcess[] = [];
    try {
      for (let i = 0; i < deployment.instances; i += 1) {
        servers.push(await startServerProcess('platform/serve-platform.ts', ['serve', '--port', '0', '--data', dataDir, ...(database === undefined ? [] : ['--database', database])]));
      }
      // Warm-up: one package per instance, outside the timing; counted in the checks below.
      for (const [i, server] of servers.entries()) await send(server.url, tokens[0]!, warmUp.packages[i]!);
      const clientTokens = tokens.slice(1);
      // Clients are split between the instances as a load balancer would split desks.
      const run = await drive(units, (client, pkg) => send(servers[client % servers.length]!.url, clientTokens[client]!, pkg));
      const result = figures(run, servers);
      const expected = [...warmUp.packages.slice(0, servers.length), ...units.flatMap((unit) => unit.packages)];
      for (const server of servers) await checkListing(server.url, operator, expected);
      expectSame('packages folder', await readdir(join(dataDir, 'packages')), expected.map((pkg) => `${pkg.ref.submissionId}.zip`));
      return result;
    } finally {
      for (const server of servers) await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** One package to one instance with the app's client, from its receipt lookup to the receipt, which must name these bytes. */
async function send(url: string, token: string, pkg: BenchPackage): Promise<void> {
  const client = new TusPlatformClient({ endpoint: url, token, readPackage: async () => pkg.bytes, requestTimeoutMs: REQUEST_TIMEOUT_MS });
  const receipt = await client.upload(pkg.ref, { onUploadUrl: () => undefined, onProgress: () => undefined });
  if (receipt.submissionId !== pkg.ref.submissionId || receipt.sha256 !== pkg.ref.sha256) {
    throw new Error(`platform load bench: the receipt for ${pkg.ref.submissionId} names ${receipt.submissionId} (${receipt.sha256})`);
  }
}

/** The operator's `GET /submissions` must list every package sent, once, with its digest, and nothing else; receipt ids and 承诺编码 never repeat. */
async function checkListing(url: string, operatorToken: string, expected: readonly BenchPackage[]): Promise<void> {
  const answer = await fetch(new URL('/submissions', url), { headers: { Authorization: `Bearer ${operatorToken}` } });
  if (answer.status !== 200) throw new Error(`platform load bench: GET /submissions answered ${answer.status} on ${url}`);
  const body = (await answer.json()) as { submissions: unknown[] };
  const listed = body.submissions.map((row) => SubmissionListingSchema.parse(row));
  expectSame(`GET /submissions on ${url}`, listed.map((row) => row.submissionId), expected.map((pkg) => pkg.ref.submissionId));
  const digests = new Map(expected.map((pkg) => [pkg.ref.submissionId, pkg.ref.sha256]));
  const wrong = listed.filter((row) => digests.get(row.submissionId) !== row.sha256);
  if (wrong.length > 0) throw new Error(`platform load bench: ${wrong.length} listed submissions have other digests than were sent, e.g. ${wrong[0]!.submissionId}`);
  expectDistinct(`receipt ids on ${url}`, listed.map((row) => row.receiptId));
  expectDistinct(`承诺编码 on ${url}`, listed.flatMap((row) => (row.commitmentCode === undefined ? [] : [row.commitmentCode])));
}

/** Nothing lost, nothing duplicated, nothing extra. */
function expectSame(what: string, actual: readonly string[], expected: readonly string[]): void {
  expectDistinct(what, actual);
  const want = new Set(expected);
  const extra = actual.filter((name) => !want.has(name));
  const have = new Set(actual);
  const lost = expected.filter((name) => !have.has(name));
  if (extra.length > 0 || lost.length > 0) {
    throw new Error(`platform load bench: ${what} holds ${actual.length}, sent ${expected.length}: ${lost.length} lost (${lost.slice(0, 3).join(', ')}), ${extra.length} unexpected (${extra.slice(0, 3).join(', ')})`);
  }
}

function expectDistinct(what: string, values: readonly string[]): void {
  const seen = new Set<string>();
  const twice = values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
  if (twice.length > 0) throw new Error(`platform load bench: ${what}: ${twice.length} duplicated, e.g. ${twice[0]}`);
}

/** Prints the figures in the style of bench.ts. */
export function printPlatformLoad(load: PlatformLoad): void {
  const mb = (bytes: number | undefined) => (bytes === undefined ? '   n/a' : `${(bytes / 1024 / 1024).toFixed(0).padStart(4)} MB`);
  console.log(`\nplatform under load over loopback, ${(PACKAGE_BYTES / 1024).toFixed(0)} KB packages (rendered letter PDF + incompressible scan), one unit's token per client:`);
  console.log(`      ours: real \`serve\` processes (node --import tsx platform/serve-platform.ts; package check with pdf.js text reading in worker threads),`);
  console.log(`            the app's tus client (receipt lookup, POST, PATCH); time = first request of a package → its receipt`);
  console.log(`      baseline: a bare node:http process that writes and fsyncs the same bytes (one POST each); ratio = ours ÷ baseline`);
  console.log(`      PostgreSQL: a fresh database per run on a throwaway loopback server with fsync and synchronous commits on;`);
  console.log(`            2 instances share one database and one data folder, clients alternate between them`);
  console.log(`      checked after every run: the operator's GET /submissions on every instance and the packages folder hold each package once`);
  console.log(`      machine: ${load.cores} cores, load average ${load.loadAverage.toFixed(1)} when the run began; clients, servers, PostgreSQL and the baseline share it`);
  if (load.postgresSkipped !== undefined) console.log(`      PostgreSQL runs LEFT OUT: ${load.postgresSkipped}`);
  for (const level of load.levels) {
    console.log(`\n      ${level.clients} client${level.clients === 1 ? '' : 's'} × ${level.perClient} package${level.perClient === 1 ? '' : 's'}:`);
    const row = (label: string, f: LoadFigures, ratio: string) =>
      console.log(
        `        ${label.padEnd(24)} ${f.perSecond.toFixed(1).padStart(7)} pkg/s   p50 ${f.p50.toFixed(0).padStart(6)} ms   p99 ${f.p99.toFixed(0).padStart(6)} ms   peak RSS ${f.peakRssBytes.map(mb).join(' + ')}${ratio}`,
      );
    row('baseline', level.baseline, '');
    for (const target of level.targets) {
      const b = level.baseline;
      const f = target.figures;
      row(target.label, f, `   ratio: pkg/s ${(f.perSecond / b.perSecond).toFixed(3)}, p50 ${(f.p50 / b.p50).toFixed(1)}×, p99 ${(f.p99 / b.p99).toFixed(1)}×`);
    }
  }
}
