import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * The security audit of the Electron shell: @doyensec/electronegativity over the main process,
 * the preload, the page's HTML (for its CSP) and package.json, with every finding either fixed or
 * explained in electronegativity.json. The sources are copied to a clean folder first, so build
 * output and test artefacts in a working copy never change the result.
 */
const run = promisify(execFile);
const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..', '..', '..');

const ConfigSchema = z.object({
  skipChecks: z.array(z.object({ check: z.string().min(1), why: z.string().min(40) })),
  reviewed: z.array(z.object({ check: z.string().min(1), file: z.string().min(1), why: z.string().min(40) })),
});

const SarifSchema = z.object({
  runs: z.array(
    z.object({
      results: z.array(
        z.object({
          ruleId: z.string(),
          locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number() }).partial().optional() }) })).optional(),
        }),
      ),
    }),
  ),
});

interface Finding {
  readonly check: string;
  readonly file: string;
  readonly line: number | undefined;
}

let findings: Finding[];
let config: z.infer<typeof ConfigSchema>;
let scanned: string;

beforeAll(async () => {
  config = ConfigSchema.parse(JSON.parse(await readFile(join(import.meta.dirname, 'electronegativity.json'), 'utf8')));
  scanned = await mkdtemp(join(tmpdir(), 'pledge-electronegativity-'));
  await cp(join(ROOT, 'electron'), join(scanned, 'electron'), { recursive: true });
  await cp(join(ROOT, 'renderer', 'index.html'), join(scanned, 'renderer', 'index.html'));
  await cp(join(ROOT, 'package.json'), join(scanned, 'package.json'));
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  const output = join(scanned, 'findings.sarif');
  await run(process.execPath, [cli, '-i', scanned, '-r', '-v', 'false', '-e', electronVersion, '-x', config.skipChecks.map((s) => s.check).join(','), '-o', output], {
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const sarif = SarifSchema.parse(JSON.parse(await readFile(output, 'utf8')));
  findings = sarif.runs.flatMap((r) =>
    r.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return { check: result.ruleId, file: location?.artifactLocation.uri.replace(/^file:\/\//, '') ?? '', line: location?.region?.startLine };
    }),
  );
}, 150_000);

afterAll(async () => {
  await rm(scanned, { recursive: true, force: true });
});

describe('electronegativity over the Electron shell', () => {
  it('ran its checks over the main process, the preload, the page and package.json', () => {
    // The reviewed findings prove the scanner read those files; an empty run would prove nothing.
    expect(findings.map((f) => f.file)).toEqual(expect.arrayContaining(['electron/main/main-window.ts', 'package.json']));
  });

  it('leaves no finding unexplained', () => {
    const unexplained = findings.filter((f) => !config.reviewed.some((r) => r.check === f.check && r.file === f.file));
    expect(unexplained, 'fix these, or explain them in test/electron/security/electronegativity.json').toEqual([]);
  });

  it('keeps no explanation for a finding that is gone', () => {
    const stale = config.reviewed.filter((r) => !findings.some((f) => f.check === r.check && f.file === r.file));
    expect(stale, 'remove these from electronegativity.json: the finding no longer occurs').toEqual([]);
  });
});
