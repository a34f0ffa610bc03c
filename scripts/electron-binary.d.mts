/** The Electron binary on disk (honouring ELECTRON_OVERRIDE_DIST_PATH), or undefined when there is none. */
export function installedElectronBinary(): string | undefined;
