import { createRoot } from 'react-dom/client';
import type { OutboxSnapshot } from '../../../core/outbox/outbox-item';
import { OutboxScreen } from '../../../renderer/outbox/OutboxScreen';

/**
 * Runs in Chromium (bundled by records-export.test.ts): the outbox screen over a fake bridge. The
 * test's init script points `window.desktop` at `window.fakeBridge`, set here, since the bridge
 * module reads `window.desktop` before any mount can run.
 */
export interface Calls {
  readonly read: string[];
  readonly saved: { readonly kind: string; readonly suggestedName: string; readonly base64: string }[];
}

export interface BridgeSetup {
  /** Each submission's package as base64; a submission missing here fails to read, as a lost file would. */
  readonly packages: Readonly<Record<string, string>>;
  /** What the save dialog comes to: a path, or null when the clerk cancels it. */
  readonly savedPath: string | null;
}

export function mountOutbox(snapshot: OutboxSnapshot, setup: BridgeSetup): void {
  const calls: Calls = { read: [], saved: [] };
  const call = async (name: string, ...args: unknown[]): Promise<unknown> => {
    const [arg] = args as [Record<string, string> | undefined];
    if (name === 'outbox.readPackage') {
      const id = arg?.['submissionId'] ?? '';
      calls.read.push(id);
      const base64 = setup.packages[id];
      if (base64 === undefined) throw new Error(`没有找到报送包 ${id}`);
      return { base64 };
    }
    if (name === 'files.saveFile') {
      calls.saved.push({ kind: arg?.['kind'] ?? '', suggestedName: arg?.['suggestedName'] ?? '', base64: arg?.['base64'] ?? '' });
      return setup.savedPath === null ? { saved: false } : { saved: true, path: setup.savedPath };
    }
    if (name === 'outbox.getConnection') return { endpoint: null, hasToken: false, tokenProtection: 'os-encryption' };
    throw new Error(`unexpected bridge call ${name}`);
  };
  Object.assign(window, { calls, fakeBridge: { call } });
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<OutboxScreen snapshot={snapshot} error={null} onBack={() => undefined} />);
}
