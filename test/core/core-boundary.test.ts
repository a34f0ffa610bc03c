import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule is what keeps core/ runnable in main, renderer and the command line alike.
const eslint = new ESLint();

async function coreLintErrors(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'core/letter/boundary-probe.ts' });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

describe('core/ boundary', () => {
  it.each([
    "import { readFile } from 'node:fs';",
    "import { readFile } from 'fs';",
    "import { app } from 'electron';",
    "import { useState } from 'react';",
    "import Dexie from 'dexie';",
    "import { desktop } from '../../renderer/bridge/desktop';",
  ])('refuses %s', async (code) => {
    expect(await coreLintErrors(`${code}\nexport const used = [${code.match(/import \{? ?(\w+)/)?.[1] ?? ''}];\n`)).toContain('no-restricted-imports');
  });

  it.each(['window.title', 'document.title', "fetch('x')", 'process.env', 'indexedDB.open("x")'])('refuses the global %s', async (code) => {
    expect(await coreLintErrors(`export const x = () => ${code};\n`)).toContain('no-restricted-globals');
  });

  it('allows plain TypeScript and zod', async () => {
    expect(await coreLintErrors("import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('applies only to core/', async () => {
    const [result] = await eslint.lintText("import { readFile } from 'node:fs';\nexport const r = readFile;\n", { filePath: 'host/probe.ts' });
    expect(result?.messages.filter((m) => m.severity === 2)).toEqual([]);
  });
});
