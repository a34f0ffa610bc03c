import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { OutboxSnapshot } from '../../../core/outbox/outbox-item';
import { createOutboxService } from '../../../host/outbox/outbox-service';
import { fileTokenVault } from '../../../host/outbox/token-vault';
import { FAULT_TIMING } from './fault-timing';

/**
 * The app's outbox alone in a process, so the fault suite can kill it mid-upload (SIGKILL: no
 * handler runs, as in a crash) and start another on the same data folder.
 *
 *   node --import tsx fault-outbox-process.ts --data <dir> [--endpoint <url>] [--add <package.zip>]
 *
 * `--endpoint` saves the platform address, with the token from PLEDGE_FAULT_TOKEN; `--add` queues
 * a package. Prints every snapshot as one JSON line and exits 0 once every entry is delivered or
 * rejected; a failed call exits 1.
 */
const { values } = parseArgs({ options: { data: { type: 'string' }, endpoint: { type: 'string' }, add: { type: 'string' } } });
if (!values.data) throw new Error('fault-outbox-process: --data <dir> is required.');
const dataDir = values.data;

const sync = createOutboxService({
  dataDir,
  vault: fileTokenVault(join(dataDir, 'sync', 'token')),
  chooseSavePath: async () => null,
  ...FAULT_TIMING,
  onError: (error) => console.error(error),
});

const settled = (snapshot: OutboxSnapshot) => snapshot.items.length > 0 && snapshot.items.every(({ entry }) => entry.state.status === 'delivered' || entry.state.status === 'rejected');

sync.subscribe((snapshot) => {
  process.stdout.write(`${JSON.stringify(snapshot)}\n`, () => {
    if (!settled(snapshot)) return;
    sync.stop();
    process.exit(0);
  });
});

try {
  await sync.start();
  if (values.endpoint) {
    const saved = await sync.handlers['outbox.saveConnection']({ endpoint: values.endpoint, token: { set: process.env['PLEDGE_FAULT_TOKEN'] ?? '' } });
    if (!saved.ok) throw new Error(saved.message);
  }
  if (values.add) {
    const added = await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'fault-suite' }, base64: (await readFile(values.add)).toString('base64') });
    if (!added.ok) throw new Error(added.message);
  }
  process.stdout.write(`${JSON.stringify(sync.snapshot())}\n`);
} catch (error) {
  console.error(error);
  process.exit(1);
}
