import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to relative URLs so the same files load from Electron's disk and the web host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'chrome120' },
  server: { host: '127.0.0.1' },
});
