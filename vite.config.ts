import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to relative URLs so the same files load from Electron's disk and the web host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    // Modules run in import order even across shared chunks: zod's jitless setting
    // (app/zod-without-eval.ts, imported first) must run before any schema is built, or zod
    // probes for eval and the Content Security Policy reports it.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
  server: { host: '127.0.0.1' },
});
