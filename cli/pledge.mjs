#!/usr/bin/env node
// Entry of `npx pledge`: runs the TypeScript command line through tsx, so a clone works
// right after `npm ci` with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
