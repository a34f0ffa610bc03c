import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../../core/hash/sha256-hex';
import type { PackageRef } from '../../core/outbox/outbox-entry';
import { buildPackage } from '../../core/package/build-package';
import { issueToken } from '../../platform/credentials';
import { OFFICE } from './office';
import { startPlatform, type Platform, type PlatformOptions } from '../../platform/platform-server';
import { packageInput, PNG } from './package-fixtures';

/** The unit of the fixtures' letter (the `service` template), and the token issued to it on every test platform. */
export const UNIT = { code: '122399214012770352', name: '青山县政务服务中心' } as const;
export const TOKEN = 'sync-test-token';

export { OFFICE };

/** Gives the fixtures' unit its token in a data folder, as `token issue` would (with a fixed token). */
export async function issueUnitToken(dataDir: string): Promise<void> {
  await issueToken(dataDir, { unit: UNIT.code, name: UNIT.name }, TOKEN);
}

/** A package with an incompressible "scan" of about `scanBytes`, so the upload spans many chunks. */
export function bigPackage(scanBytes: number, overrides: Parameters<typeof packageInput>[0] = {}): Uint8Array {
  const scan = new Uint8Array(scanBytes);
  scan.set(PNG.subarray(0, 8));
  scan.set(randomBytes(scanBytes - 8), 8);
  return buildPackage(packageInput({ signed: [{ name: 'scan.png', bytes: scan }], ...overrides }));
}

export function refOf(bytes: Uint8Array, submissionId: string): PackageRef {
  return { submissionId, sha256: sha256Hex(bytes), size: bytes.byteLength };
}

/** The real reference platform on a loopback port with a fresh data folder, where {@link TOKEN} is the fixtures' unit's. */
export async function startTestPlatform(options: Partial<PlatformOptions> = {}): Promise<{ platform: Platform; dataDir: string; storedPackages(): Promise<string[]>; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-sync-'));
  await issueUnitToken(dataDir);
  const platform = await startPlatform({ dataDir, port: 0, identity: OFFICE, ...options });
  return {
    platform,
    dataDir,
    storedPackages: () => readdir(join(dataDir, 'packages')),
    stop: async () => {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A loopback port with nothing listening: the platform is down. */
export async function deadEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Accepts connections and never answers: the platform hangs. */
export async function silentEndpoint(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
