import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Name and version from package.json, for hosts that are not Electron (which has app.getVersion). */
export function readPackageInfo(): { name: string; version: string } {
  const file = fileURLToPath(new URL('../package.json', import.meta.url));
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { productName?: string; name: string; version: string };
  return { name: pkg.productName ?? pkg.name, version: pkg.version };
}
