/**
 * The Content Security Policy of the renderer, sent with every page and asset by both hosts (the
 * `app://` protocol in Electron, the browser host), so the end-to-end specs run the app under the
 * very policy it ships with.
 *
 * - Scripts, workers, styles, fonts and data only from the app itself: no inline script, no eval.
 * - `'wasm-unsafe-eval'`: the font subsetter is WebAssembly (HarfBuzz), compiled in the PDF worker.
 * - `blob:` images: signed-copy thumbnails are object URLs of bytes from IndexedDB.
 * - No frames, plugins, forms posting elsewhere or `<base>` tricks.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The same policy as `renderer/index.html` carries in its `<meta>`, so the page is covered however
 * it is served. A meta policy cannot say `frame-ancestors` (browsers ignore it there, with a
 * warning), which the headers do; a test keeps the two in step.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/** Headers every renderer response carries, in both hosts. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
