import Ajv from 'ajv';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';

// electron-builder publishes the JSON Schema of its configuration; checking against it catches a
// misspelt key here instead of on a packaging machine that has the Electron binary.
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own configuration schema', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('covers Windows, Linux on x64 and arm64, and macOS', () => {
    const targets = (platform: string) => (config[platform] as { target: { target: string; arch?: string[] }[] }).target;
    expect(targets('win')).toContainEqual({ target: 'nsis', arch: ['x64'] });
    expect(targets('linux')).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(targets('mac').map((t) => t.target)).toEqual(['dmg']);
  });

  it('packages what package.json names as the main entry', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config['files']).toContain('dist/electron/**/*');
  });
});

describe('the platform’s server dependencies stay out of the desktop app', () => {
  const SERVER_PACKAGES = ['@tus/server', '@tus/file-store', 'better-sqlite3'];
  type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; workspaces?: string[] };
  const root = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
  const platform = JSON.parse(readFileSync('platform/package.json', 'utf8')) as Manifest;

  it('are declared by the platform workspace only, which one npm ci at the root installs', () => {
    expect(root.workspaces).toContain('platform');
    for (const name of SERVER_PACKAGES) {
      expect(platform.dependencies?.[name], name).toBeDefined();
      expect(root.dependencies?.[name], name).toBeUndefined();
      expect(root.devDependencies?.[name], name).toBeUndefined();
    }
  });

  it('are not in the bundles the app is packed from, and no node_modules is packed', async () => {
    expect(config['files']).toContain('!node_modules/**/*');
    const outdir = await mkdtemp(join(tmpdir(), 'pledge-bundle-'));
    try {
      await buildElectron(outdir);
      for (const bundle of ['main.cjs', 'preload.cjs', 'package-check-worker.cjs']) {
        const text = await readFile(join(outdir, bundle), 'utf8');
        expect(text.length, bundle).toBeGreaterThan(1000);
        for (const name of SERVER_PACKAGES) expect(text.includes(`node_modules/${name}/`), `${bundle} bundles ${name}`).toBe(false);
      }
      // The check can see a bundled package: the main bundle does carry zod's files.
      expect((await readFile(join(outdir, 'main.cjs'), 'utf8')).includes('node_modules/zod/')).toBe(true);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the hardening fuses', () => {
  const e2e = load(readFileSync('test/electron-builder.e2e.yml', 'utf8')) as Record<string, unknown>;
  const PRODUCTION_FUSES = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  };

  it('are all flipped in the production build', () => {
    expect(config['electronFuses']).toEqual(PRODUCTION_FUSES);
  });

  it('differ in the test build only by the inspect fuse Playwright needs, and it builds elsewhere', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(e2e), JSON.stringify(validate.errors)).toBe(true);
    expect(e2e['extends']).toBe('electron-builder.yml');
    expect(e2e['electronFuses']).toEqual({ ...PRODUCTION_FUSES, enableNodeCliInspectArguments: true });
    expect((e2e['directories'] as { output: string }).output).not.toBe((config['directories'] as { output: string }).output);
  });
});

describe('the Linux packages', () => {
  it('name what Electron and the keyring need, so the deb installs on UOS and Kylin', () => {
    const depends = (config['deb'] as { depends: string[] }).depends;
    expect(depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0', 'libasound2 | libasound2t64']));
  });
});
