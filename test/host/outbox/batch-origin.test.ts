import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letterFromTemplate } from '../../../core/letter/templates';
import { buildPackage } from '../../../core/package/build-package';
import { createOutboxService, type OutboxService } from '../../../host/outbox/outbox-service';
import { fileTokenVault } from '../../../host/outbox/token-vault';
import { ID, OTHER_ID, packageInput, renderedPdf } from '../../support/package-fixtures';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const PERSON_LETTER = letterFromTemplate('person', { year: 2026 });
const PERSON_PACKAGE = buildPackage(packageInput({ letter: PERSON_LETTER, pdf: await renderedPdf(PERSON_LETTER), submissionId: OTHER_ID }));
const UNIT_PACKAGE = buildPackage(packageInput());
const BATCH = { id: 'batch-1', title: '2026 年度公职人员承诺（花名册.xlsx）' };

let dir: string;
const services: OutboxService[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-outbox-batch-'));
});
afterEach(async () => {
  for (const service of services.splice(0)) service.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

async function service(): Promise<OutboxService> {
  const created = createOutboxService({ dataDir: dir, vault: fileTokenVault(join(dir, 'sync', 'token')), chooseSavePath: async (name) => join(dir, name) });
  services.push(created);
  await created.start();
  return created;
}

const detailsOf = (sync: OutboxService, id: string) => sync.snapshot().items.find((item) => item.entry.package.submissionId === id)?.details;

describe('a letter of a staff batch in the outbox', () => {
  it('keeps its batch and the person’s name across a restart, each package its own submission; a unit letter has neither', async () => {
    const first = await service();
    expect(await first.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd-person', batch: BATCH }, base64: base64(PERSON_PACKAGE) })).toEqual({ ok: true, submissionId: OTHER_ID, duplicate: false });
    expect(await first.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd-unit' }, base64: base64(UNIT_PACKAGE) })).toEqual({ ok: true, submissionId: ID, duplicate: false });
    const name = (PERSON_LETTER as { person: { name: string } }).person.name;
    expect(detailsOf(first, OTHER_ID)).toMatchObject({ personName: name, origin: { kind: 'app', draftId: 'd-person', batch: BATCH } });
    first.stop();

    const second = await service();
    expect(second.snapshot().items).toHaveLength(2);
    expect(detailsOf(second, OTHER_ID)).toMatchObject({ personName: name, origin: { kind: 'app', draftId: 'd-person', batch: BATCH } });
    const unit = detailsOf(second, ID);
    expect(unit?.origin).toEqual({ kind: 'app', draftId: 'd-unit' });
    expect(unit).not.toHaveProperty('personName');
    // Packing the batch's letter again is the same submission, not a second one.
    expect(await second.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd-person', batch: BATCH }, base64: base64(PERSON_PACKAGE) })).toEqual({ ok: true, submissionId: OTHER_ID, duplicate: true });
    expect(second.snapshot().items).toHaveLength(2);
  });

  it('reads an entry written before batches existed: no batch, no name, shown as before', async () => {
    const first = await service();
    await first.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd-person', batch: BATCH }, base64: base64(PERSON_PACKAGE) });
    first.stop();
    // What an older version wrote: the same details without the two new keys.
    const file = join(dir, 'outbox', OTHER_ID, 'details.json');
    const older = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete older['personName'];
    older['origin'] = { kind: 'app', draftId: 'd-person' };
    await writeFile(file, JSON.stringify(older));

    const second = await service();
    expect(detailsOf(second, OTHER_ID)).toEqual(older);
  });
});
