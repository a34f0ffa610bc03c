import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxSnapshot } from '../../../core/outbox/outbox-item';
import { buildPackage } from '../../../core/package/build-package';
import { createOutboxService, type OutboxService } from '../../../host/outbox/outbox-service';
import { fileTokenVault } from '../../../host/outbox/token-vault';
import { openReceiptKey } from '../../../platform/identity/receipt-key';
import { startPlatform, type Platform } from '../../../platform/platform-server';
import { ID, OTHER_ID, packageInput } from '../../support/package-fixtures';
import { issueUnitToken, OFFICE, TOKEN } from '../../support/submission-fixtures';
import { until } from '../outbox/fault-fixtures';
import { letterFromTemplate } from '../../../core/letter/templates';

const FIRST = buildPackage(packageInput());
const SECOND = buildPackage(packageInput({ letter: letterFromTemplate('service', { year: 2026 }), submissionId: OTHER_ID }));
const FAST = { retry: { baseMs: 20, capMs: 100 }, probeRetry: { baseMs: 20, capMs: 100 } };
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let dir: string;
const folders: string[] = [];
let platform: Platform | undefined;
let service: OutboxService | undefined;

/** A platform on `port` with a data folder of its own, so a key of its own. */
async function platformOn(port = 0): Promise<{ url: string; keyId: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-pin-platform-'));
  folders.push(dataDir);
  await issueUnitToken(dataDir);
  platform = await startPlatform({ dataDir, port, identity: OFFICE });
  return { url: platform.url, keyId: (await openReceiptKey(dataDir)).key.keyId };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-pin-app-'));
});
afterEach(async () => {
  service?.stop();
  await platform?.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

const itemOf = (snapshot: OutboxSnapshot, id: string) => snapshot.items.find((item) => item.entry.package.submissionId === id);

describe('the outbox pins the platform’s receipt key', () => {
  it('pins on first contact and verifies the receipt; a platform with another key later is a warning, its receipt not verified, until the clerk trusts the new key', async () => {
    const first = await platformOn();
    service = createOutboxService({ dataDir: dir, vault: fileTokenVault(join(dir, 'sync', 'token')), chooseSavePath: async () => null, ...FAST });
    await service.start();
    await service.handlers['outbox.saveConnection']({ endpoint: first.url, token: { set: TOKEN } });
    await service.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(FIRST) });
    const delivered = await until(service, (s) => itemOf(s, ID)?.entry.state.status === 'delivered');
    expect(itemOf(delivered, ID)!.proof).toBe('verified');
    expect(delivered.keyChange).toBeUndefined();
    expect(await readFile(join(dir, 'sync', 'platform-keys.json'), 'utf8')).toContain(first.keyId);

    // The same address now answered by a platform with another key (another data folder).
    await platform!.close();
    const second = await platformOn(Number(new URL(first.url).port));
    expect(second.keyId).not.toBe(first.keyId);
    await service.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd2' }, base64: base64(SECOND) });
    const warned = await until(service, (s) => itemOf(s, OTHER_ID)?.entry.state.status === 'delivered' && s.keyChange !== undefined);
    expect(warned.keyChange).toEqual({ office: OFFICE.name, pinnedKeyId: first.keyId, newKeyId: second.keyId });
    // Delivered by the platform's word, not proven; the earlier receipt stays proven.
    expect(itemOf(warned, OTHER_ID)!.proof).toBe('untrusted-key');
    expect(itemOf(warned, ID)!.proof).toBe('verified');

    // Only the key the platform offers can be trusted, and only when asked.
    expect(await service.handlers['outbox.trustPlatformKey']({ keyId: first.keyId.replace(/./, (c) => (c === '0' ? '1' : '0')) })).toEqual({ trusted: false });
    expect(await service.handlers['outbox.trustPlatformKey']({ keyId: second.keyId })).toEqual({ trusted: true });
    const trusted = await service.handlers['outbox.get']();
    expect(trusted.keyChange).toBeUndefined();
    expect(itemOf(trusted, OTHER_ID)!.proof).toBe('verified');
    expect(itemOf(trusted, ID)!.proof).toBe('verified');
  }, 30_000);

  it('keeps the pin across restarts: a receipt verified stays verified', async () => {
    const first = await platformOn();
    const start = async () => {
      const created = createOutboxService({ dataDir: dir, vault: fileTokenVault(join(dir, 'sync', 'token')), chooseSavePath: async () => null, ...FAST });
      await created.start();
      return created;
    };
    service = await start();
    await service.handlers['outbox.saveConnection']({ endpoint: first.url, token: { set: TOKEN } });
    await service.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(FIRST) });
    await until(service, (s) => itemOf(s, ID)?.proof === 'verified');
    service.stop();
    service = await start();
    expect(itemOf(service.snapshot(), ID)!.proof).toBe('verified');
  }, 30_000);
});
