import { checkSigningImage } from '../../core/attachments/check-signing-image';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { ProfileImageSchema, type ProfileImage, type ProfileImageKind, type ProfileImages } from '../../core/profile/profile-image';
import { parseStoredProfile, type UnitProfile } from '../../core/profile/unit-profile';
import { PROFILE_KEY, type PledgeDatabase } from './database';

export type ProfileStore = ReturnType<typeof createProfileStore>;

export type SaveImageResult = { readonly ok: true; readonly image: ProfileImage } | { readonly ok: false; readonly message: string };

/** The unit profile in the local database; Dexie stays behind this interface. */
export function createProfileStore(db: PledgeDatabase) {
  return {
    /** The profile, or undefined when none was entered (or the stored one no longer parses). */
    get: async (): Promise<UnitProfile | undefined> => parseStoredProfile(await db.profile.get(PROFILE_KEY)),
    save: (profile: Omit<UnitProfile, 'updatedAt'>, now: Date) => db.profile.put({ ...profile, updatedAt: now.getTime(), id: PROFILE_KEY }),

    /** The signature and seal images kept with the profile; a stored row that no longer parses counts as none. */
    async images(): Promise<ProfileImages> {
      const images: ProfileImages = {};
      for (const row of await db.profileImages.toArray()) {
        const parsed = ProfileImageSchema.safeParse(row);
        if (parsed.success) images[parsed.data.kind] = parsed.data;
      }
      return images;
    },
    /** Keeps the file as the profile's image of that kind, replacing the one before; refused (in Chinese) when it cannot be a signing image. */
    async saveImage(kind: ProfileImageKind, name: string, bytes: Uint8Array, now: Date): Promise<SaveImageResult> {
      const check = checkSigningImage(name, bytes);
      if (!check.ok) return check;
      const image: ProfileImage = { kind, name, type: check.type, size: bytes.byteLength, sha256: sha256Hex(bytes), width: check.width, height: check.height, bytes, updatedAt: now.getTime() };
      await db.profileImages.put(image);
      return { ok: true, image };
    },
    removeImage: (kind: ProfileImageKind) => db.profileImages.delete(kind),
  };
}
