import { z } from 'zod';
import { bytes, epochMs, sha256 } from '../drafts/draft-record';

/** The images the signed PDF shows in the signing place: the principal's signature, and the unit's seal where it has one. */
export const PROFILE_IMAGE_KINDS = ['signature', 'seal'] as const;
export type ProfileImageKind = (typeof PROFILE_IMAGE_KINDS)[number];

/**
 * One image kept with the unit profile, as checked when it was chosen (checkSigningImage): its
 * file name for the user, its type sniffed from the bytes and its size in pixels. Each kind has
 * its own record and its own time, so a backup brings back each image by the clock rule alone.
 */
export const ProfileImageSchema = z.strictObject({
  kind: z.enum(PROFILE_IMAGE_KINDS),
  name: z.string().min(1),
  type: z.enum(['image/png', 'image/jpeg']),
  size: z.number().int().nonnegative(),
  sha256,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes,
  updatedAt: epochMs,
});
export type ProfileImage = z.infer<typeof ProfileImageSchema>;

/** The profile's images by kind; a kind the user has not chosen is absent. */
export type ProfileImages = Partial<Record<ProfileImageKind, ProfileImage>>;
