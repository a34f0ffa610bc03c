import type { PDFDocument, PDFRawStream } from 'pdf-lib';
import { strToU8, zlibSync } from 'fflate';

/**
 * How a program compresses PDF streams (zlib format): Node's native zlib, the browser's
 * CompressionStream. Deflating the embedded fonts is the largest cost of a render; native code
 * does it several times faster than any JavaScript deflate. Without one, fflate.
 */
export type Deflate = (bytes: Uint8Array) => Promise<Uint8Array>;

export const deflateWithFflate: Deflate = async (bytes) => zlibSync(bytes, { level: 6 });

/** Streams waiting for their compressed contents, by document: awaited by {@link compressedStreams}. */
const deferred = new WeakMap<PDFDocument, { readonly deflate: Deflate; readonly pending: Promise<void>[] }>();

/**
 * Every stream pdf-lib or we flate-compress (pdf-lib would use pako, synchronously) is made at
 * once with empty contents, and compressed with `deflate` while the rest of the document is
 * built; {@link compressedStreams} waits for all of them. Only this document's context is touched.
 */
export function compressLater(doc: PDFDocument, deflate: Deflate): void {
  const { context } = doc;
  deferred.set(doc, { deflate, pending: [] });
  context.flateStream = (contents, dict = {}) =>
    // pdf-lib treats a string here as Latin-1 bytes, and so does strToU8 with latin1 set.
    compressedStream(doc, deflate(typeof contents === 'string' ? strToU8(contents, true) : contents), dict);
}

/**
 * A flate stream whose compressed contents are on their way: made by this document's deflate, or
 * compressed once for many documents (a font subset they share).
 */
export function compressedStream(doc: PDFDocument, compressed: Promise<Uint8Array>, dict: Parameters<PDFDocument['context']['flateStream']>[1] = {}): PDFRawStream {
  const stream = doc.context.stream(new Uint8Array(0), { ...dict, Filter: 'FlateDecode' });
  deferredOf(doc).pending.push(
    compressed.then((bytes) => {
      // A raw stream's contents are only read when the file is written, which waits for this.
      (stream as unknown as { contents: Uint8Array }).contents = bytes;
    }),
  );
  return stream;
}

/** The deflate the document's streams are compressed with. */
export function deflateOf(doc: PDFDocument): Deflate {
  return deferredOf(doc).deflate;
}

/** Resolves once every deferred stream of the document has its contents. */
export async function compressedStreams(doc: PDFDocument): Promise<void> {
  await Promise.all(deferred.get(doc)?.pending ?? []);
}

function deferredOf(doc: PDFDocument): { readonly deflate: Deflate; readonly pending: Promise<void>[] } {
  const found = deferred.get(doc);
  if (!found) throw new Error('The document was not made by createTextDocument');
  return found;
}
