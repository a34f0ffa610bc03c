import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFString } from 'pdf-lib';

/** A throw-away signer made in the test: RSA 2048, self-signed, packed as PKCS#12. */
export function makeTestP12(passphrase: string): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  const subject = [
    { name: 'commonName', value: forge.util.encodeUtf8('王建华（测试）') },
    { name: 'organizationName', value: 'Pledge Desk Test' },
    { name: 'countryName', value: 'CN' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * Puts a signature placeholder (/V with /ByteRange and /Contents) into the letter's EXISTING empty
 * field, as a signing tool would; @signpdf then fills it in. /ByteRange must precede /Contents.
 */
export async function preparePdfForSigning(pdf: Uint8Array, fieldName: string, signingTime: Date): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const { context } = doc;
  const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm.lookup(PDFName.of('Fields'), PDFArray);
  let field: PDFDict | undefined;
  for (let i = 0; i < fields.size(); i += 1) {
    const candidate = fields.lookup(i, PDFDict);
    const name = candidate.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (name?.decodeText() === fieldName && candidate.get(PDFName.of('FT')) === PDFName.of('Sig')) field = candidate;
  }
  if (!field) throw new Error(`No empty signature field named ${fieldName}`);
  const placeholder = '**********';
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'adbe.pkcs7.detached',
    ByteRange: [PDFNumber.of(0), PDFName.of(placeholder), PDFName.of(placeholder), PDFName.of(placeholder)],
    Contents: PDFHexString.of('0'.repeat(8192 * 2)),
    Reason: PDFHexString.fromText('同意'),
    Name: PDFHexString.fromText('王建华'),
    M: PDFString.fromDate(signingTime),
  });
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  // Written verbatim (never into an object stream) so @signpdf can find the placeholders.
  field.set(PDFName.of('V'), context.register(PDFInvalidObject.of(bytes)));
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
