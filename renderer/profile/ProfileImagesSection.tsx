import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import { PROFILE_IMAGE_KINDS, type ProfileImage, type ProfileImageKind } from '../../core/profile/profile-image';
import { AttachmentImage } from '../attachments/AttachmentImage';
import { FileButton } from '../app/FileButton';
import type { ProfileStore } from '../store/profile-store';
import { PROFILE_IMAGE_LABELS } from './profile-image-labels';

/**
 * The principal's signature and the unit's seal, chosen once here and drawn into every signed PDF
 * from the 审核 tab. Each is checked when chosen, as signing would check it, so a refusal comes now.
 */
export function ProfileImagesSection({ store, onError }: { store: ProfileStore; onError: (error: unknown) => void }) {
  const images = useLiveQuery(() => store.images(), [store]);
  const [message, setMessage] = useState<string | null>(null);

  const choose = async (kind: ProfileImageKind, file: File | undefined) => {
    if (!file) return;
    const saved = await store.saveImage(kind, file.name, new Uint8Array(await file.arrayBuffer()), new Date());
    setMessage(saved.ok ? t('ui.profile.image.saved', { what: t(PROFILE_IMAGE_LABELS[kind]), name: file.name }) : saved.message);
  };
  const remove = async (kind: ProfileImageKind) => {
    await store.removeImage(kind);
    setMessage(t('ui.profile.image.removed', { what: t(PROFILE_IMAGE_LABELS[kind]) }));
  };

  return (
    <section className="profile-images" aria-labelledby="profile-images-title">
      <h3 id="profile-images-title">{t('ui.profile.images.title')}</h3>
      <p>{t('ui.profile.images.explain')}</p>
      {images &&
        PROFILE_IMAGE_KINDS.map((kind) => (
          <ProfileImageRow key={kind} kind={kind} image={images[kind]} onChoose={(file) => void choose(kind, file).catch(onError)} onRemove={() => void remove(kind).catch(onError)} />
        ))}
      {message && (
        <p role="status" data-testid="profile-image-message">
          {message}
        </p>
      )}
    </section>
  );
}

function ProfileImageRow({ kind, image, onChoose, onRemove }: { kind: ProfileImageKind; image: ProfileImage | undefined; onChoose: (file: File | undefined) => void; onRemove: () => void }) {
  const label = t(PROFILE_IMAGE_LABELS[kind]);
  return (
    <div role="group" aria-label={label} className="profile-image" data-testid={`profile-image-${kind}`}>
      <span className="profile-image__label">{label}</span>
      {image ? (
        <>
          <SigningImageThumb image={image} label={label} />
          <span className="profile-image__about">{t('ui.profile.image.about', { name: image.name, actual: `${image.width}×${image.height}` })}</span>
        </>
      ) : (
        <span className="profile-image__about">{t('ui.profile.image.none')}</span>
      )}
      <span className="attachment__actions">
        <FileButton label={t(image ? 'ui.profile.image.replace' : 'ui.profile.image.add')} accept="image/png,image/jpeg" onFiles={(files) => onChoose(files[0])} />
        {image && (
          <button type="button" className="danger" onClick={onRemove}>
            {t('ui.profile.image.remove')}
          </button>
        )}
      </span>
    </div>
  );
}

/** The image small, named for a screen reader by what it is and its file. */
export function SigningImageThumb({ image, label }: { image: Pick<ProfileImage, 'bytes' | 'type' | 'name'>; label: string }) {
  return <AttachmentImage attachment={image} className="attachment__thumb" alt={t('ui.profile.image.thumbnail', { what: label, name: image.name })} />;
}
