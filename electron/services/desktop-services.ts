import type { AppInfo, DesktopHandlers } from '../../core/bridge/desktop-api';
import { appendErrorReport } from './error-log';

/**
 * The services behind the bridge, in plain Node: Electron's main process and the HTTP host for
 * the browser both serve exactly these handlers, each over its own transport.
 */
export interface ServiceContext {
  readonly info: AppInfo;
  readonly now?: () => Date;
}

export function createDesktopServices(context: ServiceContext): DesktopHandlers {
  const now = context.now ?? (() => new Date());
  return {
    'app.getInfo': () => context.info,
    'diagnostics.reportError': async (report) => {
      await appendErrorReport(context.info.dataDir, report, now());
      return { logged: true };
    },
  };
}
