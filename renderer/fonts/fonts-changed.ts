/**
 * Tells whoever renders PDFs in this page that the faces changed (a file picked or forgotten in
 * the font settings), so the next render asks `fonts.describe` again instead of reusing the faces
 * it loaded. An EventTarget rather than a list of callbacks: a listener that throws is reported
 * and the others still run.
 */
const fontsEvents = new EventTarget();
const FONTS_CHANGED = 'fonts-changed';

/** Calls `listener` after every change of faces from now on; the returned function stops that. */
export function onFontsChanged(listener: () => void): () => void {
  // A wrapper of its own: subscribing the same function twice gives two subscriptions, each removed by its own stop.
  const handler = () => listener();
  fontsEvents.addEventListener(FONTS_CHANGED, handler);
  return () => fontsEvents.removeEventListener(FONTS_CHANGED, handler);
}

export function announceFontsChanged(): void {
  fontsEvents.dispatchEvent(new Event(FONTS_CHANGED));
}
