import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Which program root may import which (issue 13, docs/architecture.md), stated here on its own so
 * the test checks the lint rules and the tsconfigs against the rules, not against themselves.
 * `node/` is the plain-Node library host/ and platform/ share (durable files, the package check).
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  node: ['core'],
  host: ['core', 'node'],
  electron: ['core', 'node', 'host'],
  'web-host': ['core', 'node', 'host'],
  cli: ['core', 'node', 'host'],
  platform: ['core', 'node'],
  renderer: ['core'],
};
const ROOTS = Object.keys(MAY_IMPORT);
const repo = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repo });

async function lintErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repo, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

/** A probe file two folders deep in `root` that imports a file of `target`. */
function probe(root: string, target: string): [string, string] {
  return [`${root}/probe/boundary-probe.ts`, `import { x } from '../../${target}/some-file';\nexport const y = x;\n`];
}

describe('the lint rules keep each root to what it may import', () => {
  const forbidden = ROOTS.flatMap((root) => ROOTS.filter((other) => other !== root && !MAY_IMPORT[root]!.includes(other)).map((other) => [root, other] as const));
  const allowed = ROOTS.flatMap((root) => MAY_IMPORT[root]!.map((other) => [root, other] as const));

  it.each(forbidden)('refuses %s/ importing %s/', async (root, other) => {
    expect(await lintErrors(...probe(root, other))).toContain('no-restricted-imports');
  });

  it.each(allowed)('lets %s/ import %s/', async (root, other) => {
    expect(await lintErrors(...probe(root, other))).toEqual([]);
  });

  it.each(ROOTS.filter((root) => root !== 'electron'))('refuses the electron package in %s/', async (root) => {
    expect(await lintErrors(`${root}/probe.ts`, "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
  });

  it('lets electron/ import the electron package', async () => {
    expect(await lintErrors('electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });

  it.each(['core', 'renderer'])('refuses Node built-ins in %s/', async (root) => {
    expect(await lintErrors(`${root}/probe.ts`, "import { readFile } from 'node:fs';\nexport const r = readFile;\n")).toContain('no-restricted-imports');
  });

  it('leaves test/ free to import any root', async () => {
    expect(await lintErrors('test/probe.test.ts', "import { x } from '../platform/some-file';\nimport { app } from 'electron';\nexport const y = [x, app];\n")).toEqual([]);
  });
});

/** Every relative import of every tracked source file, resolved to the root it lands in. */
function importsByRoot(): Array<{ file: string; root: string; target: string }> {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...ROOTS], { cwd: repo, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(ts|tsx|mjs)$/.test(file));
  const found: Array<{ file: string; root: string; target: string }> = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(repo, file), 'utf8');
    } catch {
      continue; // deleted in the work tree but not yet in the index
    }
    for (const match of text.matchAll(/(?:from|import|tsImport)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const specifier = match[1]!;
      const root = file.split('/')[0]!;
      const target = specifier.startsWith('.') ? relative(repo, resolve(dirname(join(repo, file)), specifier)).split('/')[0]! : specifier === 'electron' || specifier.startsWith('electron/') ? 'electron-package' : '';
      if (target !== '') found.push({ file, root, target });
    }
  }
  return found;
}

describe('the tree keeps the rules', () => {
  const imports = importsByRoot();

  it('finds the imports it checks (the scan itself works)', () => {
    expect(imports.some((i) => i.root === 'host' && i.target === 'core')).toBe(true);
    expect(imports.some((i) => i.root === 'electron' && i.target === 'electron-package')).toBe(true);
  });

  it('imports the electron package only in electron/main and electron/preload', () => {
    const outside = imports.filter((i) => i.target === 'electron-package' && !/^electron\/(main|preload)\//.test(i.file));
    expect(outside).toEqual([]);
  });

  it('imports platform/ from nowhere but platform/ itself (and test/)', () => {
    expect(imports.filter((i) => i.target === 'platform' && i.root !== 'platform')).toEqual([]);
  });

  it('imports across roots only where the rules allow', () => {
    const crossing = imports.filter((i) => ROOTS.includes(i.target) && i.target !== i.root && !MAY_IMPORT[i.root]!.includes(i.target));
    expect(crossing).toEqual([]);
  });
});

describe('the per-root tsconfigs type the same boundary', () => {
  /** Type-checks `root`'s project with one more file in it, and returns the error codes. */
  function typecheckWith(root: string, code: string): number[] {
    const configPath = join(repo, root, 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!config) throw new Error(`Cannot read ${configPath}`);
    const probePath = join(repo, root, 'boundary-probe.ts');
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => (resolve(name) === probePath ? code : readFile(name));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => resolve(name) === probePath || fileExists(name);
    const program = ts.createProgram({ rootNames: [...config.fileNames, probePath], options: { ...config.options, noEmit: true }, host, projectReferences: config.projectReferences ?? [] });
    return [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics(program.getSourceFile(probePath))].map((d) => d.code);
  }

  it('refuses a platform/ file in host/ (TS6307: not listed within the project), and accepts a core/ one', () => {
    expect(typecheckWith('host', "import { createSemaphore } from '../platform/semaphore';\nexport const s = createSemaphore;\n")).toContain(6307);
    expect(typecheckWith('host', "import { sha256Hex } from '../core/hash/sha256-hex';\nexport const h = sha256Hex;\n")).toEqual([]);
  }, 120_000);
});
