import { sha256 } from '@noble/hashes/sha2.js';
import forge from 'node-forge';
import type { Signer } from './signer';

const { asn1 } = forge;
const { Class, Type } = asn1;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

/**
 * A detached CMS signature as PAdES baseline B-B asks for (`ETSI.CAdES.detached`): SHA-256, the
 * signer's certificate bound by an ESS signing-certificate-v2 attribute, and no signing-time
 * attribute (the time is the signature dictionary's `/M`). Returns the DER of the ContentInfo.
 */
export async function cadesDetachedSignature(content: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const [own, ...rest] = signer.certificates;
  if (!own) throw new Error('A signer without a certificate cannot sign');
  const certificate = asn1.fromDer(bytes(own));
  const tbs = certificate.value[0] as forge.asn1.Asn1;
  const fields = tbs.value as forge.asn1.Asn1[];
  // The optional [0] version shifts the fields of tbsCertificate by one.
  const offset = fields[0]?.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset] as forge.asn1.Asn1;
  const issuer = fields[offset + 2] as forge.asn1.Asn1;

  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(sha256(content))),
    attribute(OID.signingCertificateV2, sequence([sequence([sequence([octets(sha256(own))])])])),
  ];
  // The signature covers the attributes DER-encoded as a SET, not as the [0] they are stored under.
  const toSign = asn1.create(Class.UNIVERSAL, Type.SET, true, signedAttributes);
  const signature = await signer.sign(raw(asn1.toDer(toSign).getBytes()));

  const signerInfo = sequence([
    integer(1),
    sequence([issuer, serial]),
    algorithm(OID.sha256),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
    sequence([oid(OID.rsaEncryption), asn1.create(Class.UNIVERSAL, Type.NULL, false, '')]),
    octets(signature),
  ]);
  const signedData = sequence([
    integer(1),
    set([algorithm(OID.sha256)]),
    sequence([oid(OID.data)]),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [certificate, ...rest.map((der) => asn1.fromDer(bytes(der)))]),
    set([signerInfo]),
  ]);
  const contentInfo = sequence([oid(OID.signedData), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return raw(asn1.toDer(contentInfo).getBytes());
}

function attribute(type: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return sequence([oid(type), set([value])]);
}

function algorithm(type: string): forge.asn1.Asn1 {
  return sequence([oid(type)]);
}

function sequence(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
}

function set(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.SET, true, items);
}

function oid(value: string): forge.asn1.Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(value).getBytes());
}

function octets(value: Uint8Array): forge.asn1.Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes(value));
}

function integer(value: number): forge.asn1.Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(value).getBytes());
}

/** forge speaks binary strings. */
function bytes(value: Uint8Array): string {
  return forge.util.binary.raw.encode(value);
}

function raw(value: string): Uint8Array {
  return forge.util.binary.raw.decode(value);
}
