import { createRoot } from 'react-dom/client';
import type { KeyChange } from '../../../core/protocol/receipt-proof';
import { KeyChangeBanner } from '../../../renderer/outbox/KeyChangeBanner';

/** Runs in Chromium (bundled by key-change-banner.test.ts); the bridge is the page's `window.desktop`, set before this script runs. */
export function mountBanner(change: KeyChange): void {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(<KeyChangeBanner change={change} />);
}
