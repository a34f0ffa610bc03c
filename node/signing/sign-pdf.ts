import { degrees, drawImage, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFRef, PDFString, type PDFImage } from 'pdf-lib';
import { GUIDE_ANNOTATION_NAMES } from '../../core/pdf/signature-field';
import { cadesDetachedSignature } from './cades-signature';
import { SigningError, type Signer } from './signer';

export interface SignPdfOptions {
  /** PNG or JPEG of the principal's handwritten signature, fitted into the signing space. */
  readonly signatureImage: Uint8Array;
  /** PNG (ideally with transparency) or JPEG of the unit's seal, fitted into the seal's circle. */
  readonly sealImage?: Uint8Array;
  readonly signingTime: Date;
}

/** Room for the CMS: a certificate chain of three RSA-4096 certificates fits with room to spare. */
const SIGNATURE_BYTES = 16384;
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';
const ZERO = degrees(0);

/**
 * Signs a letter's PDF into its existing empty `/Sig` field (PAdES baseline B-B, SHA-256): the
 * field's appearance becomes the signature image and, given one, the seal image over the unit
 * name and date where the on-screen seal guide is; the guides go, the images take their place.
 *
 * @throws SigningError `not-pdf`, `no-empty-field` (none, or already signed), `image-unreadable`, `signature-too-large`.
 */
export async function signPdf(pdf: Uint8Array, signer: Signer, options: SignPdfOptions): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
    // pdf-lib opens some garbage as a document without a catalogue or pages.
    if (doc.getPageCount() === 0) throw new Error('no pages');
  } catch (error) {
    throw new SigningError('not-pdf', error instanceof Error ? error.message : String(error));
  }
  const { context } = doc;
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const field = acroForm && emptySignatureField(acroForm);
  const pageRef = field?.get(PDFName.of('P'));
  if (!acroForm || !field || !(pageRef instanceof PDFRef)) throw new SigningError('no-empty-field');
  const page = doc.getPages().find((candidate) => candidate.ref === pageRef);
  if (!page) throw new SigningError('no-empty-field');

  const fieldBox = rectOf(field.lookup(PDFName.of('Rect'), PDFArray));
  const guides = guideAnnotations(page.node.Annots());
  const sealBox = guides.seal ? rectOf(guides.seal.dict.lookup(PDFName.of('Rect'), PDFArray)) : fieldBox;
  const signature = await embedImage(doc, options.signatureImage);
  const seal = options.sealImage ? await embedImage(doc, options.sealImage) : undefined;
  const box = seal ? union(fieldBox, sealBox) : fieldBox;
  const placements: [string, PDFImage, Box][] = [['Signature', signature, fieldBox]];
  if (seal) placements.push(['Seal', seal, sealBox]);
  const operators = placements.flatMap(([name, image, target]) => drawImage(name, { ...fit(image, target, box), rotate: ZERO, xSkew: ZERO, ySkew: ZERO }));
  const appearance = context.formXObject(operators, {
    BBox: [0, 0, box.x1 - box.x0, box.y1 - box.y0],
    Resources: { XObject: Object.fromEntries(placements.map(([name, image]) => [name, image.ref])) },
  });
  field.set(PDFName.of('AP'), context.obj({ N: context.register(appearance) }));
  field.set(PDFName.of('Rect'), context.obj([box.x0, box.y0, box.x1, box.y1]));
  const annots = page.node.Annots();
  for (const guide of [guides.box, guides.seal]) {
    const at = guide && annots?.indexOf(guide.ref);
    if (at !== undefined) annots?.remove(at);
  }

  // Written verbatim, never into an object stream, so the byte range can be filled in afterwards.
  field.set(PDFName.of('V'), context.register(PDFInvalidObject.of(latin1(signatureDictionary(signer.name, options.signingTime)))));
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const prepared = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return fillSignature(prepared, signer);
}

function signatureDictionary(name: string, time: Date): string {
  const entries = [
    '/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached',
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${'0'.repeat(SIGNATURE_BYTES * 2)}>`,
    `/M ${PDFString.fromDate(time).toString()}`,
  ];
  if (name !== '') entries.push(`/Name ${PDFHexString.fromText(name).toString()}`);
  return `<< ${entries.join(' ')} >>`;
}

async function fillSignature(prepared: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const text = Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength).toString('latin1');
  const rangeAt = text.indexOf(BYTE_RANGE_PLACEHOLDER);
  const start = text.indexOf('/Contents <', rangeAt) + '/Contents '.length;
  const end = start + SIGNATURE_BYTES * 2 + 2;
  const range = `/ByteRange [0 ${start} ${end} ${prepared.length - end}`;
  const bytes = prepared.slice();
  bytes.set(latin1(range.padEnd(BYTE_RANGE_PLACEHOLDER.length - 1, ' ') + ']'), rangeAt);
  const signed = new Uint8Array(start + bytes.length - end);
  signed.set(bytes.subarray(0, start), 0);
  signed.set(bytes.subarray(end), start);
  const cms = await cadesDetachedSignature(signed, signer);
  if (cms.length > SIGNATURE_BYTES) throw new SigningError('signature-too-large', String(cms.length));
  bytes.set(latin1(Buffer.from(cms).toString('hex')), start + 1);
  return bytes;
}

function emptySignatureField(acroForm: PDFDict): PDFDict | undefined {
  const fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; i < (fields?.size() ?? 0); i += 1) {
    const candidate = fields!.lookupMaybe(i, PDFDict);
    if (candidate?.get(PDFName.of('FT')) === PDFName.of('Sig') && !candidate.has(PDFName.of('V'))) return candidate;
  }
  return undefined;
}

function guideAnnotations(annots: PDFArray | undefined): { box?: { ref: PDFRef; dict: PDFDict }; seal?: { ref: PDFRef; dict: PDFDict } } {
  const found: { box?: { ref: PDFRef; dict: PDFDict }; seal?: { ref: PDFRef; dict: PDFDict } } = {};
  for (let i = 0; i < (annots?.size() ?? 0); i += 1) {
    const ref = annots!.get(i);
    const dict = annots!.lookupMaybe(i, PDFDict);
    const name = dict?.lookupMaybe(PDFName.of('NM'), PDFString, PDFHexString)?.decodeText();
    if (!(ref instanceof PDFRef) || !dict) continue;
    if (name === GUIDE_ANNOTATION_NAMES[0]) found.box = { ref, dict };
    if (name === GUIDE_ANNOTATION_NAMES[1]) found.seal = { ref, dict };
  }
  return found;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

function rectOf(array: PDFArray): Box {
  const [a, b, c, d] = array.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) as [number, number, number, number];
  return { x0: Math.min(a, c), y0: Math.min(b, d), x1: Math.max(a, c), y1: Math.max(b, d) };
}

function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** The largest placement of the image inside `target` keeping its proportions, centred, in the coordinates of `frame`. */
function fit(image: PDFImage, target: Box, frame: Box): { x: number; y: number; width: number; height: number } {
  const scale = Math.min((target.x1 - target.x0) / image.width, (target.y1 - target.y0) / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { x: (target.x0 + target.x1 - width) / 2 - frame.x0, y: (target.y0 + target.y1 - height) / 2 - frame.y0, width, height };
}

async function embedImage(doc: PDFDocument, bytes: Uint8Array): Promise<PDFImage> {
  try {
    if (bytes[0] === 0x89 && bytes[1] === 0x50) return await doc.embedPng(bytes);
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return await doc.embedJpg(bytes);
  } catch (error) {
    throw new SigningError('image-unreadable', error instanceof Error ? error.message : String(error));
  }
  throw new SigningError('image-unreadable');
}

function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
