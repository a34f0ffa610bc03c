import type { DesktopApi } from '../../core/bridge/desktop-api';
import { createHttpDesktopApi } from './http-desktop-api';

declare global {
  interface Window {
    /** Set by Electron's preload; absent when the renderer is served to a browser. */
    readonly desktop?: DesktopApi;
  }
}

/** The bridge for this run: Electron's preload when present, otherwise the web host over HTTP. */
export const desktop: DesktopApi = window.desktop ?? createHttpDesktopApi();
