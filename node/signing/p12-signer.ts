import { createPrivateKey, sign, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { SigningError, type Signer } from './signer';

const OIDS = { shroudedKey: '1.2.840.113549.1.12.10.1.2', key: '1.2.840.113549.1.12.10.1.1', cert: '1.2.840.113549.1.12.10.1.3' };

/**
 * A {@link Signer} from a PKCS#12 (.p12/.pfx) file, as certificate authorities hand them out: the
 * certificate whose public key matches the private key signs, the other certificates go along as its chain.
 *
 * @throws SigningError `p12-password` for a wrong password, `p12-unreadable` for a file that is not PKCS#12, `p12-no-key` for one without an RSA key and its certificate.
 */
export function p12Signer(p12: Uint8Array, password: string): Signer {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.binary.raw.encode(p12)), password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SigningError(/password|MAC/i.test(message) ? 'p12-password' : 'p12-unreadable', message);
  }
  const bagsOf = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bagsOf(OIDS.shroudedKey), ...bagsOf(OIDS.key)];
  const key = keyBags.map((bag) => bag.key).find((k): k is forge.pki.rsa.PrivateKey => k !== undefined && 'n' in k);
  const certificates = bagsOf(OIDS.cert).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const own = key && certificates.find((cert) => (cert.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n));
  if (!key || !own) throw new SigningError('p12-no-key');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));
  const der = (cert: forge.pki.Certificate): Uint8Array => forge.util.binary.raw.decode(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());
  const chain = [own, ...certificates.filter((cert) => cert !== own)].map(der);
  return {
    certificates: chain,
    name: commonName(chain[0]!),
    sign: (data) => Promise.resolve(new Uint8Array(sign('sha256', data, privateKey))),
  };
}

/** The certificate's CN; UTF-8 bytes in a string type meant for Latin-1, which some issuers write, are read as UTF-8. */
function commonName(der: Uint8Array): string {
  const name = /^CN=(.*)$/m.exec(new X509Certificate(der).subject)?.[1] ?? '';
  if ([...name].some((char) => char.codePointAt(0)! > 0xff)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}
