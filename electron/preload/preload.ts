import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isDesktopCallName,
  isDesktopEventName,
  type DesktopApi,
  type DesktopCallName,
  type DesktopCallResult,
  type DesktopEventName,
  type DesktopEventPayload,
} from '../../core/bridge/desktop-api';

/** The only door between the page and the main process; it passes nothing outside the contract. */
const desktop = {
  call<N extends DesktopCallName>(name: N, ...args: unknown[]): Promise<DesktopCallResult<N>> {
    if (!isDesktopCallName(name)) return Promise.reject(new Error(`Unknown desktop call: ${String(name)}`));
    return ipcRenderer.invoke(name, ...args) as Promise<DesktopCallResult<N>>;
  },
  on<E extends DesktopEventName>(event: E, listener: (payload: DesktopEventPayload<E>) => void): () => void {
    if (!isDesktopEventName(event)) throw new Error(`Unknown desktop event: ${String(event)}`);
    const forward = (_event: IpcRendererEvent, payload: DesktopEventPayload<E>) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => ipcRenderer.removeListener(event, forward);
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', desktop);
