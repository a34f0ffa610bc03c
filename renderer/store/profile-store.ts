import { parseStoredProfile, type UnitProfile } from '../../core/profile/unit-profile';
import { PROFILE_KEY, type PledgeDatabase } from './database';

export type ProfileStore = ReturnType<typeof createProfileStore>;

/** The unit profile in the local database; Dexie stays behind this interface. */
export function createProfileStore(db: PledgeDatabase) {
  return {
    /** The profile, or undefined when none was entered (or the stored one no longer parses). */
    get: async (): Promise<UnitProfile | undefined> => parseStoredProfile(await db.profile.get(PROFILE_KEY)),
    save: (profile: Omit<UnitProfile, 'updatedAt'>, now: Date) => db.profile.put({ ...profile, updatedAt: now.getTime(), id: PROFILE_KEY }),
  };
}
