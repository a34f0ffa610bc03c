import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Renderer code run in Debian's Chromium from inside a vitest file: a page script bundled from a
 * TypeScript entry, served with pdf.js's worker from a made-up origin, so nothing listens and
 * nothing leaves the machine. The page script hands its entry point to the test as `window.<global>`.
 */

const require = createRequire(import.meta.url);
const ORIGIN = 'http://pledge.test';

export interface ServedFile {
  readonly body: string | Buffer;
  readonly type: string;
}

/** The entry bundled for the browser (React's production build when the page renders components). */
export async function bundlePageScript(entry: string): Promise<string> {
  const bundled = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return bundled.outputFiles[0]?.text ?? '';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * Opens the page: `/` loads the script, which exports `global`; `/pdf.worker.mjs` is pdf.js's
 * worker; `files` are served at their paths. Resolves once `window[global]` is a function.
 */
export async function openScriptPage(page: Page, script: string, global: string, files: ReadonlyMap<string, ServedFile> = new Map()): Promise<void> {
  const worker = await readFile(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'));
  const served = new Map<string, ServedFile>([
    ['/', { body: '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>', type: 'text/html' }],
    ['/page.js', { body: `${script}\nwindow.${global} = ${global};`, type: 'text/javascript' }],
    ['/pdf.worker.mjs', { body: worker, type: 'text/javascript' }],
    ...files,
  ]);
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = served.get(new URL(route.request().url()).pathname);
    return file ? route.fulfill({ body: file.body, contentType: file.type }) : route.fulfill({ status: 404 });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(`typeof window.${global} === "function"`);
}
