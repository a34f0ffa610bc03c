import { strToU8 } from 'fflate';
import {
  PDFCrossRefStream,
  PDFFlateStream,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFObjectStream,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFDict,
  type PDFObject,
} from 'pdf-lib';
import type { Deflate } from './deferred-streams';

/**
 * Writes a document as pdf-lib's `save({ useObjectStreams: true })` does (the same objects in the
 * same order: every dictionary packed into compressed object streams of 50, the streams as they
 * are, a compressed cross-reference stream), but compressed by the program's `deflate` rather
 * than pdf-lib's pako, and stream contents copied in one piece: pako compressing the object
 * streams, the cross-reference stream and pdf-lib's own content streams, and copying every font
 * byte by byte, made up most of the cost of saving a letter.
 */
const OBJECTS_PER_STREAM = 50;
const FLATE_DECODE = PDFName.of('FlateDecode');
const FILTER = PDFName.of('Filter');

type IndirectObject = [PDFRef, PDFObject];

export async function writePdf(context: PDFContext, deflate: Deflate): Promise<Uint8Array> {
  let objectNumber = context.largestObjectNumber + 1;
  const xref = PDFCrossRefStream.create(trailerDict(context), false);
  const indirect = context.enumerateIndirectObjects();
  const chunks: IndirectObject[][] = [];
  const streamRefs: PDFRef[] = [];
  const packedIn = new Map<PDFRef, { stream: PDFRef; index: number }>();
  const encoded = new Map<PDFStream, Promise<Uint8Array>>();
  for (const [ref, object] of indirect) {
    // pdf-lib's rule for what may not go into an object stream.
    if (ref === context.trailerInfo.Encrypt || object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0) {
      // A stream pdf-lib itself would compress (an appearance, a drawing's content) is compressed here instead.
      if (object instanceof PDFFlateStream && object.dict.get(FILTER) === FLATE_DECODE) encoded.set(object, deflate(object.getUnencodedContents()));
      continue;
    }
    let chunk = chunks[chunks.length - 1];
    if (!chunk || chunk.length === OBJECTS_PER_STREAM) {
      chunk = [];
      chunks.push(chunk);
      streamRefs.push(PDFRef.of(objectNumber++));
    }
    packedIn.set(ref, { stream: streamRefs[streamRefs.length - 1] as PDFRef, index: chunk.length });
    chunk.push([ref, object]);
  }
  const objectStreams = chunks.map((chunk) => {
    const stream = PDFObjectStream.withContextAndObjects(context, chunk, false);
    return { stream, contents: deflate(stream.getUnencodedContents()) };
  });
  const contentsOf = new Map<PDFStream, Uint8Array>();
  await Promise.all([...encoded].map(async ([stream, contents]) => contentsOf.set(stream, await contents)));

  const out = new ByteSink();
  out.text('%PDF-1.7\n%\x81\x81\x81\x81\n\n');
  for (const [ref, object] of indirect) {
    const packed = packedIn.get(ref);
    if (packed) {
      xref.addCompressedEntry(ref, packed.stream, packed.index);
      continue;
    }
    xref.addUncompressedEntry(ref, out.length);
    out.indirect(ref, object, contentsOf.get(object as PDFStream));
  }
  for (const [i, { stream, contents }] of objectStreams.entries()) {
    const ref = streamRefs[i] as PDFRef;
    xref.addUncompressedEntry(ref, out.length);
    out.indirect(ref, stream, await contents);
  }
  const xrefRef = PDFRef.of(objectNumber++);
  xref.dict.set(PDFName.of('Size'), PDFNumber.of(objectNumber));
  const xrefOffset = out.length;
  xref.addUncompressedEntry(xrefRef, xrefOffset);
  const xrefContents = await deflate(xref.getUnencodedContents());
  out.indirect(xrefRef, xref, xrefContents);
  out.text(`startxref\n${xrefOffset}\n%%EOF`);
  return out.bytes();
}

function trailerDict(context: PDFContext): PDFDict {
  const { Root, Encrypt, Info, ID } = context.trailerInfo;
  return context.obj({ Size: context.largestObjectNumber + 1, Root, Encrypt, Info, ID });
}

/** The file's pieces in order, joined once at the end. */
class ByteSink {
  private readonly parts: Uint8Array[] = [];
  length = 0;

  text(text: string): void {
    // Latin-1, as pdf-lib writes every object's characters.
    this.add(strToU8(text, true));
  }

  /** `compressed`: a stream's contents deflated here, written in place of its own with its Filter and Length. */
  indirect(ref: PDFRef, object: PDFObject, compressed?: Uint8Array): void {
    this.text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    if (object instanceof PDFStream) {
      // Its Length (and a cross-reference stream's W and Index); for a stream compressed here that
      // would be pdf-lib compressing it again, and an object stream's objects written twice.
      if (!compressed || object instanceof PDFCrossRefStream) object.updateDict();
      if (compressed) {
        object.dict.set(FILTER, FLATE_DECODE);
        object.dict.set(PDFName.Length, PDFNumber.of(compressed.length));
      }
      this.object(object.dict);
      this.text('\nstream\n');
      this.add(compressed ?? object.getContents());
      this.text('\nendstream');
    } else {
      this.object(object);
    }
    this.text('\nendobj\n\n');
  }

  bytes(): Uint8Array {
    const bytes = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return bytes;
  }

  private object(object: PDFObject): void {
    const bytes = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(bytes, 0);
    this.add(bytes);
  }

  private add(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }
}
