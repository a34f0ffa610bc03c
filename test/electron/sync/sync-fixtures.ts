import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import type { PackageRef } from '../../../core/outbox/outbox-entry';
import { buildPackage } from '../../../core/package/build-package';
import { startPlatform, type Platform } from '../../../electron/platform/platform-server';
import { packageInput, PNG } from '../../core/package/package-fixtures';

export const TOKEN = 'sync-test-token';

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

/** The real reference platform on a loopback port with a fresh data folder. */
export async function startTestPlatform(): Promise<{ platform: Platform; dataDir: string; storedPackages(): Promise<string[]>; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-sync-'));
  const platform = await startPlatform({ dataDir, port: 0, token: TOKEN });
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
