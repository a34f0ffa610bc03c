import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { checkSigningImage } from '../../core/attachments/check-signing-image';
import type { DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import type { ProfileImage, ProfileImageKind } from '../../core/profile/profile-image';
import { FileButton } from '../app/FileButton';
import { desktop } from '../bridge/desktop';
import { PROFILE_IMAGE_LABELS } from '../profile/profile-image-labels';
import { SigningImageThumb } from '../profile/ProfileImagesSection';
import { fromBase64, toBase64 } from '../shared/to-base64';
import { addSignedCopy } from '../store/add-signed-copy';
import type { DraftStore } from '../store/draft-store';
import type { ProfileStore } from '../store/profile-store';
import { describeStorageError } from '../store/storage-errors';

interface SignWithCertificateProps {
  readonly draft: DraftRecord;
  readonly store: DraftStore;
  /** Where the signature and seal images come from unless another file is chosen for this signing. */
  readonly profile: ProfileStore;
  /** The approved PDF, exactly as frozen for review. */
  readonly pdf: Uint8Array;
  readonly fileName: string;
}

/** A file chosen for this signing only, already checked as the profile would check it. */
interface ChosenImage {
  readonly name: string;
  readonly type: ProfileImage['type'];
  readonly bytes: Uint8Array;
}

const fileBytes = async (file: File): Promise<Uint8Array> => new Uint8Array(await file.arrayBuffer());

/**
 * The principal signs the approved PDF with their certificate (as `pledge sign` does) and the
 * signed PDF becomes the letter's signed copy. The signature and seal images are the unit
 * profile's, unless a file is chosen for this signing, which changes the profile only when saved
 * to it. A personal letter has no seal place, so the unit's seal is not drawn on it. The password
 * stays in this component's state for the one call and is cleared after it; it never reaches the
 * store or a log.
 */
export function SignWithCertificate({ draft, store, profile, pdf, fileName }: SignWithCertificateProps) {
  const id = useId();
  const stored = useLiveQuery(() => profile.images(), [profile]);
  const [p12, setP12] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [chosen, setChosen] = useState<Partial<Record<ProfileImageKind, ChosenImage>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kinds: readonly ProfileImageKind[] = draft.summary.kind === 'person' ? ['signature'] : ['signature', 'seal'];
  const inUse = (kind: ProfileImageKind): ChosenImage | undefined => chosen[kind] ?? stored?.[kind];

  const choose = async (kind: ProfileImageKind, file: File | undefined) => {
    if (!file) return;
    const bytes = await fileBytes(file);
    const check = checkSigningImage(file.name, bytes);
    if (!check.ok) return setStatus(check.message);
    setChosen((current) => ({ ...current, [kind]: { name: file.name, type: check.type, bytes } }));
    setStatus(null);
  };
  const forget = (kind: ProfileImageKind) => setChosen(({ [kind]: _dropped, ...rest }) => rest);
  const saveToProfile = async (kind: ProfileImageKind, image: ChosenImage) => {
    const saved = await profile.saveImage(kind, image.name, image.bytes, new Date());
    if (!saved.ok) return setStatus(saved.message);
    forget(kind);
    setStatus(t('ui.signing.saved-to-profile', { name: image.name }));
  };

  const sign = async () => {
    if (!p12) return setStatus(t('ui.signing.missing-p12'));
    const signature = inUse('signature');
    if (!signature) return setStatus(t('ui.signing.missing-signature-image'));
    const seal = kinds.includes('seal') ? inUse('seal') : undefined;
    setBusy(true);
    setStatus(t('ui.signing.signing'));
    try {
      const result = await desktop.call('signing.signPdf', {
        pdfName: fileName,
        p12Name: p12.name,
        pdfBase64: toBase64(pdf),
        p12Base64: toBase64(await fileBytes(p12)),
        password,
        signatureImage: { type: signature.type, base64: toBase64(signature.bytes) },
        ...(seal ? { sealImage: { type: seal.type, base64: toBase64(seal.bytes) } } : {}),
      });
      if (!result.ok) return setStatus(result.message);
      const name = `${fileName.replace(/\.pdf$/i, '')}（已签章）.pdf`;
      const added = await addSignedCopy(store, draft, name, fromBase64(result.base64), new Date());
      if (!added.ok) return setStatus(added.message);
      setPassword('');
      setStatus(t('ui.signing.signed', { name: result.signerName, file: name }));
    } catch (error) {
      setStatus(t('ui.signing.failed', { reason: describeStorageError(error) }));
    } finally {
      setBusy(false);
    }
  };

  const report = (work: Promise<unknown>) => void work.catch((error: unknown) => setStatus(t('ui.signing.failed', { reason: describeStorageError(error) })));

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
      {stored &&
        kinds.map((kind) => (
          <SigningImageChoice
            key={kind}
            kind={kind}
            stored={stored[kind]}
            chosen={chosen[kind]}
            onChoose={(file) => report(choose(kind, file))}
            onForget={() => forget(kind)}
            onSave={(image) => report(saveToProfile(kind, image))}
          />
        ))}
      {kinds.length === 1 && <p className="field-hint">{t('ui.signing.person-no-seal')}</p>}
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

interface SigningImageChoiceProps {
  readonly kind: ProfileImageKind;
  readonly stored: ProfileImage | undefined;
  readonly chosen: ChosenImage | undefined;
  readonly onChoose: (file: File | undefined) => void;
  readonly onForget: () => void;
  readonly onSave: (image: ChosenImage) => void;
}

/** Which image this signing draws for one kind, and where it comes from. */
function SigningImageChoice({ kind, stored, chosen, onChoose, onForget, onSave }: SigningImageChoiceProps) {
  const label = t(PROFILE_IMAGE_LABELS[kind]);
  const shown = chosen ?? stored;
  const missing = kind === 'signature' ? 'ui.signing.no-signature-in-profile' : 'ui.signing.no-seal-in-profile';
  return (
    <div role="group" aria-label={label} className="profile-image" data-testid={`signing-image-${kind}`}>
      <span className="profile-image__label">{label}</span>
      {shown && <SigningImageThumb image={shown} label={label} />}
      <span className="profile-image__about">{chosen ? t('ui.signing.this-time', { name: chosen.name }) : stored ? t('ui.signing.from-profile') : t(missing)}</span>
      <span className="attachment__actions">
        <FileButton label={t(stored || chosen ? 'ui.signing.choose-other' : 'ui.signing.choose', { what: label })} accept="image/png,image/jpeg" onFiles={(files) => onChoose(files[0])} />
        {chosen && (
          <button type="button" onClick={() => onSave(chosen)}>
            {t('ui.signing.save-to-profile')}
          </button>
        )}
        {chosen && stored && (
          <button type="button" onClick={onForget}>
            {t('ui.signing.use-profile')}
          </button>
        )}
      </span>
    </div>
  );
}
