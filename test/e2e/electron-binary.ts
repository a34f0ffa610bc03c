import { createRequire } from 'node:module';

/** The Electron binary Playwright can launch, or the reason there is none. */
export function findElectronBinary(): { path: string } | { missing: string } {
  try {
    // The electron package resolves to its binary's path, honouring ELECTRON_OVERRIDE_DIST_PATH.
    return { path: createRequire(import.meta.url)('electron') as string };
  } catch (error) {
    return {
      missing:
        'Electron binary not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or its download host is unreachable); ' +
        `set ELECTRON_OVERRIDE_DIST_PATH or reinstall electron to run this project. (${(error as Error).message})`,
    };
  }
}
