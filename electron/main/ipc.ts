import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { DESKTOP_CALL_NAMES, type DesktopHandlers } from '../../core/bridge/desktop-api';
import { dispatchDesktopCall } from '../../core/bridge/dispatch-call';

/** Decides whether a frame is one of ours, loaded from the app's own renderer. */
export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/**
 * Registers every call of the contract through one wrapper: the sender must be a frame the app
 * created, and the arguments must match the contract before the handler runs.
 */
export function registerDesktopHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: DesktopHandlers, isTrusted: SenderCheck): void {
  for (const name of DESKTOP_CALL_NAMES) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrusted(event.senderFrame)) throw new Error(`Refused ${name} from an untrusted sender`);
      return dispatchDesktopCall(handlers, name, args);
    });
  }
}

/**
 * Trusts only top-level frames on the app's own origin (`app://pledge-desk`, see `isAppUrl`):
 * not a sub-frame, not a look-alike host, not a file or web page that somehow got loaded.
 */
export function trustAppFrames(isOwnUrl: (url: string) => boolean): SenderCheck {
  return (frame) => frame !== null && frame.parent === null && isOwnUrl(frame.url);
}
