import { describe, expect, it } from 'vitest';
import type { DesktopHandlers } from '../../../core/bridge/desktop-api';
import { DesktopCallRejected, dispatchDesktopCall } from '../../../core/bridge/dispatch-call';
import { recordingHandlers } from '../../support/recording-handlers';

const handlers = () => recordingHandlers('web');

describe('dispatchDesktopCall', () => {
  it('runs the handler for a known call with valid arguments', async () => {
    const h = handlers();
    await expect(dispatchDesktopCall(h, 'diagnostics.reportError', [{ message: 'x', source: 'test' }])).resolves.toEqual({ logged: true });
    expect(h['diagnostics.reportError']).toHaveBeenCalledWith({ message: 'x', source: 'test' });
  });

  it('rejects unknown call names, including inherited object keys', async () => {
    await expect(dispatchDesktopCall(handlers(), 'fs.readFile', [])).rejects.toBeInstanceOf(DesktopCallRejected);
    await expect(dispatchDesktopCall(handlers(), 'constructor', [])).rejects.toBeInstanceOf(DesktopCallRejected);
  });

  it('rejects arguments that break the contract before the handler runs', async () => {
    const h = handlers();
    await expect(dispatchDesktopCall(h, 'diagnostics.reportError', [{ message: 1 }])).rejects.toBeInstanceOf(DesktopCallRejected);
    await expect(dispatchDesktopCall(h, 'diagnostics.reportError', [{ message: 'x', source: 's', extra: true }])).rejects.toThrow(/Bad arguments/);
    await expect(dispatchDesktopCall(h, 'app.getInfo', ['surplus'])).rejects.toBeInstanceOf(DesktopCallRejected);
    await expect(dispatchDesktopCall(h, 'app.getInfo', 'not a list')).rejects.toBeInstanceOf(DesktopCallRejected);
    expect(h['diagnostics.reportError']).not.toHaveBeenCalled();
  });

  it('checks what a handler returns against the contract too', async () => {
    const h = { ...handlers(), 'app.getInfo': () => ({ name: 'x' }) } as unknown as DesktopHandlers;
    await expect(dispatchDesktopCall(h, 'app.getInfo', [])).rejects.toThrow();
  });
});
