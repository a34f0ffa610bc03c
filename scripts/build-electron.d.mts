/** Bundles the main process, the preload and the package-check worker into `outdir` (default dist/electron). */
export function buildElectron(outdir?: string): Promise<unknown>;
