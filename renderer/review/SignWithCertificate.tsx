import { useId, useState } from 'react';
import { checkAttachment, sniffAttachmentType } from '../../core/attachments/check-attachment';
import { pdfCopyContent } from '../../core/attachments/pdf-copy-content';
import { isCurrentSignedCopy, type DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { desktop } from '../bridge/desktop';
import { fromBase64, toBase64 } from '../shared/to-base64';
import type { DraftStore } from '../store/draft-store';
import { describeStorageError } from '../store/storage-errors';

interface SignWithCertificateProps {
  readonly draft: DraftRecord;
  readonly store: DraftStore;
  /** The approved PDF, exactly as frozen for review. */
  readonly pdf: Uint8Array;
  readonly fileName: string;
}

const fileBytes = async (file: File): Promise<Uint8Array> => new Uint8Array(await file.arrayBuffer());

/**
 * The principal signs the approved PDF with their certificate (as `pledge sign` does) and the
 * signed PDF becomes the letter's signed copy. The password stays in this component's state for
 * the one call and is cleared after it; it never reaches the store or a log.
 */
export function SignWithCertificate({ draft, store, pdf, fileName }: SignWithCertificateProps) {
  const id = useId();
  const [p12, setP12] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [signature, setSignature] = useState<File | null>(null);
  const [seal, setSeal] = useState<File | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const image = async (file: File) => {
    const bytes = await fileBytes(file);
    const type = sniffAttachmentType(bytes);
    if (type !== 'image/png' && type !== 'image/jpeg') throw new Refusal(t('ui.signing.not-image', { name: file.name }));
    return { type, base64: toBase64(bytes) };
  };

  const sign = async () => {
    if (!p12) return setStatus(t('ui.signing.missing-p12'));
    if (!signature) return setStatus(t('ui.signing.missing-signature-image'));
    setBusy(true);
    setStatus(t('ui.signing.signing'));
    try {
      const result = await desktop.call('signing.signPdf', {
        pdfName: fileName,
        p12Name: p12.name,
        pdfBase64: toBase64(pdf),
        p12Base64: toBase64(await fileBytes(p12)),
        password,
        signatureImage: await image(signature),
        ...(seal ? { sealImage: await image(seal) } : {}),
      });
      if (!result.ok) return setStatus(result.message);
      const bytes = fromBase64(result.base64);
      const name = `${fileName.replace(/\.pdf$/i, '')}（已签章）.pdf`;
      const attached = (await store.attachments(draft.id)).filter((a) => isCurrentSignedCopy(draft, a)).reduce((sum, a) => sum + a.size, 0);
      const check = checkAttachment(name, bytes, attached, draft.review?.pdfSha256);
      if (!check.ok) return setStatus(check.message);
      await store.addAttachment(draft.id, { name, type: check.type, bytes, pdfContent: await pdfCopyContent(bytes) }, new Date());
      setPassword('');
      setStatus(t('ui.signing.signed', { name: result.signerName, file: name }));
    } catch (error) {
      setStatus(error instanceof Refusal ? error.message : t('ui.signing.failed', { reason: describeStorageError(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="sign-with-certificate" aria-label={t('ui.signing.title')} onSubmit={(e) => e.preventDefault()}>
      <h3>{t('ui.signing.title')}</h3>
      <p>{t('ui.signing.explain')}</p>
      <div className="field">
        <label htmlFor={`${id}-p12`}>{t('ui.signing.p12')}</label>
        <input id={`${id}-p12`} type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setP12(e.target.files?.[0] ?? null)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('ui.signing.password')}</label>
        <input id={`${id}-password`} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-signature`}>{t('ui.signing.signature-image')}</label>
        <input id={`${id}-signature`} type="file" accept="image/png,image/jpeg" onChange={(e) => setSignature(e.target.files?.[0] ?? null)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-seal`}>{t('ui.signing.seal-image')}</label>
        <input id={`${id}-seal`} type="file" accept="image/png,image/jpeg" onChange={(e) => setSeal(e.target.files?.[0] ?? null)} />
      </div>
      <div className="actions actions--start">
        <button type="button" className="primary" disabled={busy} onClick={() => void sign()}>
          {t('ui.signing.sign')}
        </button>
      </div>
      {status && (
        <p role="status" data-testid="signing-status">
          {status}
        </p>
      )}
    </form>
  );
}

/** A problem with what was chosen, already in Chinese. */
class Refusal extends Error {}
