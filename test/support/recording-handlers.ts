import { vi } from 'vitest';
import type { DesktopHandlers } from '../../core/bridge/desktop-api';

/** Every call of the contract as a recording function with a valid answer, for tests of the transports (not of the services). */
export function recordingHandlers(shell: 'web' | 'electron' = 'web'): DesktopHandlers {
  const noSnapshot = { items: [], connection: { state: 'not-configured' as const } };
  const settings = { endpoint: null, hasToken: false, tokenProtection: 'file-permissions' as const };
  return {
    'app.getInfo': vi.fn(() => ({ name: 'Pledge Desk', version: '1.2.3', shell, platform: 'linux', dataDir: '/data' })),
    'diagnostics.reportError': vi.fn(async () => ({ logged: true })),
    'files.saveFile': vi.fn(async () => ({ saved: false })),
    'files.openPdf': vi.fn(async () => ({ opened: false, path: '' })),
    'app.readyToClose': vi.fn(() => ({ closing: false })),
    'app.notify': vi.fn(() => ({ shown: false })),
    'outbox.getConnection': vi.fn(() => settings),
    'outbox.saveConnection': vi.fn(() => ({ ok: true as const, settings })),
    'outbox.get': vi.fn(() => noSnapshot),
    'outbox.add': vi.fn(() => ({ ok: false as const, message: '未实现' })),
    'outbox.testConnection': vi.fn(() => ({ result: 'token-missing' as const })),
    'outbox.sendNow': vi.fn(() => ({ connection: { state: 'not-configured' as const } })),
    'outbox.resend': vi.fn(() => ({})),
    'outbox.trustPlatformKey': vi.fn(() => ({ trusted: true })),
    'outbox.readPackage': vi.fn(() => ({ base64: '' })),
    'outbox.exportPackage': vi.fn(() => ({ saved: false })),
    'outbox.networkHint': vi.fn(() => ({})),
    'signing.signPdf': vi.fn(() => ({ ok: false as const, message: '未实现' })),
    'fonts.describe': vi.fn(() => ({ faces: { title: null, body: null, heading: null, subheading: null }, folders: [] })),
    'fonts.read': vi.fn(() => ({ base64: '' })),
    'fonts.pick': vi.fn(() => ({ ok: false as const, message: '未实现' })),
    'fonts.forget': vi.fn(() => ({})),
  };
}
