import { installedElectronBinary } from '../../scripts/electron-binary.mjs';

/** The Electron binary Playwright can launch, or the reason there is none. */
export function findElectronBinary(): { path: string } | { missing: string } {
  const path = installedElectronBinary();
  if (path !== undefined) return { path };
  return {
    missing:
      'Electron binary not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or its download host is unreachable); ' +
      'set ELECTRON_OVERRIDE_DIST_PATH or reinstall electron to run this project.',
  };
}
