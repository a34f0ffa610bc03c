/**
 * Whatever holds the principal's private key. A PKCS#12 file is one ({@link p12Signer}); a USB key
 * reached through PKCS#11 would be another: it never gives its key away, it only signs.
 */
export interface Signer {
  /** The signer's certificate (DER) first, then any chain certificates to embed. */
  readonly certificates: readonly Uint8Array[];
  /** The name the signature dictionary shows: the certificate's common name. */
  readonly name: string;
  /** An RSA PKCS#1 v1.5 signature with SHA-256 over `data` (the DER of the CMS signed attributes). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export type SigningErrorCode = 'p12-unreadable' | 'p12-password' | 'p12-no-key' | 'no-empty-field' | 'not-pdf' | 'image-unreadable' | 'signature-too-large';

/** A signing that cannot be done with what was given; `code` picks the Chinese message. */
export class SigningError extends Error {
  constructor(
    readonly code: SigningErrorCode,
    detail?: string,
  ) {
    super(detail === undefined ? `Signing failed: ${code}` : `Signing failed: ${code} (${detail})`);
    this.name = 'SigningError';
  }
}
