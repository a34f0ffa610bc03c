// The package-check worker run from source (npm run platform, npm run web, pledge, Vitest): a
// worker thread does not inherit tsx's loader, so it loads the TypeScript through tsx's API.
// The Electron build bundles package-check-worker.ts itself as package-check-worker.cjs.
import { tsImport } from 'tsx/esm/api';

await tsImport('./package-check-worker.ts', import.meta.url);
